// FatalError ends the run with exit code 2: a file that cannot be read or written at all.
// Everything else is a Diagnostic.
#pragma once

#include <stdexcept>
#include <string>

namespace logogrid {

class FatalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace logogrid

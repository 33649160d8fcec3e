// Fuzz target for the participants loader and validator: any bytes end in diagnostics.
#include <cstdint>

#include "diag/fatal_error.hpp"
#include "fuzz_support.hpp"
#include "load/participants_file.hpp"
#include "validate/model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  logogrid::Diagnostics diagnostics;
  try {
    const auto file =
        logogrid::load_participants(logogrid::fuzzing::input_file(data, size), diagnostics);
    logogrid::validate_participants(file, diagnostics);
  } catch (const logogrid::FatalError&) {
    // An unreadable register file named inside the input: exit code 2 in the CLI.
  }
  return 0;
}

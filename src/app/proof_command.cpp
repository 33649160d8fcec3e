// `logogrid proof`: the review copy (not yet implemented).
#include <iostream>

#include "app/commands.hpp"

namespace logogrid {

int run_proof(const ProofOptions&) {
  std::cerr << "logogrid: proof is not available yet\n";
  return 2;
}

}  // namespace logogrid

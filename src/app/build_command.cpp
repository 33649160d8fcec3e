// `logogrid build`: the print job (pages follow once the renderer lands).
#include <iostream>

#include "app/commands.hpp"

namespace logogrid {

int run_build(const BuildOptions&) {
  std::cerr << "logogrid: build is not available yet\n";
  return 2;
}

int run_proof(const ProofOptions&) {
  std::cerr << "logogrid: proof is not available yet\n";
  return 2;
}

}  // namespace logogrid

// Fuzz target for the layout loader: any bytes end in layout-invalid diagnostics.
#include <cstdint>

#include "fuzz_support.hpp"
#include "load/layout.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  logogrid::Diagnostics diagnostics;
  logogrid::load_layout(logogrid::fuzzing::input_file(data, size), diagnostics);
  return 0;
}

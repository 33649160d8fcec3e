// Fuzz target for the SVG path of logo decoding (seeded with SVG files): any bytes
// must end in a logo or a diagnostic, never in a crash, a hang or unbounded memory. librsvg
// runs in worker processes, as in logogrid itself; their crashes become diagnostics.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_support.hpp"

// libFuzzer calls this before anything else: a worker started by the SVG path serves.
extern "C" int LLVMFuzzerInitialize(int* argc, char*** argv) {
  if (logogrid::fuzzing::serve_as_svg_worker(*argc, *argv)) std::exit(0);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  logogrid::fuzzing::decode_logo_or_explain(data, size, "logos/fuzz.svg");
  return 0;
}

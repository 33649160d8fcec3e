// Fuzz target for the SVG path of logo decoding (seeded with SVG files): any bytes
// must end in a logo or a diagnostic, never in a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  logogrid::fuzzing::decode_logo_or_explain(data, size, "logos/fuzz.svg");
  return 0;
}

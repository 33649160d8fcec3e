// Fuzz target for the PNG path of logo decoding (seeded with PNG files): any bytes
// must end in a logo or a diagnostic, never in a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>

#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  logogrid::fuzzing::decode_logo_or_explain(data, size, "logos/fuzz.png");
  return 0;
}

// Fuzz target for the PNG path of logo decoding: any bytes must end in a logo or a
// diagnostic, never in a crash, a hang or unbounded memory.
#include <cstddef>
#include <cstdint>
#include <string>

#include "resolve/logo.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  logogrid::LogoRequest request;
  request.path = "logos/fuzz.png";
  request.participants_file = "participants.yaml";
  logogrid::Diagnostics diagnostics;
  const auto logo = logogrid::decode_logo(std::string(reinterpret_cast<const char*>(data), size),
                                          request, diagnostics);
  if (!logo && diagnostics.items().empty()) __builtin_trap();  // a refusal must say why
  return 0;
}

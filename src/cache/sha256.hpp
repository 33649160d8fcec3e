// SHA-256 as lowercase hex, through nettle (SHA-NI where the CPU has it: ~3× glib's).
#pragma once

#include <cstddef>
#include <string>

namespace logogrid {

std::string sha256_hex(const void* data, std::size_t size);

}  // namespace logogrid

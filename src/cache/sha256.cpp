#include "cache/sha256.hpp"

#include <nettle/sha2.h>

#include <cstdint>

namespace logogrid {

std::string sha256_hex(const void* data, std::size_t size) {
  sha256_ctx context;
  sha256_init(&context);
  sha256_update(&context, size, static_cast<const std::uint8_t*>(data));
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context, SHA256_DIGEST_SIZE, digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * SHA256_DIGEST_SIZE, '0');
  for (std::size_t i = 0; i < SHA256_DIGEST_SIZE; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0x0f];
  }
  return hex;
}

}  // namespace logogrid

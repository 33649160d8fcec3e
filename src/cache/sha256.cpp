// SHA-256 through nettle.
#include "cache/sha256.hpp"

#include <cstdint>

namespace logogrid {

Sha256::Sha256() { sha256_init(&context_); }

void Sha256::update(const void* data, std::size_t size) {
  sha256_update(&context_, size, static_cast<const std::uint8_t*>(data));
}

std::string Sha256::hex() {
  std::uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_digest(&context_, SHA256_DIGEST_SIZE, digest);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string hex(2 * SHA256_DIGEST_SIZE, '0');
  for (std::size_t i = 0; i < SHA256_DIGEST_SIZE; ++i) {
    hex[2 * i] = kHex[digest[i] >> 4];
    hex[2 * i + 1] = kHex[digest[i] & 0x0f];
  }
  return hex;
}

std::string sha256_hex(const void* data, std::size_t size) {
  Sha256 sha;
  sha.update(data, size);
  return sha.hex();
}

}  // namespace logogrid

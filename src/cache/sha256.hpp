// SHA-256 as lowercase hex, through nettle (SHA-NI where the CPU has it: ~3× glib's).
#pragma once

#include <nettle/sha2.h>

#include <cstddef>
#include <string>

namespace logogrid {

std::string sha256_hex(const void* data, std::size_t size);

// The same, fed in pieces (files checked while they are read or copied).
class Sha256 {
 public:
  Sha256();
  void update(const void* data, std::size_t size);
  std::string hex();  // once, at the end

 private:
  sha256_ctx context_;
};

}  // namespace logogrid

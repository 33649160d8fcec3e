// deflate_zlib / inflate_zlib: thin wrappers around libdeflate with one (de)compressor per
// thread, since allocating a compressor costs more than compressing a small stream.
#include "codec/deflate.hpp"

#include <libdeflate.h>

#include <array>
#include <atomic>
#include <memory>
#include <new>
#include <stdexcept>

namespace logogrid {
namespace {

struct FreeCompressor {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
struct FreeDecompressor {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

constexpr int kMaxLevel = 12;  // libdeflate's levels are 0 to 12

libdeflate_compressor* compressor(int level) {
  if (level < 0 || level > kMaxLevel)
    throw std::invalid_argument("deflate level out of range 0..12");
  thread_local std::array<std::unique_ptr<libdeflate_compressor, FreeCompressor>, kMaxLevel + 1>
      compressors;
  auto& slot = compressors[static_cast<std::size_t>(level)];
  if (!slot) slot.reset(libdeflate_alloc_compressor(level));
  if (!slot) throw std::bad_alloc();
  return slot.get();
}

libdeflate_decompressor* decompressor() {
  thread_local std::unique_ptr<libdeflate_decompressor, FreeDecompressor> slot;
  if (!slot) slot.reset(libdeflate_alloc_decompressor());
  if (!slot) throw std::bad_alloc();
  return slot.get();
}

std::atomic<std::uint64_t> input_bytes{0};

}  // namespace

std::uint64_t deflated_input_bytes() { return input_bytes.load(); }

std::string deflate_zlib(std::string_view data, int level) {
  input_bytes += data.size();
  libdeflate_compressor* c = compressor(level);
  // The bound is about the input's size, and most of it stays unwritten: left uninitialised,
  // its pages are never touched (zero-filling a 9 MB bound was a tenth of a build's time).
  const std::size_t bound = libdeflate_zlib_compress_bound(c, data.size());
  const std::unique_ptr<char[]> buffer(new char[bound]);
  const std::size_t written =
      libdeflate_zlib_compress(c, data.data(), data.size(), buffer.get(), bound);
  if (written == 0) throw std::logic_error("libdeflate: output exceeded its own bound");
  return std::string(buffer.get(), written);
}

bool inflate_zlib(std::string_view data, void* out, std::size_t size) {
  return libdeflate_zlib_decompress(decompressor(), data.data(), data.size(), out, size, nullptr) ==
         LIBDEFLATE_SUCCESS;
}

std::uint32_t crc32_of(std::string_view data) {
  return libdeflate_crc32(0, data.data(), data.size());
}

}  // namespace logogrid

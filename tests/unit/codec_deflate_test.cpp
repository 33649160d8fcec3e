// deflate_zlib / inflate_zlib: zlib-format streams any PDF reader (and zlib) inflates, the
// same bytes on every thread, damaged or wrongly sized streams refused.
#include <gtest/gtest.h>
#include <zlib.h>

#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "codec/deflate.hpp"

namespace logogrid {
namespace {

// A plane like a logo's: runs of flat colour with some noise.
std::string sample_plane() {
  std::string plane;
  unsigned state = 12345;
  for (int row = 0; row < 300; ++row)
    for (int x = 0; x < 600; ++x) {
      state = state * 1103515245u + 12345u;
      plane.push_back(static_cast<char>(x < 200 ? 0x1f : x < 400 ? (state >> 24) & 0x0f : 0xe0));
    }
  return plane;
}

std::string zlib_inflate(const std::string& stream, std::size_t size) {
  std::string out(size, '\0');
  uLongf length = static_cast<uLongf>(size);
  if (uncompress(reinterpret_cast<Bytef*>(out.data()), &length,
                 reinterpret_cast<const Bytef*>(stream.data()),
                 static_cast<uLong>(stream.size())) != Z_OK)
    return "<zlib refused>";
  out.resize(length);
  return out;
}

TEST(codec_deflate, zlib_inflates_what_deflate_zlib_wrote_at_every_level) {
  const std::string plane = sample_plane();
  for (int level : {0, 1, kDeflateLevel, 9, 12}) {
    const std::string stream = deflate_zlib(plane, level);
    EXPECT_EQ(zlib_inflate(stream, plane.size()), plane) << "level " << level;
    if (level > 0) {
      EXPECT_LT(stream.size(), plane.size() / 3) << "level " << level;
    }
  }
  EXPECT_EQ(zlib_inflate(deflate_zlib(""), 0), "");
}

TEST(codec_deflate, inflate_zlib_reads_zlibs_streams_and_refuses_damage_and_wrong_sizes) {
  const std::string plane = sample_plane();
  uLongf length = compressBound(static_cast<uLong>(plane.size()));
  std::string stream(length, '\0');
  ASSERT_EQ(
      compress2(reinterpret_cast<Bytef*>(stream.data()), &length,
                reinterpret_cast<const Bytef*>(plane.data()), static_cast<uLong>(plane.size()), 6),
      Z_OK);
  stream.resize(length);
  std::string out(plane.size(), '\0');
  ASSERT_TRUE(inflate_zlib(stream, out.data(), out.size()));
  EXPECT_EQ(out, plane);
  EXPECT_FALSE(inflate_zlib(stream, out.data(), out.size() - 1));  // holds more
  std::string longer(plane.size() + 1, '\0');
  EXPECT_FALSE(inflate_zlib(stream, longer.data(), longer.size()));  // holds less
  std::string damaged = stream;
  damaged[damaged.size() / 2] = static_cast<char>(damaged[damaged.size() / 2] ^ 0x55);
  EXPECT_FALSE(inflate_zlib(damaged, out.data(), out.size()));
  EXPECT_FALSE(inflate_zlib(stream.substr(0, stream.size() / 2), out.data(), out.size()));
}

TEST(codec_deflate, every_thread_writes_the_same_bytes) {
  const std::string plane = sample_plane();
  const std::string serial = deflate_zlib(plane);
  std::vector<std::string> parallel(6);
  std::vector<std::thread> threads;
  for (std::size_t t = 0; t < parallel.size(); ++t)
    threads.emplace_back([&, t] {
      for (int round = 0; round < 3; ++round) parallel[t] = deflate_zlib(plane);
    });
  for (auto& thread : threads) thread.join();
  for (const auto& bytes : parallel) EXPECT_EQ(bytes, serial);
}

TEST(codec_deflate, a_level_outside_libdeflates_range_is_a_programming_error) {
  EXPECT_THROW(deflate_zlib("x", 13), std::invalid_argument);
  EXPECT_THROW(deflate_zlib("x", -1), std::invalid_argument);
}

}  // namespace
}  // namespace logogrid

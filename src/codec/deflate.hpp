// Whole-buffer deflate and inflate in the zlib format (RFC 1950, what PDF's FlateDecode
// and PNG's IDAT hold), with libdeflate: the one compressor for streams whose bytes are ours.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace logogrid {

// The level for PDF streams we write, measured with bench/deflate_levels on the colour
// and alpha planes of the 300 PNG logos of the 1000-logo bench set (1081 MB raw; CPU s):
// zlib 6 (libqpdf's default) 14.57 MB in 3.67 s; libdeflate 4: 14.39 MB, 1.71 s;
// 5: 13.31 MB, 1.82 s; 6: 13.25 MB, 1.99 s; 9: 12.31 MB, 3.60 s. Level 5 is 9 % smaller
// than today's streams at half the time; above it, time grows faster than size shrinks.
constexpr int kDeflateLevel = 5;

// The zlib-format deflate of `data`. Thread-safe: each thread keeps its own compressor
// per level. The same input and level give the same bytes on every run and thread.
std::string deflate_zlib(std::string_view data, int level = kDeflateLevel);

// Bytes deflate_zlib has been given in this process so far (for tests and measurements).
std::uint64_t deflated_input_bytes();

// Inflates the zlib-format stream `data` into exactly `size` bytes at `out`. False when
// the stream is damaged or does not hold exactly `size` bytes. Thread-safe.
bool inflate_zlib(std::string_view data, void* out, std::size_t size);

// The CRC-32 (ISO 3309, as in PNG chunks) of `data`.
std::uint32_t crc32_of(std::string_view data);

}  // namespace logogrid

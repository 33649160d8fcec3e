// Fuzz target for the PNG path of logo decoding (seeded with PNG files): any bytes must end
// in a logo or a diagnostic, never in a crash, a hang or unbounded memory. A logo that
// decodes must carry a print image of exactly width × height samples, and the decoder must
// deliver the same rows however interlaced images are cut into bands.
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "fuzz_support.hpp"
#include "resolve/png_decode.hpp"
#include "resolve/png_image.hpp"

namespace {

// The inflated size of a zlib stream, or -1 when it does not inflate.
long long inflated_size(const std::string& data) {
  z_stream stream{};
  if (inflateInit(&stream) != Z_OK) return -1;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  stream.avail_in = static_cast<uInt>(data.size());
  unsigned char buffer[65536];
  int status = Z_OK;
  long long total = 0;
  do {
    stream.next_out = buffer;
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    total += static_cast<long long>(sizeof buffer - stream.avail_out);
  } while (status == Z_OK);
  inflateEnd(&stream);
  return status == Z_STREAM_END ? total : -1;
}

// Adds up the rows it is given, position by position.
class RowChecksum final : public logogrid::PngRowSink {
 public:
  bool start(const logogrid::PngHeader& header) override {
    row_bytes = std::size_t{header.width} * std::size_t(header.channels);
    return true;
  }
  bool row(const std::uint8_t* samples, std::uint32_t y) override {
    if (y != rows) __builtin_trap();  // rows come in order, each once
    for (std::size_t i = 0; i < row_bytes; ++i) sum = sum * 31 + samples[i] + y;
    ++rows;
    return true;
  }
  std::size_t row_bytes = 0;
  std::uint32_t rows = 0;
  std::uint64_t sum = 0;
};

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto logo = logogrid::fuzzing::decode_logo_or_explain(data, size, "logos/fuzz.png");
  if (!logo || logo->format != logogrid::LogoFormat::png) return 0;
  if (!logo->png) __builtin_trap();
  const logogrid::PngImage& image = *logo->png;
  const long long pixels = static_cast<long long>(image.width) * image.height;
  // Rows with a PNG filter byte each (the file's own IDAT, or made with the Up filter).
  const long long row_bytes =
      (static_cast<long long>(image.width) * image.components * image.bits_per_component + 7) / 8;
  if (inflated_size(image.samples) != (row_bytes + 1) * image.height) __builtin_trap();
  if (!image.alpha.empty() && inflated_size(image.alpha) != pixels + image.height) __builtin_trap();
  if (pixels <= 4096) {
    const std::string_view bytes(reinterpret_cast<const char*>(data), size);
    RowChecksum whole, banded;
    std::string error;
    if (!logogrid::decode_png(bytes, whole, error) ||
        !logogrid::decode_png(bytes, banded, error, 1))
      __builtin_trap();  // it decoded as a logo a moment ago
    if (whole.rows != static_cast<std::uint32_t>(image.height) || whole.sum != banded.sum)
      __builtin_trap();
  }
  return 0;
}

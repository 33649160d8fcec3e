// The one PNG decoder: libpng's full API, every colour type, bit depth and interlace
// method, delivering full-width rows of 8-bit samples in order, one at a time. Ink
// measurement, the print image and the proof all read their samples from here.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace logogrid {

// The chunks that decide how a PNG's samples are to be understood (see png_color.hpp).
struct PngColorChunks {
  bool has_iccp_chunk = false;  // an iCCP chunk is in the file, even if libpng refused it
  std::string icc_profile;      // the iCCP profile libpng accepted
  bool srgb = false;            // sRGB chunk
  std::optional<double> gamma;  // gAMA (file gamma, e.g. 0.45455)
  // cHRM: white point, red, green, blue as x, y pairs.
  std::optional<std::array<double, 8>> chromaticities;
};

struct PngHeader {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
  int bit_depth = 0;
  int color_type = 0;  // PNG_COLOR_TYPE_*
  bool interlaced = false;
  bool transparency = false;  // a tRNS chunk
  PngColorChunks color;
  // The rows delivered: 1 grey, 2 grey + alpha, 3 RGB, 4 RGBA (palette and tRNS expanded).
  int channels = 0;
};

// Receives the decoded image. Rows come in order, each width * channels bytes.
class PngRowSink {
 public:
  virtual ~PngRowSink() = default;
  // Called once before the first row. Returning false stops decoding.
  virtual bool start(const PngHeader& header) = 0;
  virtual bool row(const std::uint8_t* samples, std::uint32_t y) = 0;
  // True when the sink keeps the PNG's own IDAT data (it passes into the PDF as stored):
  // then zlib's Adler-32 of the image data is verified. Otherwise it is skipped, since the
  // chunks' CRCs already guard every byte read. Asked after start().
  virtual bool keeps_idat() const { return false; }
  // Why the sink stopped, for the error message.
  virtual std::string stop_reason() const { return "decoding stopped"; }
};

// Interlaced images are decoded in bands of rows of at most this many bytes.
constexpr std::size_t kPngBandBytes = 32u * 1024u * 1024u;

// Decodes `bytes` (starting with the PNG signature) into `sink`. Memory stays bounded by
// rows: plain images are decoded one row at a time; interlaced ones in bands of rows,
// decoding the file once per band (Adam7 completes the first row only in its sixth pass).
// Returns false with `error` set when the file does not decode (libpng's error, an
// out-of-range palette index, or the sink's reason).
bool decode_png(std::string_view bytes, PngRowSink& sink, std::string& error,
                std::size_t band_bytes = kPngBandBytes);

// Images whose data decode_png has inflated whole and unfiltered itself, in this process
// (plain 8-bit images of moderate size; the others go through libpng): for tests.
std::uint64_t png_whole_image_decodes();

}  // namespace logogrid

// PNG logos: header limits read from IHDR before libpng sees the data, then one streaming
// decode (png_decode) that measures the ink box and compresses the print samples, colour
// and alpha into their two streams, row by row.
#include "resolve/png_logo.hpp"

#include <fmt/format.h>
#include <png.h>
#include <zlib.h>

#include <cstdint>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "codec/deflate.hpp"
#include "resolve/ink_box.hpp"
#include "resolve/png_color.hpp"
#include "resolve/png_decode.hpp"
#include "resolve/png_image.hpp"

namespace logogrid {
namespace {

constexpr std::size_t kSignatureBytes = 8;

std::uint32_t read_be32(std::string_view bytes, std::size_t at) {
  return (std::uint32_t{static_cast<unsigned char>(bytes[at])} << 24) |
         (std::uint32_t{static_cast<unsigned char>(bytes[at + 1])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(bytes[at + 2])} << 8) |
         std::uint32_t{static_cast<unsigned char>(bytes[at + 3])};
}

// The concatenated IDAT data of a PNG libpng has read without error.
std::string idat_data(std::string_view bytes) {
  std::string idat;
  for (std::size_t at = kSignatureBytes; at + 12 <= bytes.size();) {
    const std::uint32_t length = read_be32(bytes, at);
    if (length > bytes.size() - at - 12) break;
    const std::string_view type = bytes.substr(at + 4, 4);
    if (type == "IDAT") idat.append(bytes.substr(at + 8, length));
    if (type == "IEND") break;
    at += std::size_t(length) + 12;
  }
  return idat;
}

// A plane (colour or alpha) of at most this many bytes is kept whole and compressed in one
// go with codec/deflate (libdeflate), as every 2000 px logo is: at its level 5 that is
// half zlib's time at 9 % smaller streams. Larger planes are streamed through zlib, so
// that memory stays bounded by rows: a worker holds at most its two planes of up to this
// size and one compressed copy.
constexpr std::size_t kWholePlaneBytes = 16u * 1024u * 1024u;
// zlib's level for streamed planes, measured with `build -j 1` of bench/run's large-PNG
// case (four 10000 × 10000 px logos; CPU s of the whole build, size of the PDF): level 6
// (zlib's default) 6.35 s, 2.8 MB; level 3 3.84 s, 8.1 MB; level 1 3.81 s, 8.1 MB.
constexpr int kStreamedLevel = 1;

// Where a thread collects whole planes, kept from one logo to the next: a fresh plane of
// megabytes costs the kernel a zeroed page for every 4 kB written (a tenth of a cold build
// of 60 logos went to those page faults). At most kWholePlaneBytes each.
struct PlaneBuffers {
  std::string colour, alpha;
};
PlaneBuffers& plane_buffers() {
  thread_local PlaneBuffers buffers;
  return buffers;
}

// The zlib stream of one plane, fed row by row, each row with a PNG filter byte (PDF's
// /Predictor 15 reads them). A plane kept whole is filtered with Up (each byte less the one
// above): flat logo art becomes mostly zeros, measured with bench/deflate_levels on the
// planes of the 60 PNG logos of a 200-logo bench set (libdeflate level 5), 2.15 MB in 272
// ms unfiltered, 1.21 MB in 256 ms filtered. A streamed plane is not (filter None): zlib's
// level 1 made the large-PNG case 22 % slower on Up rows, and no smaller. A whole plane is
// collected in `whole`, which is left empty (its capacity kept) when the stream is finished.
class PlaneCompressor {
 public:
  PlaneCompressor(std::size_t row_bytes, std::size_t rows, std::string& whole)
      : row_bytes_(row_bytes), whole_(whole) {
    whole_.clear();
    const std::size_t plane_bytes = (row_bytes + 1) * rows;
    if (plane_bytes <= kWholePlaneBytes) {
      whole_.reserve(plane_bytes);
      return;
    }
    streamed_ = true;
    if (deflateInit(&stream_, kStreamedLevel) != Z_OK) throw std::bad_alloc();
  }
  ~PlaneCompressor() {
    if (streamed_) deflateEnd(&stream_);
  }
  PlaneCompressor(const PlaneCompressor&) = delete;
  PlaneCompressor& operator=(const PlaneCompressor&) = delete;

  // One row of row_bytes bytes.
  void write_row(const unsigned char* row) {
    if (!streamed_) {
      // Filtered in place when the plane is finished, from the last row up.
      whole_.push_back(kUp);
      whole_.append(reinterpret_cast<const char*>(row), row_bytes_);
      return;
    }
    run(&kNone, 1, Z_NO_FLUSH);
    run(row, row_bytes_, Z_NO_FLUSH);
  }
  std::string finish() {
    if (!streamed_) {
      auto* data = reinterpret_cast<unsigned char*>(whole_.data());
      const std::size_t stride = row_bytes_ + 1;
      for (std::size_t at = whole_.size(); at >= 2 * stride; at -= stride) {
        unsigned char* row = data + at - stride + 1;
        const unsigned char* above = row - stride;
        for (std::size_t i = 0; i < row_bytes_; ++i)
          row[i] = static_cast<unsigned char>(row[i] - above[i]);
      }
      std::string out = deflate_zlib(whole_);
      whole_.clear();
      return out;
    }
    run(nullptr, 0, Z_FINISH);
    return std::move(out_);
  }

 private:
  static constexpr unsigned char kNone = 0;  // PNG filter types
  static constexpr unsigned char kUp = 2;

  void run(const unsigned char* data, std::size_t size, int flush) {
    stream_.next_in = const_cast<unsigned char*>(data);  // zlib's API is not const-correct
    stream_.avail_in = static_cast<uInt>(size);
    unsigned char buffer[16384];
    int status = Z_OK;
    do {
      stream_.next_out = buffer;
      stream_.avail_out = sizeof buffer;
      status = deflate(&stream_, flush);
      out_.append(reinterpret_cast<const char*>(buffer), sizeof buffer - stream_.avail_out);
    } while (stream_.avail_out == 0 || (flush == Z_FINISH && status != Z_STREAM_END));
  }

  std::size_t row_bytes_;
  bool streamed_ = false;
  std::string& whole_;
  z_stream stream_{};
  std::string out_;
};

// Measures the ink and, unless the PNG's own IDAT can be printed as is, compresses the
// samples: colour (grey or RGB) and alpha.
class PrintImageSink final : public PngRowSink {
 public:
  PrintImageSink(InkBounds& ink, bool print_image) : ink_(ink), print_image_(print_image) {}

  bool start(const PngHeader& header) override {
    header_ = header;
    const bool grey =
        header.color_type == PNG_COLOR_TYPE_GRAY || header.color_type == PNG_COLOR_TYPE_GRAY_ALPHA;
    components_ = grey ? 1 : 3;
    has_alpha_ = header.channels == 2 || header.channels == 4;
    // IDAT prints exactly as stored for 8- and 16-bit grey and RGB without transparency,
    // read as one image (PNG row filters = PDF's PNG predictors).
    pass_through_ =
        (header.color_type == PNG_COLOR_TYPE_GRAY || header.color_type == PNG_COLOR_TYPE_RGB) &&
        !header.transparency && !header.interlaced &&
        (header.bit_depth == 8 || header.bit_depth == 16);
    if (print_image_ && !pass_through_) {
      colour_.resize(std::size_t{header.width} * std::size_t(components_));
      PlaneBuffers& planes = plane_buffers();
      colour_stream_ =
          std::make_unique<PlaneCompressor>(colour_.size(), header.height, planes.colour);
      if (has_alpha_) {
        alpha_.resize(header.width);
        alpha_stream_ =
            std::make_unique<PlaneCompressor>(alpha_.size(), header.height, planes.alpha);
      }
    }
    return true;
  }

  bool row(const std::uint8_t* samples, std::uint32_t y) override {
    const std::size_t width = header_.width;
    const int channels = header_.channels;
    ink_.add_row(samples, channels, static_cast<int>(width), static_cast<int>(y));
    if (!print_image_ || pass_through_) return true;
    if (!has_alpha_) {
      colour_stream_->write_row(samples);
      return true;
    }
    if (components_ == 1)
      split<1>(samples, width);
    else
      split<3>(samples, width);
    colour_stream_->write_row(colour_.data());
    alpha_stream_->write_row(alpha_.data());
    return true;
  }

  bool keeps_idat() const override { return pass_through_; }

  const PngHeader& header() const { return header_; }

  std::shared_ptr<PngImage> finish(std::string_view bytes, std::string icc_profile) {
    auto image = std::make_shared<PngImage>();
    image->width = static_cast<int>(header_.width);
    image->height = static_cast<int>(header_.height);
    image->components = components_;
    image->icc_profile = std::move(icc_profile);
    if (pass_through_) {
      image->bits_per_component = header_.bit_depth;
      image->samples = idat_data(bytes);
      return image;
    }
    image->samples = colour_stream_->finish();
    if (has_alpha_ && !opaque_) image->alpha = alpha_stream_->finish();
    return image;
  }

 private:
  // One row of grey or RGB plus alpha into the colour and alpha rows.
  template <std::size_t Components>
  void split(const std::uint8_t* samples, std::size_t width) {
    std::uint8_t* colour = colour_.data();
    std::uint8_t* alpha = alpha_.data();
    unsigned all = 255;
    for (std::size_t x = 0; x < width; ++x) {
      const std::uint8_t* in = samples + x * (Components + 1);
      for (std::size_t c = 0; c < Components; ++c) colour[x * Components + c] = in[c];
      alpha[x] = in[Components];
      all &= in[Components];
    }
    opaque_ = opaque_ && all == 255;
  }

  InkBounds& ink_;
  bool print_image_;
  PngHeader header_;
  int components_ = 3;
  bool has_alpha_ = false;
  bool pass_through_ = false;
  bool opaque_ = true;
  std::vector<std::uint8_t> colour_, alpha_;
  std::unique_ptr<PlaneCompressor> colour_stream_, alpha_stream_;
};

// libpng's messages are terse ("IDAT: CRC error"); say it the way a user reads it.
std::string describe_png_error(const std::string& error) {
  const auto colon = error.find(": ");
  if (colon == 4 && error.find("CRC error") != std::string::npos)
    return fmt::format("CRC error in chunk {}", error.substr(0, 4));
  return error;
}

std::string megapixels(double pixels) { return fmt::format("{:.0f} megapixels", pixels / 1e6); }

}  // namespace

bool decode_png_logo(Logo& logo, LogoReport& report, bool print_image) {
  const std::string& bytes = logo.bytes;
  const std::vector<std::string> corrupt_hint{
      "export the logo again as PNG (or SVG); the file may have been damaged in transfer"};

  // IHDR: length 13, type, width, height, … directly after the signature.
  if (bytes.size() < kSignatureBytes + 8 + 13 + 4) {
    report.problem("logo-corrupt",
                   fmt::format("{} is not a valid PNG (file is truncated before the image "
                               "header)",
                               report.name()),
                   corrupt_hint);
    return false;
  }
  if (bytes.compare(kSignatureBytes + 4, 4, "IHDR") != 0 ||
      read_be32(bytes, kSignatureBytes) != 13) {
    report.problem(
        "logo-corrupt",
        fmt::format("{} is not a valid PNG (the first chunk is not IHDR)", report.name()),
        corrupt_hint);
    return false;
  }
  const std::uint32_t width = read_be32(bytes, kSignatureBytes + 8);
  const std::uint32_t height = read_be32(bytes, kSignatureBytes + 12);
  if (width == 0 || height == 0) {
    report.problem("logo-corrupt",
                   fmt::format("{} is not a valid PNG (the header gives a size of {}×{} px)",
                               report.name(), width, height),
                   corrupt_hint);
    return false;
  }
  const double pixels = double(width) * double(height);
  if (width > static_cast<std::uint32_t>(kMaxLogoSide) ||
      height > static_cast<std::uint32_t>(kMaxLogoSide) || pixels > kMaxLogoPixels) {
    report.problem(
        "logo-too-large",
        fmt::format("{} is {}×{} px ({}); the limit is {} px a side and {}", report.name(), width,
                    height, megapixels(pixels), kMaxLogoSide, megapixels(kMaxLogoPixels)),
        {"scale the logo down (3000 px on the long side prints at 300 ppi up to "
         "25 cm) or supply an SVG"});
    return false;
  }

  InkBounds ink;
  PrintImageSink sink(ink, print_image);
  std::string error;
  if (!decode_png(bytes, sink, error)) {
    report.problem(
        "logo-corrupt",
        fmt::format("{} is not a valid PNG ({})", report.name(), describe_png_error(error)),
        corrupt_hint);
    return false;
  }

  logo.pixel_width = static_cast<int>(width);
  logo.pixel_height = static_cast<int>(height);
  logo.width = logo.pixel_width;
  logo.height = logo.pixel_height;
  if (ink.empty()) {
    report.problem("logo-empty",
                   fmt::format("{} has nothing that would show on white paper (all {}×{} px "
                               "are transparent or white)",
                               report.name(), width, height),
                   {"check that the right file was exported; a white logo needs a "
                    "coloured version for print"});
    return false;
  }
  logo.ink = InkBox{double(ink.x0()), double(ink.y0()), double(ink.x1() - ink.x0()),
                    double(ink.y1() - ink.y0())};
  // The header was read by the decoder; the colour rule may add warnings.
  std::string profile = png_print_profile(sink.header(), report);
  if (print_image) logo.png = sink.finish(bytes, std::move(profile));
  return true;
}

}  // namespace logogrid

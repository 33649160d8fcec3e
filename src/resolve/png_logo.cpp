// PNG decoding with libpng. libpng reports errors by longjmp, so everything between
// setjmp and the last libpng call lives in plain C structs: no destructor is ever skipped.
#include "resolve/png_logo.hpp"

#include <fmt/format.h>
#include <png.h>

#include <algorithm>
#include <csetjmp>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "resolve/ink_box.hpp"

namespace logogrid {
namespace {

constexpr std::size_t kSignatureBytes = 8;
constexpr png_alloc_size_t kMaxChunkBytes = 8u * 1024u * 1024u;  // ancillary chunks, e.g. iCCP
constexpr png_uint_32 kMaxCachedChunks = 256;

struct Ihdr {
  std::uint32_t width = 0;
  std::uint32_t height = 0;
};

std::uint32_t read_be32(const std::string& bytes, std::size_t at) {
  return (std::uint32_t{static_cast<unsigned char>(bytes[at])} << 24) |
         (std::uint32_t{static_cast<unsigned char>(bytes[at + 1])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(bytes[at + 2])} << 8) |
         std::uint32_t{static_cast<unsigned char>(bytes[at + 3])};
}

// Everything the libpng callbacks touch. Plain data only (see the file comment).
struct PngRead {
  const unsigned char* data;
  std::size_t size;
  std::size_t offset;
  char error[200];
  InkBounds* ink;
  unsigned char* row;  // width * 4 bytes, owned by the caller
  png_structp png;     // kept here, not in locals, so longjmp cannot clobber them
  png_infop info;
};

void on_png_error(png_structp png, png_const_charp message) {
  auto* state = static_cast<PngRead*>(png_get_error_ptr(png));
  std::snprintf(state->error, sizeof state->error, "%s", message ? message : "unknown error");
  png_longjmp(png, 1);
}

void on_png_warning(png_structp, png_const_charp) {}  // ancillary problems are not ours

void on_png_read(png_structp png, png_bytep out, png_size_t count) {
  auto* state = static_cast<PngRead*>(png_get_io_ptr(png));
  if (count > state->size - state->offset) png_error(png, "file is truncated");
  std::memcpy(out, state->data + state->offset, count);
  state->offset += count;
}

// Decodes all rows, feeding each into the ink bounds. Interlaced images are read pass by
// pass without libpng's de-interlacing, which would need the whole image in memory; every
// pixel occurs in exactly one pass, so the bounds are the same. Returns false with
// state->error set on any libpng error.
bool read_png_rows(PngRead* state) {
  state->png = png_create_read_struct(PNG_LIBPNG_VER_STRING, state, on_png_error, on_png_warning);
  if (!state->png) {
    std::snprintf(state->error, sizeof state->error, "out of memory");
    return false;
  }
  state->info = png_create_info_struct(state->png);
  if (!state->info) {
    png_destroy_read_struct(&state->png, nullptr, nullptr);
    std::snprintf(state->error, sizeof state->error, "out of memory");
    return false;
  }
  if (setjmp(png_jmpbuf(state->png))) {
    png_destroy_read_struct(&state->png, &state->info, nullptr);
    return false;
  }
  png_structp png = state->png;
  png_infop info = state->info;
  png_set_user_limits(png, static_cast<png_uint_32>(kMaxLogoSide),
                      static_cast<png_uint_32>(kMaxLogoSide));
  png_set_chunk_malloc_max(png, kMaxChunkBytes);
  png_set_chunk_cache_max(png, kMaxCachedChunks);
  png_set_read_fn(png, state, on_png_read);
  png_read_info(png, info);

  const png_uint_32 width = png_get_image_width(png, info);
  const png_uint_32 height = png_get_image_height(png, info);
  const int color_type = png_get_color_type(png, info);
  const int bit_depth = png_get_bit_depth(png, info);
  // Normalise to 8-bit RGBA: palette, grey, low bit depths, 16 bits and tRNS.
  if (color_type == PNG_COLOR_TYPE_PALETTE) png_set_palette_to_rgb(png);
  if (color_type == PNG_COLOR_TYPE_GRAY && bit_depth < 8) png_set_expand_gray_1_2_4_to_8(png);
  if (png_get_valid(png, info, PNG_INFO_tRNS)) png_set_tRNS_to_alpha(png);
  if (bit_depth == 16) png_set_scale_16(png);
  if (color_type == PNG_COLOR_TYPE_GRAY || color_type == PNG_COLOR_TYPE_GRAY_ALPHA)
    png_set_gray_to_rgb(png);
  if (!(color_type & PNG_COLOR_MASK_ALPHA) && !png_get_valid(png, info, PNG_INFO_tRNS))
    png_set_filler(png, 0xff, PNG_FILLER_AFTER);
  png_read_update_info(png, info);
  if (png_get_rowbytes(png, info) != std::size_t{width} * 4u)
    png_error(png, "unexpected pixel layout after conversion");

  // Adam7 passes: first row/column and step of each (one pass of step 1 when not interlaced).
  static constexpr png_uint_32 kStartRow[7] = {0, 0, 4, 0, 2, 0, 1};
  static constexpr png_uint_32 kStartCol[7] = {0, 4, 0, 2, 0, 1, 0};
  static constexpr png_uint_32 kRowStep[7] = {8, 8, 8, 4, 4, 2, 2};
  static constexpr png_uint_32 kColStep[7] = {8, 8, 4, 4, 2, 2, 1};
  const bool interlaced = png_get_interlace_type(png, info) == PNG_INTERLACE_ADAM7;
  const int passes = interlaced ? 7 : 1;
  for (int pass = 0; pass < passes; ++pass) {
    const png_uint_32 start_row = interlaced ? kStartRow[pass] : 0;
    const png_uint_32 start_col = interlaced ? kStartCol[pass] : 0;
    const png_uint_32 row_step = interlaced ? kRowStep[pass] : 1;
    const png_uint_32 col_step = interlaced ? kColStep[pass] : 1;
    if (start_row >= height || start_col >= width) continue;  // libpng skips empty passes
    const png_uint_32 cols = (width - start_col + col_step - 1) / col_step;
    for (png_uint_32 y = start_row; y < height; y += row_step) {
      png_read_row(png, state->row, nullptr);
      state->ink->add_rgba_row(state->row, static_cast<int>(cols), static_cast<int>(y),
                               static_cast<int>(start_col), static_cast<int>(col_step));
    }
  }
  png_read_end(png, nullptr);  // checks the rest of the file (CRCs, IEND), as cairo does
  png_destroy_read_struct(&state->png, &state->info, nullptr);
  return true;
}

// libpng's messages are terse ("IDAT: CRC error"); say it the way a user reads it.
std::string describe_png_error(const char* error) {
  std::string reason = error;
  const auto colon = reason.find(": ");
  if (colon == 4 && reason.find("CRC error") != std::string::npos)
    return fmt::format("CRC error in chunk {}", reason.substr(0, 4));
  return reason;
}

std::string megapixels(double pixels) { return fmt::format("{:.0f} megapixels", pixels / 1e6); }

}  // namespace

bool decode_png_logo(Logo& logo, LogoReport& report) {
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
  const Ihdr ihdr{read_be32(bytes, kSignatureBytes + 8), read_be32(bytes, kSignatureBytes + 12)};
  const double pixels = double(ihdr.width) * double(ihdr.height);
  if (ihdr.width > static_cast<std::uint32_t>(kMaxLogoSide) ||
      ihdr.height > static_cast<std::uint32_t>(kMaxLogoSide) || pixels > kMaxLogoPixels) {
    report.problem("logo-too-large",
                   fmt::format("{} is {}×{} px ({}); the limit is {} px a side and {}",
                               report.name(), ihdr.width, ihdr.height, megapixels(pixels),
                               kMaxLogoSide, megapixels(kMaxLogoPixels)),
                   {"scale the logo down (3000 px on the long side prints at 300 ppi up to "
                    "25 cm) or supply an SVG"});
    return false;
  }
  if (ihdr.width == 0 || ihdr.height == 0) {
    report.problem("logo-corrupt",
                   fmt::format("{} is not a valid PNG (the header gives a size of {}×{} px)",
                               report.name(), ihdr.width, ihdr.height),
                   corrupt_hint);
    return false;
  }

  InkBounds ink;
  std::vector<unsigned char> row(std::size_t{ihdr.width} * 4u);
  PngRead state{reinterpret_cast<const unsigned char*>(bytes.data()),
                bytes.size(),
                0,
                {},
                &ink,
                row.data(),
                nullptr,
                nullptr};
  if (!read_png_rows(&state)) {
    report.problem(
        "logo-corrupt",
        fmt::format("{} is not a valid PNG ({})", report.name(), describe_png_error(state.error)),
        corrupt_hint);
    return false;
  }

  logo.pixel_width = static_cast<int>(ihdr.width);
  logo.pixel_height = static_cast<int>(ihdr.height);
  logo.width = logo.pixel_width;
  logo.height = logo.pixel_height;
  if (ink.empty()) {
    report.problem("logo-empty",
                   fmt::format("{} has nothing that would show on white paper (all {}×{} px "
                               "are transparent or white)",
                               report.name(), ihdr.width, ihdr.height),
                   {"check that the right file was exported; a white logo needs a "
                    "coloured version for print"});
    return false;
  }
  logo.ink = InkBox{double(ink.x0()), double(ink.y0()), double(ink.x1() - ink.x0()),
                    double(ink.y1() - ink.y0())};
  return true;
}

}  // namespace logogrid

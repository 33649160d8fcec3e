// PNG logos: header limits, libpng decoding of every colour type, corruption, ink box.
#include <gtest/gtest.h>
#include <png.h>
#include <zlib.h>

#include <csetjmp>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "codec/deflate.hpp"
#include "resolve/logo.hpp"
#include "resolve/png_decode.hpp"
#include "resolve/png_image.hpp"

namespace logogrid {
namespace {

struct PngSpec {
  int width = 4;
  int height = 4;
  int color_type = PNG_COLOR_TYPE_RGBA;
  int bit_depth = 8;
  bool interlaced = false;
  std::vector<png_color> palette;
  std::vector<png_byte> trans_alpha;  // palette tRNS
  png_color_16 trans_color{};         // grey/RGB tRNS
  bool has_trans_color = false;
  std::vector<std::vector<png_byte>> rows;  // packed as libpng expects
  int filters = 0;                          // PNG_FILTER_* for png_set_filter; 0: libpng's
};

void append_bytes(png_structp png, png_bytep data, png_size_t size) {
  auto* out = static_cast<std::string*>(png_get_io_ptr(png));
  out->append(reinterpret_cast<const char*>(data), size);
}
void flush_nothing(png_structp) {}

std::string encode_png(PngSpec spec) {
  std::string out;
  png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
  png_infop info = png_create_info_struct(png);
  if (setjmp(png_jmpbuf(png))) {
    png_destroy_write_struct(&png, &info);
    ADD_FAILURE() << "libpng could not write the test image";
    return {};
  }
  png_set_write_fn(png, &out, append_bytes, flush_nothing);
  png_set_IHDR(png, info, static_cast<png_uint_32>(spec.width),
               static_cast<png_uint_32>(spec.height), spec.bit_depth, spec.color_type,
               spec.interlaced ? PNG_INTERLACE_ADAM7 : PNG_INTERLACE_NONE,
               PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
  if (!spec.palette.empty())
    png_set_PLTE(png, info, spec.palette.data(), static_cast<int>(spec.palette.size()));
  if (!spec.trans_alpha.empty())
    png_set_tRNS(png, info, spec.trans_alpha.data(), static_cast<int>(spec.trans_alpha.size()),
                 nullptr);
  if (spec.has_trans_color) png_set_tRNS(png, info, nullptr, 0, &spec.trans_color);
  if (spec.filters != 0) png_set_filter(png, PNG_FILTER_TYPE_BASE, spec.filters);
  std::vector<png_bytep> rows;
  for (auto& row : spec.rows) rows.push_back(row.data());
  png_set_rows(png, info, rows.data());
  png_write_png(png, info, PNG_TRANSFORM_IDENTITY, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

void set_be32(std::string& bytes, std::size_t at, std::uint32_t value) {
  bytes[at] = static_cast<char>(value >> 24);
  bytes[at + 1] = static_cast<char>((value >> 16) & 0xff);
  bytes[at + 2] = static_cast<char>((value >> 8) & 0xff);
  bytes[at + 3] = static_cast<char>(value & 0xff);
}

// A chunk with its length and CRC, for PNGs libpng would refuse to write.
std::string chunk(const std::string& type, const std::string& data) {
  const std::string body = type + data;
  std::string out(4, '\0');
  set_be32(out, 0, static_cast<std::uint32_t>(data.size()));
  std::string crc(4, '\0');
  set_be32(crc, 0,
           static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(body.data()),
                                            static_cast<uInt>(body.size()))));
  return out + body + crc;
}

// An 8-bit PNG from unfiltered rows of stored samples, with `chunks` before IDAT.
std::string raw_png(std::uint32_t width, int color_type, const std::vector<std::string>& rows,
                    const std::string& chunks) {
  std::string ihdr(13, '\0');
  set_be32(ihdr, 0, width);
  set_be32(ihdr, 4, static_cast<std::uint32_t>(rows.size()));
  ihdr[8] = 8;
  ihdr[9] = static_cast<char>(color_type);
  std::string filtered;
  for (const auto& row : rows) filtered += '\0' + row;
  std::string idat(compressBound(static_cast<uLong>(filtered.size())), '\0');
  uLongf size = static_cast<uLongf>(idat.size());
  compress(reinterpret_cast<Bytef*>(idat.data()), &size,
           reinterpret_cast<const Bytef*>(filtered.data()), static_cast<uLong>(filtered.size()));
  idat.resize(size);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunks + chunk("IDAT", idat) +
         chunk("IEND", "");
}

std::string gama(std::uint32_t gamma_times_100000) {
  std::string data(4, '\0');
  set_be32(data, 0, gamma_times_100000);
  return chunk("gAMA", data);
}

// A 2×2 RGB picture: dark blue, red / black, white.
const std::vector<std::string> kRgbRows{std::string("\x14\x28\xa0\xc8\x1e\x1e", 6),
                                        std::string("\x00\x00\x00\xff\xff\xff", 6)};

// An RGBA8 image, transparent except for an opaque dark rectangle.
std::string rgba_with_rect(int width, int height, int x0, int y0, int x1, int y1,
                           bool interlaced = false) {
  PngSpec spec;
  spec.width = width;
  spec.height = height;
  spec.interlaced = interlaced;
  for (int y = 0; y < height; ++y) {
    std::vector<png_byte> row(static_cast<std::size_t>(width) * 4, 0);
    for (int x = x0; x < x1; ++x)
      if (y >= y0 && y < y1) {
        const auto at = static_cast<std::size_t>(x) * 4;
        row[at] = 20;
        row[at + 1] = 40;
        row[at + 2] = 160;
        row[at + 3] = 255;
      }
    spec.rows.push_back(row);
  }
  return encode_png(spec);
}

LogoRequest request(std::string path = "logos/werl.png") {
  LogoRequest r;
  r.folder = ".";
  r.path = std::move(path);
  r.participants_file = "participants.yaml";
  r.pos = {12, 11};
  r.participant = "Werl";
  return r;
}

bool has_code(const Diagnostics& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics.items())
    if (d.code == code) return true;
  return false;
}

std::string only_message(const Diagnostics& diagnostics) {
  EXPECT_EQ(diagnostics.items().size(), 1u);
  return diagnostics.items().empty() ? "" : diagnostics.items().front().message;
}

TEST(resolve_png, measures_ink_inside_transparent_margins) {
  Diagnostics d;
  const auto logo = decode_logo(rgba_with_rect(40, 30, 5, 7, 25, 20), request(), d);
  ASSERT_TRUE(logo) << only_message(d);
  EXPECT_TRUE(d.items().empty());
  EXPECT_EQ(logo->format, LogoFormat::png);
  EXPECT_EQ(logo->pixel_width, 40);
  EXPECT_EQ(logo->pixel_height, 30);
  EXPECT_DOUBLE_EQ(logo->width, 40);
  EXPECT_DOUBLE_EQ(logo->ink.x, 5);
  EXPECT_DOUBLE_EQ(logo->ink.y, 7);
  EXPECT_DOUBLE_EQ(logo->ink.width, 20);
  EXPECT_DOUBLE_EQ(logo->ink.height, 13);
  EXPECT_EQ(logo->content_hash.size(), 64u);
  EXPECT_FALSE(logo->svg);
}

TEST(resolve_png, measures_ink_of_interlaced_image_like_plain_one) {
  Diagnostics d;
  const auto logo = decode_logo(rgba_with_rect(37, 29, 3, 9, 30, 10, true), request(), d);
  ASSERT_TRUE(logo) << only_message(d);
  EXPECT_DOUBLE_EQ(logo->ink.x, 3);
  EXPECT_DOUBLE_EQ(logo->ink.y, 9);
  EXPECT_DOUBLE_EQ(logo->ink.width, 27);
  EXPECT_DOUBLE_EQ(logo->ink.height, 1);
}

TEST(resolve_png, interlaced_single_pixel_in_last_pass_is_found) {
  Diagnostics d;
  const auto logo = decode_logo(rgba_with_rect(9, 9, 8, 7, 9, 8, true), request(), d);
  ASSERT_TRUE(logo) << only_message(d);
  EXPECT_DOUBLE_EQ(logo->ink.x, 8);
  EXPECT_DOUBLE_EQ(logo->ink.y, 7);
  EXPECT_DOUBLE_EQ(logo->ink.width, 1);
  EXPECT_DOUBLE_EQ(logo->ink.height, 1);
}

TEST(resolve_png, decodes_palette_with_transparency) {
  PngSpec spec;
  spec.width = 8;
  spec.height = 2;
  spec.color_type = PNG_COLOR_TYPE_PALETTE;
  spec.palette = {{255, 255, 255}, {200, 0, 0}};
  spec.trans_alpha = {0, 255};  // entry 0 is fully transparent
  spec.rows = {{0, 0, 1, 1, 0, 0, 0, 0}, {0, 0, 0, 0, 0, 0, 0, 0}};
  Diagnostics d;
  const auto logo = decode_logo(encode_png(spec), request(), d);
  ASSERT_TRUE(logo) << only_message(d);
  EXPECT_DOUBLE_EQ(logo->ink.x, 2);
  EXPECT_DOUBLE_EQ(logo->ink.width, 2);
  EXPECT_DOUBLE_EQ(logo->ink.height, 1);
}

TEST(resolve_png, decodes_one_bit_grey) {
  PngSpec spec;
  spec.width = 16;
  spec.height = 3;
  spec.color_type = PNG_COLOR_TYPE_GRAY;
  spec.bit_depth = 1;
  // 1 = white, 0 = black; one black pixel at x = 9 in row 1.
  spec.rows = {{0xff, 0xff}, {0xff, 0xbf}, {0xff, 0xff}};
  Diagnostics d;
  const auto logo = decode_logo(encode_png(spec), request(), d);
  ASSERT_TRUE(logo) << only_message(d);
  EXPECT_DOUBLE_EQ(logo->ink.x, 9);
  EXPECT_DOUBLE_EQ(logo->ink.y, 1);
  EXPECT_DOUBLE_EQ(logo->ink.width, 1);
}

TEST(resolve_png, decodes_sixteen_bit_grey_alpha) {
  PngSpec spec;
  spec.width = 3;
  spec.height = 2;
  spec.color_type = PNG_COLOR_TYPE_GRAY_ALPHA;
  spec.bit_depth = 16;
  // Pixels: (grey, alpha) big-endian 16-bit; only (2, 1) is black and opaque.
  spec.rows = {std::vector<png_byte>(12, 0), {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff}};
  Diagnostics d;
  const auto logo = decode_logo(encode_png(spec), request(), d);
  ASSERT_TRUE(logo) << only_message(d);
  EXPECT_DOUBLE_EQ(logo->ink.x, 2);
  EXPECT_DOUBLE_EQ(logo->ink.y, 1);
}

TEST(resolve_png, rgb_with_trns_colour_treats_that_colour_as_transparent) {
  PngSpec spec;
  spec.width = 4;
  spec.height = 1;
  spec.color_type = PNG_COLOR_TYPE_RGB;
  spec.rows = {{0, 0, 0, 0, 0, 0, 9, 9, 9, 0, 0, 0}};
  spec.has_trans_color = true;
  spec.trans_color.red = spec.trans_color.green = spec.trans_color.blue = 0;
  Diagnostics d;
  const auto logo = decode_logo(encode_png(spec), request(), d);
  ASSERT_TRUE(logo) << only_message(d);
  EXPECT_DOUBLE_EQ(logo->ink.x, 2);
  EXPECT_DOUBLE_EQ(logo->ink.width, 1);
}

TEST(resolve_png, white_background_does_not_count_as_ink) {
  PngSpec spec;
  spec.width = 6;
  spec.height = 1;
  spec.color_type = PNG_COLOR_TYPE_RGB;
  spec.rows = {
      {255, 255, 255, 250, 250, 250, 100, 0, 0, 255, 255, 255, 248, 255, 255, 255, 255, 255}};
  Diagnostics d;
  const auto logo = decode_logo(encode_png(spec), request(), d);
  ASSERT_TRUE(logo) << only_message(d);
  EXPECT_DOUBLE_EQ(logo->ink.x, 2);
  EXPECT_DOUBLE_EQ(logo->ink.width, 1);
}

TEST(resolve_png, fully_transparent_image_is_empty) {
  Diagnostics d;
  EXPECT_FALSE(decode_logo(rgba_with_rect(10, 10, 0, 0, 0, 0), request(), d));
  ASSERT_TRUE(has_code(d, "logo-empty"));
  EXPECT_EQ(d.items().front().severity, Severity::error);
  EXPECT_FALSE(d.items().front().hints.empty());
}

TEST(resolve_png, refuses_header_claiming_200000_px) {
  std::string bytes = rgba_with_rect(4, 4, 0, 0, 4, 4);
  set_be32(bytes, 16, 200000);
  set_be32(bytes, 20, 200000);
  Diagnostics d;
  EXPECT_FALSE(decode_logo(bytes, request(), d));
  ASSERT_TRUE(has_code(d, "logo-too-large"));
  EXPECT_NE(only_message(d).find("200000×200000 px"), std::string::npos) << only_message(d);
  EXPECT_NE(only_message(d).find("30000 px a side"), std::string::npos);
}

TEST(resolve_png, refuses_header_over_100_megapixels) {
  std::string bytes = rgba_with_rect(4, 4, 0, 0, 4, 4);
  set_be32(bytes, 16, 20000);
  set_be32(bytes, 20, 20000);
  Diagnostics d;
  EXPECT_FALSE(decode_logo(bytes, request(), d));
  EXPECT_TRUE(has_code(d, "logo-too-large"));
}

TEST(resolve_png, reports_bad_crc_with_chunk_name) {
  std::string bytes = rgba_with_rect(8, 8, 1, 1, 4, 4);
  const auto idat = bytes.find("IDAT");
  ASSERT_NE(idat, std::string::npos);
  const auto length = static_cast<std::size_t>(static_cast<unsigned char>(bytes[idat - 1]));
  ASSERT_EQ(bytes.compare(idat - 4, 3, std::string(3, '\0')), 0);  // a short IDAT
  const auto crc = idat + 4 + length;
  bytes[crc] = static_cast<char>(bytes[crc] ^ 0x55);
  Diagnostics d;
  EXPECT_FALSE(decode_logo(bytes, request(), d));
  ASSERT_TRUE(has_code(d, "logo-corrupt"));
  EXPECT_EQ(only_message(d), "logos/werl.png is not a valid PNG (CRC error in chunk IDAT)");
  const Diagnostic& diag = d.items().front();
  EXPECT_EQ(diag.file, "participants.yaml");
  EXPECT_EQ(diag.pos, (Position{12, 11}));
  EXPECT_EQ(diag.participant, "Werl");
}

TEST(resolve_png, reports_damaged_image_data) {
  std::string bytes = rgba_with_rect(8, 8, 1, 1, 4, 4);
  const auto idat = bytes.find("IDAT");
  bytes[idat + 6] = static_cast<char>(bytes[idat + 6] ^ 0x55);  // the data, not the CRC
  Diagnostics d;
  EXPECT_FALSE(decode_logo(bytes, request(), d));
  ASSERT_TRUE(has_code(d, "logo-corrupt"));
  EXPECT_NE(only_message(d).find("is not a valid PNG (IDAT"), std::string::npos);
}

TEST(resolve_png, reports_truncated_file) {
  const std::string bytes = rgba_with_rect(64, 64, 1, 1, 60, 60);
  for (std::size_t cut : {std::size_t{20}, std::size_t{40}, bytes.size() / 2, bytes.size() - 5}) {
    Diagnostics d;
    EXPECT_FALSE(decode_logo(bytes.substr(0, cut), request(), d)) << cut;
    EXPECT_TRUE(has_code(d, "logo-corrupt")) << cut;
  }
}

TEST(resolve_png, reports_missing_ihdr) {
  std::string bytes = rgba_with_rect(4, 4, 0, 0, 4, 4);
  bytes.replace(12, 4, "tEXt");
  Diagnostics d;
  EXPECT_FALSE(decode_logo(bytes, request(), d));
  EXPECT_TRUE(has_code(d, "logo-corrupt"));
}

TEST(resolve_png, excluded_entries_get_warnings) {
  LogoRequest r = request();
  r.as_warnings = true;
  Diagnostics d;
  EXPECT_FALSE(decode_logo(rgba_with_rect(4, 4, 0, 0, 0, 0), r, d));
  ASSERT_EQ(d.items().size(), 1u);
  EXPECT_EQ(d.items().front().severity, Severity::warning);
}

TEST(resolve_png, effective_ppi_uses_ink_width) {
  Diagnostics d;
  const auto logo = decode_logo(rgba_with_rect(400, 100, 50, 0, 350, 100), request(), d);
  ASSERT_TRUE(logo);
  EXPECT_DOUBLE_EQ(effective_ppi(*logo, 72.0), 300.0);  // 300 px over one inch
  EXPECT_DOUBLE_EQ(effective_ppi(*logo, 0.0), 0.0);
}

TEST(resolve_png, same_bytes_same_hash) {
  Diagnostics d;
  const std::string bytes = rgba_with_rect(4, 4, 0, 0, 2, 2);
  const auto a = decode_logo(bytes, request(), d);
  const auto b = decode_logo(bytes, request(), d);
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->content_hash, b->content_hash);
  const auto c = decode_logo(rgba_with_rect(4, 4, 0, 0, 3, 3), request(), d);
  ASSERT_TRUE(c);
  EXPECT_NE(a->content_hash, c->content_hash);
}

// The colour and alpha planes rgba_with_rect prints.
void rect_planes(int width, int height, int x0, int y0, int x1, int y1, std::string& colour,
                 std::string& alpha) {
  for (int y = 0; y < height; ++y)
    for (int x = 0; x < width; ++x) {
      const bool in = x >= x0 && x < x1 && y >= y0 && y < y1;
      colour += in ? std::string("\x14\x28\xa0", 3) : std::string(3, '\0');
      alpha += in ? '\xff' : '\0';
    }
}

// A plane's rows of `row_bytes` with PNG's Up filter (filter byte 2, then each byte less
// the one above), or with None (filter byte 0), as a PDF image with /Predictor 15 holds them.
std::string up_rows(const std::string& plane, std::size_t row_bytes, bool up = true) {
  std::string rows;
  for (std::size_t at = 0; at < plane.size(); at += row_bytes) {
    rows += up ? '\2' : '\0';
    for (std::size_t i = 0; i < row_bytes; ++i)
      rows += static_cast<char>(plane[at + i] -
                                (up && at >= row_bytes ? plane[at + i - row_bytes] : 0));
  }
  return rows;
}

TEST(resolve_png, print_planes_that_fit_are_compressed_whole_by_codec_deflate) {
  Diagnostics d;
  const auto logo = decode_logo(rgba_with_rect(64, 48, 8, 8, 40, 30), request(), d);
  ASSERT_TRUE(logo && logo->png);
  std::string colour, alpha;
  rect_planes(64, 48, 8, 8, 40, 30, colour, alpha);
  EXPECT_EQ(logo->png->samples, deflate_zlib(up_rows(colour, 64 * 3)));
  EXPECT_EQ(logo->png->alpha, deflate_zlib(up_rows(alpha, 64)));
  // Up-filtered rows of flat art are mostly zeros: well under the unfiltered plane's size.
  EXPECT_LT(logo->png->samples.size(), deflate_zlib(colour).size());
}

TEST(resolve_png, print_planes_beyond_the_whole_plane_bound_are_streamed_to_the_same_samples) {
  // 2400 × 2400 px: the colour plane (17.3 MB) is over the 16 MiB kept whole, the alpha
  // plane (5.8 MB) is not.
  constexpr int kSide = 2400;
  Diagnostics d;
  const auto logo = decode_logo(rgba_with_rect(kSide, kSide, 100, 200, 2000, 2300), request(), d);
  ASSERT_TRUE(logo && logo->png);
  std::string colour, alpha;
  rect_planes(kSide, kSide, 100, 200, 2000, 2300, colour, alpha);
  const std::string rows = up_rows(colour, kSide * 3, false);  // streamed: filter None
  std::string inflated(rows.size(), '\0');
  ASSERT_TRUE(inflate_zlib(logo->png->samples, inflated.data(), inflated.size()));
  EXPECT_TRUE(inflated == rows);
  EXPECT_NE(logo->png->samples, deflate_zlib(rows));  // streamed by zlib, not kept whole
  EXPECT_EQ(logo->png->alpha, deflate_zlib(up_rows(alpha, kSide)));
}

// `png` with the last byte of its (only) IDAT's data, the zlib stream's Adler-32, changed
// and the chunk's CRC made right again.
std::string with_broken_adler32(std::string png) {
  const std::size_t type = png.find("IDAT");
  const auto byte = [&](std::size_t i) {
    return std::uint32_t(static_cast<unsigned char>(png[i]));
  };
  const std::size_t length =
      byte(type - 4) << 24 | byte(type - 3) << 16 | byte(type - 2) << 8 | byte(type - 1);
  png[type + 4 + length - 1] = static_cast<char>(png[type + 4 + length - 1] ^ 0x5a);
  const auto crc =
      crc32(0, reinterpret_cast<const Bytef*>(png.data() + type), static_cast<uInt>(length + 4));
  set_be32(png, type + 4 + length, static_cast<std::uint32_t>(crc));
  return png;
}

TEST(resolve_png, adler32_is_checked_where_the_idat_passes_into_the_pdf_as_stored) {
  // RGB without tRNS passes through: its zlib stream must be whole, in check as in build.
  const std::string rgb = with_broken_adler32(raw_png(2, PNG_COLOR_TYPE_RGB, kRgbRows, ""));
  for (const bool print_image : {true, false}) {
    LogoRequest r = request();
    r.png_print_image = print_image;
    Diagnostics d;
    EXPECT_FALSE(decode_logo(rgb, r, d));
    EXPECT_TRUE(has_code(d, "logo-corrupt"));
  }
  // Decoded samples are guarded by the chunks' CRCs (libpng skips the Adler-32 then).
  const std::vector<std::string> rgba_rows{std::string("\x14\x28\xa0\xff\x00\x00\x00\x00", 8),
                                           std::string("\x00\x00\x00\x80\xff\xff\xff\xff", 8)};
  const std::string rgba = with_broken_adler32(raw_png(2, PNG_COLOR_TYPE_RGBA, rgba_rows, ""));
  Diagnostics d;
  const auto logo = decode_logo(rgba, request(), d);
  ASSERT_TRUE(logo && logo->png);
  EXPECT_TRUE(d.items().empty());
  EXPECT_EQ(logo->png->samples,
            deflate_zlib(up_rows(std::string("\x14\x28\xa0\0\0\0\0\0\0\xff\xff\xff", 12), 6)));
}

TEST(resolve_png, damaged_signature_is_a_damaged_png) {
  for (std::size_t at : {std::size_t{1}, std::size_t{4}, std::size_t{6}}) {
    std::string bytes = rgba_with_rect(4, 4, 0, 0, 4, 4);
    bytes[at] = static_cast<char>(bytes[at] ^ 0x20);
    Diagnostics d;
    EXPECT_FALSE(decode_logo(bytes, request(), d));
    EXPECT_TRUE(has_code(d, "logo-corrupt")) << at;
    EXPECT_NE(only_message(d).find("is a damaged PNG"), std::string::npos) << only_message(d);
  }
}

TEST(resolve_png, zero_width_or_height_is_corrupt_not_too_large) {
  for (auto [width, height] : {std::pair{0u, 4u}, std::pair{4u, 0u}, std::pair{40000u, 0u}}) {
    std::string bytes = rgba_with_rect(4, 4, 0, 0, 4, 4);
    set_be32(bytes, 16, width);
    set_be32(bytes, 20, height);
    Diagnostics d;
    EXPECT_FALSE(decode_logo(bytes, request(), d));
    EXPECT_TRUE(has_code(d, "logo-corrupt")) << width << "x" << height;
    EXPECT_FALSE(has_code(d, "logo-too-large"));
  }
}

TEST(resolve_png, palette_index_beyond_the_palette_is_corrupt) {
  const std::string palette = chunk("PLTE", std::string("\x10\x20\x30\x40\x50\x60", 6));
  Diagnostics good;
  EXPECT_TRUE(decode_logo(raw_png(3, PNG_COLOR_TYPE_PALETTE, {std::string("\0\1\0", 3)}, palette),
                          request(), good));
  Diagnostics d;
  EXPECT_FALSE(decode_logo(raw_png(3, PNG_COLOR_TYPE_PALETTE,
                                   {std::string("\0\1\0", 3), std::string("\1\5\0", 3)}, palette),
                           request(), d));
  ASSERT_TRUE(has_code(d, "logo-corrupt"));
  EXPECT_NE(only_message(d).find("pixel 1,1 uses colour 5 of a palette of 2 colours"),
            std::string::npos)
      << only_message(d);
}

TEST(resolve_png, unusable_icc_profile_warns_and_prints_as_srgb) {
  // A profile libpng refuses (not even an ICC header) and one it accepts but lcms2 cannot use.
  std::string bogus(200, 'x');
  std::string iccp_data = std::string("bogus\0\0", 7);
  std::string deflated(compressBound(200), '\0');
  uLongf size = static_cast<uLongf>(deflated.size());
  compress(reinterpret_cast<Bytef*>(deflated.data()), &size,
           reinterpret_cast<const Bytef*>(bogus.data()), 200);
  deflated.resize(size);
  Diagnostics d;
  const auto logo = decode_logo(
      raw_png(2, PNG_COLOR_TYPE_RGB, kRgbRows, chunk("iCCP", iccp_data + deflated)), request(), d);
  ASSERT_TRUE(logo);
  ASSERT_TRUE(has_code(d, "logo-color-profile"));
  EXPECT_EQ(d.items().front().severity, Severity::warning);
  EXPECT_NE(only_message(d).find("printed as sRGB"), std::string::npos) << only_message(d);
  ASSERT_TRUE(logo->png);
  EXPECT_TRUE(logo->png->icc_profile.empty());
}

TEST(resolve_png, icc_profile_without_colour_tables_warns) {
  // A well-formed RGB display profile that libpng accepts, but with only a copyright tag:
  // lcms2 cannot convert colours from it. (Long enough: libpng 1.6.39 refuses iCCP data
  // that deflates to very few bytes.)
  constexpr std::uint32_t kSize = 300;
  std::string profile(kSize, '\0');
  set_be32(profile, 0, kSize);
  set_be32(profile, 8, 0x02100000);
  profile.replace(12, 4, "mntr");
  profile.replace(16, 4, "RGB ");
  profile.replace(20, 4, "XYZ ");
  profile.replace(36, 4, "acsp");
  set_be32(profile, 68, 0x0000F6D6);  // the D50 illuminant
  set_be32(profile, 72, 0x00010000);
  set_be32(profile, 76, 0x0000D32D);
  set_be32(profile, 128, 1);
  profile.replace(132, 4, "cprt");
  set_be32(profile, 136, 144);
  set_be32(profile, 140, kSize - 144);
  profile.replace(144, 4, "text");
  for (std::uint32_t i = 152; i < kSize; ++i) profile[i] = static_cast<char>(32 + (i * 7919) % 90);
  std::string deflated(compressBound(kSize), '\0');
  uLongf size = static_cast<uLongf>(deflated.size());
  compress(reinterpret_cast<Bytef*>(deflated.data()), &size,
           reinterpret_cast<const Bytef*>(profile.data()), kSize);
  deflated.resize(size);
  Diagnostics d;
  const auto logo = decode_logo(raw_png(2, PNG_COLOR_TYPE_RGB, kRgbRows,
                                        chunk("iCCP", std::string("empty\0\0", 7) + deflated)),
                                request(), d);
  ASSERT_TRUE(logo && logo->png);
  ASSERT_TRUE(has_code(d, "logo-color-profile"));
  EXPECT_NE(only_message(d).find("colours cannot be converted from it"), std::string::npos)
      << only_message(d);
  EXPECT_TRUE(logo->png->icc_profile.empty());
}

TEST(resolve_png, gamma_far_from_srgb_gets_a_profile_and_a_warning) {
  Diagnostics d;
  const auto linear =
      decode_logo(raw_png(2, PNG_COLOR_TYPE_RGB, kRgbRows, gama(100000)), request(), d);
  ASSERT_TRUE(linear && linear->png);
  ASSERT_TRUE(has_code(d, "logo-png-gamma"));
  EXPECT_NE(only_message(d).find("1.00000"), std::string::npos) << only_message(d);
  EXPECT_NE(only_message(d).find("lighter"), std::string::npos) << only_message(d);
  const std::string& profile = linear->png->icc_profile;
  ASSERT_GT(profile.size(), 128u);
  EXPECT_EQ(profile.substr(36, 4), "acsp");
  EXPECT_EQ(profile.substr(16, 4), "RGB ");
  // A fixed creation date (2000-01-01 00:00:00): the bytes are the same in every run.
  EXPECT_EQ(profile.substr(24, 12), std::string("\x07\xd0\0\1\0\1\0\0\0\0\0\0", 12));
  Diagnostics again;
  EXPECT_EQ(decode_logo(raw_png(2, PNG_COLOR_TYPE_RGB, kRgbRows, gama(100000)), request(), again)
                ->png->icc_profile,
            profile);
  // The samples are kept: the IDAT passes through.
  const std::string file = raw_png(2, PNG_COLOR_TYPE_RGB, kRgbRows, gama(100000));
  const std::size_t idat = file.find("IDAT");
  ASSERT_NE(idat, std::string::npos);
  const auto byte = [&](std::size_t i) { return std::size_t(static_cast<unsigned char>(file[i])); };
  const std::size_t length =
      byte(idat - 4) << 24 | byte(idat - 3) << 16 | byte(idat - 2) << 8 | byte(idat - 1);
  EXPECT_EQ(linear->png->samples, file.substr(idat + 4, length));

  Diagnostics near;
  const auto mild =
      decode_logo(raw_png(2, PNG_COLOR_TYPE_RGB, kRgbRows, gama(48000)), request(), near);
  ASSERT_TRUE(mild && mild->png);
  EXPECT_TRUE(near.items().empty());
  EXPECT_FALSE(mild->png->icc_profile.empty());

  Diagnostics srgb;
  const auto usual =
      decode_logo(raw_png(2, PNG_COLOR_TYPE_RGB, kRgbRows, gama(45455)), request(), srgb);
  ASSERT_TRUE(usual && usual->png);
  EXPECT_TRUE(srgb.items().empty());
  EXPECT_TRUE(usual->png->icc_profile.empty());
}

// Collects decoded rows.
class RowCollector final : public PngRowSink {
 public:
  bool start(const PngHeader& header) override {
    width = header.width;
    channels = header.channels;
    return true;
  }
  bool row(const std::uint8_t* samples, std::uint32_t y) override {
    EXPECT_EQ(y, rows.size());
    rows.emplace_back(reinterpret_cast<const char*>(samples), width * std::size_t(channels));
    return true;
  }
  std::size_t width = 0;
  int channels = 0;
  std::vector<std::string> rows;
};

TEST(resolve_png, interlaced_image_decodes_the_same_in_bands_of_any_height) {
  PngSpec spec;
  spec.width = 37;
  spec.height = 29;
  spec.bit_depth = 16;
  spec.color_type = PNG_COLOR_TYPE_RGBA;
  for (int y = 0; y < spec.height; ++y) {
    std::vector<png_byte> row;
    for (int x = 0; x < spec.width * 4; ++x)
      for (int half = 0; half < 2; ++half) row.push_back(png_byte((x * 7 + y * 13 + half) & 0xff));
    spec.rows.push_back(row);
  }
  const std::string plain = encode_png(spec);
  spec.interlaced = true;
  const std::string interlaced = encode_png(spec);
  RowCollector reference;
  std::string error;
  ASSERT_TRUE(decode_png(plain, reference, error)) << error;
  ASSERT_EQ(reference.rows.size(), 29u);
  for (std::size_t band_rows :
       {std::size_t{1}, std::size_t{4}, std::size_t{28}, std::size_t{29}, std::size_t{100}}) {
    RowCollector banded;
    ASSERT_TRUE(decode_png(interlaced, banded, error, band_rows * 37 * 8)) << error;
    EXPECT_EQ(banded.rows, reference.rows) << band_rows << " rows a band";
  }
}

TEST(resolve_png, plain_images_are_unfiltered_as_libpng_does_with_every_row_filter) {
  // Plain 8-bit images are inflated whole and unfiltered by decode_png itself: each of the
  // five row filters, at 1 to 4 bytes a pixel, gives the rows libpng gives for the same
  // picture interlaced (which libpng decodes).
  const struct {
    int color_type, bytes_per_pixel;
  } kinds[] = {{PNG_COLOR_TYPE_GRAY, 1},
               {PNG_COLOR_TYPE_GRAY_ALPHA, 2},
               {PNG_COLOR_TYPE_RGB, 3},
               {PNG_COLOR_TYPE_RGBA, 4},
               {PNG_COLOR_TYPE_PALETTE, 1}};
  for (const auto& kind : kinds)
    for (int filter :
         {PNG_FILTER_NONE, PNG_FILTER_SUB, PNG_FILTER_UP, PNG_FILTER_AVG, PNG_FILTER_PAETH}) {
      PngSpec spec;
      spec.width = 23;
      spec.height = 9;
      spec.color_type = kind.color_type;
      spec.filters = filter;
      if (kind.color_type == PNG_COLOR_TYPE_PALETTE)
        for (int i = 0; i < 16; ++i)
          spec.palette.push_back(
              png_color{png_byte(i * 16), png_byte(255 - i * 9), png_byte(i * 5)});
      for (int y = 0; y < spec.height; ++y) {
        std::vector<png_byte> row;
        for (int x = 0; x < spec.width * kind.bytes_per_pixel; ++x)
          row.push_back(kind.color_type == PNG_COLOR_TYPE_PALETTE
                            ? png_byte((x * 7 + y * 3) % 16)
                            : png_byte((x * x * 31 + y * 57 + (x ^ y) * 13) & 0xff));
        spec.rows.push_back(row);
      }
      const std::string plain = encode_png(spec);
      spec.interlaced = true;
      const std::string interlaced = encode_png(spec);
      RowCollector whole, reference;
      std::string error;
      const std::uint64_t before = png_whole_image_decodes();
      ASSERT_TRUE(decode_png(plain, whole, error)) << error;
      EXPECT_EQ(png_whole_image_decodes(), before + 1);
      ASSERT_TRUE(decode_png(interlaced, reference, error)) << error;
      EXPECT_EQ(png_whole_image_decodes(), before + 1);
      EXPECT_EQ(whole.rows, reference.rows)
          << "colour type " << kind.color_type << ", filter " << filter;
    }
}

TEST(resolve_png, damaged_image_data_of_a_plain_image_is_reported_by_libpng) {
  // A CRC error in IDAT sends the file back to libpng, which names the chunk.
  PngSpec spec;
  spec.rows.assign(4, std::vector<png_byte>(16, 0x40));
  std::string png = encode_png(spec);
  const std::size_t idat = png.find("IDAT");
  ASSERT_NE(idat, std::string::npos);
  png[idat + 6] = static_cast<char>(png[idat + 6] ^ 0x01);
  RowCollector rows;
  std::string error;
  const std::uint64_t before = png_whole_image_decodes();
  EXPECT_FALSE(decode_png(png, rows, error));
  EXPECT_EQ(png_whole_image_decodes(), before);
  EXPECT_NE(error.find("IDAT"), std::string::npos) << error;
}

}  // namespace
}  // namespace logogrid

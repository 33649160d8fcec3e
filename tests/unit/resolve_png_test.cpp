// PNG logos: header limits, libpng decoding of every colour type, corruption, ink box.
#include <gtest/gtest.h>
#include <png.h>

#include <csetjmp>
#include <cstdint>
#include <string>
#include <vector>

#include "resolve/logo.hpp"

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
  std::vector<png_bytep> rows;
  for (auto& row : spec.rows) rows.push_back(row.data());
  png_set_rows(png, info, rows.data());
  png_write_png(png, info, PNG_TRANSFORM_IDENTITY, nullptr);
  png_destroy_write_struct(&png, &info);
  return out;
}

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

void set_be32(std::string& bytes, std::size_t at, std::uint32_t value) {
  bytes[at] = static_cast<char>(value >> 24);
  bytes[at + 1] = static_cast<char>((value >> 16) & 0xff);
  bytes[at + 2] = static_cast<char>((value >> 8) & 0xff);
  bytes[at + 3] = static_cast<char>(value & 0xff);
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

}  // namespace
}  // namespace logogrid

// SVG cases of issue 10, on the fixtures in tests/fixtures/svg (made by make_fixtures.py):
// renderer faults, links, .svgz, embedded rasters, hard gradient stops, limits in plain
// words, and ink boxes compared with rsvg-convert's own rendering.
#include <cairo.h>
#include <gtest/gtest.h>
#include <zlib.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include "resolve/logo.hpp"
#include "resolve/svg_logo.hpp"

namespace logogrid {
namespace {

namespace fs = std::filesystem;

const fs::path kFixtures = fs::path(LOGOGRID_FIXTURES) / "svg";

std::string fixture(const std::string& name) {
  std::ifstream in(kFixtures / name, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

LogoRequest request(const std::string& path, double seconds = 20) {
  LogoRequest r;
  r.folder = ".";
  r.path = path;
  r.participants_file = "participants.yaml";
  r.pos = {7, 11};
  r.participant = "Olpe";
  r.svg_limits.seconds = seconds;
  return r;
}

const Diagnostic* find(const Diagnostics& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics.items())
    if (d.code == code) return &d;
  return nullptr;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::optional<Logo> decode_fixture(const std::string& name, Diagnostics& d, const LogoRequest& r) {
  return decode_logo(fixture(name), r, d);
}

std::optional<Logo> decode_fixture(const std::string& name, Diagnostics& d) {
  return decode_fixture(name, d, request("logos/" + name));
}

std::string gzip(const std::string& text) {
  z_stream stream{};
  deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&stream, text.size()), '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(text.data()));
  stream.avail_in = static_cast<uInt>(text.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  deflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  deflateEnd(&stream);
  return out;
}

TEST(resolve_svg_cases, renderer_panics_are_logo_corrupt_and_the_next_logo_decodes) {
  for (const char* name : {"crash-tile.svg", "crash-convolve.svg"}) {
    Diagnostics d;
    EXPECT_FALSE(decode_fixture(name, d)) << name;
    const Diagnostic* corrupt = find(d, "logo-corrupt");
    ASSERT_TRUE(corrupt) << name;
    EXPECT_TRUE(contains(corrupt->message, "the SVG renderer failed on this file: "))
        << corrupt->message;
    EXPECT_TRUE(contains(corrupt->message, "panicked")) << corrupt->message;
    EXPECT_EQ(corrupt->participant, "Olpe");
    Diagnostics after;
    EXPECT_TRUE(decode_fixture("link.svg", after)) << "after " << name;
  }
}

TEST(resolve_svg_cases, runaway_filter_ends_at_the_time_limit) {
  Diagnostics d;
  const auto start = std::chrono::steady_clock::now();
  EXPECT_FALSE(decode_fixture("slow-turbulence.svg", d, request("logos/t.svg", 1)));
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  const Diagnostic* corrupt = find(d, "logo-corrupt");
  ASSERT_TRUE(corrupt);
  EXPECT_TRUE(contains(corrupt->message, "took longer than 1 s")) << corrupt->message;
  EXPECT_LT(seconds, 10);
}

TEST(resolve_svg_cases, memory_budget_overrun_is_a_diagnostic) {
  if (!svg_memory_limit_enforced()) GTEST_SKIP() << "no address-space limit under ASan";
  std::string text = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 100 100\"><text>";
  while (text.size() < 1'000'000) text += "Lorem ipsum dolor sit amet ";
  text += "</text></svg>";
  LogoRequest r = request("logos/text.svg");
  r.svg_limits.memory_mib = 300;
  Diagnostics d;
  EXPECT_FALSE(decode_logo(text, r, d));
  const Diagnostic* corrupt = find(d, "logo-corrupt");
  ASSERT_TRUE(corrupt);
  EXPECT_TRUE(contains(corrupt->message, "memory")) << corrupt->message;
}

TEST(resolve_svg_cases, link_is_not_an_outside_reference) {
  Diagnostics d;
  EXPECT_TRUE(decode_fixture("link.svg", d));
  EXPECT_TRUE(d.items().empty());
}

TEST(resolve_svg_cases, compressed_svg_is_read_by_content) {
  Diagnostics d;
  const auto logo = decode_fixture("compressed.svgz", d);
  ASSERT_TRUE(logo);
  EXPECT_TRUE(d.items().empty());
  EXPECT_NEAR(logo->ink.width, 80, 0.5);
  ASSERT_TRUE(logo->svg);  // parsed in this process too, for drawing
}

TEST(resolve_svg_cases, compressed_bomb_and_compressed_other_data_are_refused) {
  Diagnostics bomb;
  const std::string huge = "<svg xmlns=\"http://www.w3.org/2000/svg\">" +
                           std::string(kMaxLogoBytes + 10, ' ') + "</svg>";
  EXPECT_FALSE(decode_logo(gzip(huge), request("logos/bomb.svgz"), bomb));
  ASSERT_TRUE(find(bomb, "logo-too-large"));
  EXPECT_TRUE(contains(find(bomb, "logo-too-large")->message, "unpacks to more than 20 MiB"));
  Diagnostics other;
  EXPECT_FALSE(decode_logo(gzip("just some text"), request("logos/x.svgz"), other));
  EXPECT_TRUE(find(other, "logo-unsupported"));
}

TEST(resolve_svg_cases, hard_gradient_stops_warn_naming_the_gradient) {
  Diagnostics d;
  EXPECT_TRUE(decode_fixture("hard-stops.svg", d));
  const Diagnostic* stops = find(d, "logo-gradient-stops");
  ASSERT_TRUE(stops);
  EXPECT_EQ(stops->severity, Severity::warning);
  EXPECT_TRUE(contains(stops->message, "\"flag\"")) << stops->message;
  EXPECT_TRUE(contains(stops->message, "line 2")) << stops->message;
  Diagnostics smooth;
  EXPECT_TRUE(decode_fixture("mask.svg", smooth));
  EXPECT_FALSE(find(smooth, "logo-gradient-stops"));
}

TEST(resolve_svg_cases, embedded_raster_sizes_are_facts_for_the_ppi_rule) {
  Diagnostics d;
  const auto logo = decode_fixture("embedded-low.svg", d);
  ASSERT_TRUE(logo);
  ASSERT_EQ(logo->embedded_rasters.size(), 1u);
  const EmbeddedRaster& raster = logo->embedded_rasters[0];
  EXPECT_EQ(raster.line, 3);
  EXPECT_EQ(raster.pixel_width, 40);
  EXPECT_EQ(raster.pixel_height, 40);
  EXPECT_NEAR(raster.width, 100, 1e-6);
  EXPECT_NEAR(raster.height, 100, 1e-6);
}

TEST(resolve_svg_cases, embedded_raster_over_the_limits_is_refused_from_its_header) {
  Diagnostics d;
  EXPECT_FALSE(decode_fixture("embedded-huge.svg", d));
  const Diagnostic* large = find(d, "logo-too-large");
  ASSERT_TRUE(large);
  EXPECT_TRUE(contains(large->message, "line 2")) << large->message;
  EXPECT_TRUE(contains(large->message, "20000×20000 px (400 megapixels)")) << large->message;
}

TEST(resolve_svg_cases, broken_embedded_raster_is_reported) {
  Diagnostics d;
  EXPECT_FALSE(decode_fixture("embedded-broken.svg", d));
  const Diagnostic* corrupt = find(d, "logo-corrupt");
  ASSERT_TRUE(corrupt);
  EXPECT_TRUE(contains(corrupt->message, "line 3")) << corrupt->message;
}

TEST(resolve_svg_cases, parser_limits_are_said_in_plain_words) {
  const std::string open = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 9 9\">";
  std::string deep = open;
  for (int i = 0; i < 300; ++i) deep += "<g>";
  for (int i = 0; i < 300; ++i) deep += "</g>";
  deep += "</svg>";
  Diagnostics nested;
  EXPECT_FALSE(decode_logo(deep, request("logos/deep.svg"), nested));
  ASSERT_TRUE(find(nested, "logo-too-large"));
  EXPECT_TRUE(contains(find(nested, "logo-too-large")->message, "nested more than 256 levels"));

  std::string path = open + "<path d=\"M0 0";
  while (path.size() < 11'000'000) path += " L1 1";
  path += "\"/></svg>";
  Diagnostics long_path;
  EXPECT_FALSE(decode_logo(path, request("logos/path.svg"), long_path));
  ASSERT_TRUE(find(long_path, "logo-too-large"));
  EXPECT_TRUE(contains(find(long_path, "logo-too-large")->message, "longer than 10 MB"));

  Diagnostics loop;
  EXPECT_FALSE(decode_logo(
      "<!DOCTYPE svg [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]>" + open + "<text>&a;</text></svg>",
      request("logos/loop.svg"), loop));
  ASSERT_TRUE(find(loop, "logo-corrupt"));
  EXPECT_TRUE(contains(find(loop, "logo-corrupt")->message, "refer to each other in a loop"));
}

// The box of everything rsvg-convert draws for `name` at `scale` pixels per user unit, in
// user units.
InkBox rsvg_convert_box(const std::string& name, double width, double scale) {
  const fs::path png = fs::temp_directory_path() / ("logogrid-rsvg-" + name + ".png");
  const std::string command = "rsvg-convert -w " +
                              std::to_string(static_cast<int>(std::lround(width * scale))) +
                              " -o '" + png.string() + "' '" + (kFixtures / name).string() + "'";
  EXPECT_EQ(std::system(command.c_str()), 0) << command;
  cairo_surface_t* image = cairo_image_surface_create_from_png(png.c_str());
  fs::remove(png);
  const int w = cairo_image_surface_get_width(image);
  const int h = cairo_image_surface_get_height(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  const int stride = cairo_image_surface_get_stride(image);
  int x0 = w, y0 = h, x1 = -1, y1 = -1;
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      if (data[y * stride + 4 * x + 3] > 127) {
        x0 = std::min(x0, x);
        y0 = std::min(y0, y);
        x1 = std::max(x1, x);
        y1 = std::max(y1, y);
      }
  cairo_surface_destroy(image);
  return InkBox{x0 / scale, y0 / scale, (x1 + 1 - x0) / scale, (y1 + 1 - y0) / scale};
}

void expect_box_near(const InkBox& a, const InkBox& b, double tolerance) {
  EXPECT_NEAR(a.x, b.x, tolerance);
  EXPECT_NEAR(a.y, b.y, tolerance);
  EXPECT_NEAR(a.x + a.width, b.x + b.width, tolerance);
  EXPECT_NEAR(a.y + a.height, b.y + b.height, tolerance);
}

TEST(resolve_svg_cases, root_clip_path_ink_matches_rsvg_convert) {
  Diagnostics d;
  const auto logo = decode_fixture("root-clip.svg", d);
  ASSERT_TRUE(logo);
  const InkBox drawn = rsvg_convert_box("root-clip.svg", logo->width, 4);
  expect_box_near(drawn, InkBox{20, 10, 120, 60}, 0.3);
  expect_box_near(logo->ink, drawn, 0.5);
}

TEST(resolve_svg_cases, mark_on_an_a4_artboard_trims_to_a_tenth_of_a_millimetre) {
  // Placed within 50 mm: the 60 × 30 mm mark prints 50 mm wide.
  LogoRequest r = request("logos/a4.svg");
  const double area_pt = 50 * 72 / 25.4;
  r.svg_ink_side = svg_ink_side_for(area_pt);
  Diagnostics d;
  const auto logo = decode_fixture("a4-artboard.svg", d, r);
  ASSERT_TRUE(logo);
  const double px_per_mm = 96 / 25.4;
  const InkBox mark{75 * px_per_mm, 130 * px_per_mm, 60 * px_per_mm, 30 * px_per_mm};
  const InkBox drawn = rsvg_convert_box("a4-artboard.svg", logo->width, 1);
  expect_box_near(drawn, mark, 1);
  // 0.1 mm at the placed size, in user units.
  const double tenth = 0.1 / 50 * logo->ink.width;
  expect_box_near(logo->ink, mark, tenth);
  EXPECT_NEAR(logo->ink.width / logo->ink.height, 2.0, 0.01);
}

}  // namespace
}  // namespace logogrid

// SVG logos: the libxml2 pass (bombs, <text>, outside references, filters), librsvg
// parsing without a base URL, intrinsic size and the ink box.
#include <cairo.h>
#include <gtest/gtest.h>
#include <librsvg/rsvg.h>
#include <stdlib.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <utility>

#include "resolve/logo.hpp"
#include "resolve/svg_document.hpp"
#include "resolve/svg_ink.hpp"
#include "resolve/svg_logo.hpp"

namespace logogrid {
namespace {

namespace fs = std::filesystem;

LogoRequest request(std::string path = "logos/olpe.svg") {
  LogoRequest r;
  r.folder = ".";
  r.path = std::move(path);
  r.participants_file = "participants.yaml";
  r.pos = {7, 11};
  r.participant = "Olpe";
  return r;
}

const Diagnostic* find(const Diagnostics& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics.items())
    if (d.code == code) return &d;
  return nullptr;
}

std::string svg(const std::string& body,
                const std::string& attributes = R"(width="200" height="100")") {
  return R"(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" )" +
         attributes + ">\n" + body + "\n</svg>\n";
}

const std::string kRedRect = R"(<rect x="50" y="20" width="100" height="40" fill="#c00"/>)";

// The ink box holds the drawn box and exceeds it by at most `slack` user units.
void expect_ink_around(const Logo& logo, InkBox box, double slack = 0.5) {
  EXPECT_LE(logo.ink.x, box.x);
  EXPECT_LE(logo.ink.y, box.y);
  EXPECT_GE(logo.ink.x + logo.ink.width, box.x + box.width);
  EXPECT_GE(logo.ink.y + logo.ink.height, box.y + box.height);
  EXPECT_GE(logo.ink.x, box.x - slack);
  EXPECT_GE(logo.ink.y, box.y - slack);
  EXPECT_LE(logo.ink.x + logo.ink.width, box.x + box.width + slack);
  EXPECT_LE(logo.ink.y + logo.ink.height, box.y + box.height + slack);
}

// A fresh temp folder, removed afterwards.
struct TempFolder {
  fs::path path;
  TempFolder() {
    std::string pattern = (fs::temp_directory_path() / "logogrid-svg-XXXXXX").string();
    path = mkdtemp(pattern.data());
  }
  ~TempFolder() { fs::remove_all(path); }
};

TEST(resolve_svg, measures_ink_inside_empty_margins) {
  Diagnostics d;
  const auto logo = decode_logo(svg(kRedRect), request(), d);
  ASSERT_TRUE(logo);
  EXPECT_TRUE(d.items().empty());
  EXPECT_EQ(logo->format, LogoFormat::svg);
  EXPECT_DOUBLE_EQ(logo->width, 200);
  EXPECT_DOUBLE_EQ(logo->height, 100);
  expect_ink_around(*logo, {50, 20, 100, 40});
  ASSERT_TRUE(logo->svg);
  EXPECT_DOUBLE_EQ(logo->svg->width, 200);
  EXPECT_EQ(logo->pixel_width, 0);
}

TEST(resolve_svg, ink_raster_side_follows_the_placed_size) {
  // 0.1 mm at the placed size (pixels of 0.1 mm, edges read to a fraction of one): 50 mm
  // needs 500 px; never below 256 or above the default.
  EXPECT_EQ(svg_ink_side_for(50 * 72.0 / 25.4), 500);
  EXPECT_EQ(svg_ink_side_for(1), 256);
  EXPECT_EQ(svg_ink_side_for(1e6), kSvgInkRenderSide);
  // A smaller raster still encloses the drawing, by at most one raster pixel per side.
  LogoRequest small = request();
  small.svg_ink_side = 300;
  Diagnostics d;
  const auto logo = decode_logo(svg(kRedRect), small, d);
  ASSERT_TRUE(logo);
  EXPECT_EQ(logo->ink_side, 300);
  expect_ink_around(*logo, {50, 20, 100, 40}, 2 * 200.0 / 300);
}

TEST(resolve_svg, ink_edges_are_read_to_a_fraction_of_a_measuring_pixel) {
  // Edges between pixels, dark and pale: each is read from its pixels' coverage and set half
  // a pixel outward (a pixel here is at most (100.4 + two locating pixels) / 300 units).
  LogoRequest coarse = request();
  coarse.svg_ink_side = 300;
  const double pixel = (100.4 + 2 * 200.0 / kSvgLocateSide) / 300;
  for (const char* fill : {"#000", "#f4e08c"}) {
    Diagnostics d;
    const auto logo = decode_logo(
        svg(std::string(R"(<rect x="50.3" y="20.6" width="100.4" height="40.2" fill=")") + fill +
            "\"/>"),
        coarse, d);
    ASSERT_TRUE(logo) << fill;
    expect_ink_around(*logo, {50.3, 20.6, 100.4, 40.2}, 0.75 * pixel);
  }
}

TEST(resolve_svg, hairline_far_from_the_artwork_is_located) {
  // A 1-unit frame line (0.1 mm on a 40 mm logo): a third of a locating pixel wide.
  LogoRequest fine = request();
  fine.svg_ink_side = 400;
  Diagnostics d;
  const auto logo = decode_logo(
      svg(R"(<rect x="200" y="50" width="100" height="100" fill="#123"/>)"
          R"(<polyline fill="none" stroke="#6a1b9a" stroke-width="1" points="20,20 20,180 190,180"/>)",
          R"(viewBox="0 0 378 200")"),
      fine, d);
  ASSERT_TRUE(logo);
  expect_ink_around(*logo, {19.5, 20, 300 - 19.5, 180.5 - 20}, 2 * 378.0 / 400);
}

// The ink box measure_svg_ink_box finds for `body` on a 200 × 100 canvas, in this process,
// and how many rasters it drew for it.
std::pair<InkBox, std::uint64_t> measured_here(const std::string& body,
                                               InkNeed need = InkNeed::box) {
  const std::string bytes = svg(body);
  RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()),
                                                 bytes.size(), nullptr);
  EXPECT_TRUE(handle);
  if (!handle) return {};
  rsvg_handle_set_dpi(handle, 96.0);
  std::string error;
  const std::uint64_t before = svg_ink_draws();
  const auto ink = measure_svg_ink_box(handle, 200, 100, 400, false, need, error);
  const std::uint64_t draws = svg_ink_draws() - before;
  g_object_unref(handle);
  EXPECT_TRUE(ink && *ink) << error;
  return {ink && *ink ? **ink : InkBox{}, draws};
}

TEST(resolve_svg, trimmed_artwork_is_measured_in_one_draw) {
  // Edge to edge (as most logos are exported): one recording of the canvas, read in bands
  // along the edges of what it draws.
  Logo logo;
  std::uint64_t draws = 0;
  std::tie(logo.ink, draws) =
      measured_here(R"(<rect x="0.4" y="0.3" width="199.2" height="99.5" fill="#c00"/>)");
  EXPECT_EQ(draws, 1u);
  expect_ink_around(logo, {0.4, 0.3, 199.2, 99.5});
  // Wide empty margins: the recording's extents are the artwork's region, recorded again at
  // the scale its precision needs.
  std::tie(logo.ink, draws) = measured_here(kRedRect);
  EXPECT_EQ(draws, 2u);
  expect_ink_around(logo, {50, 20, 100, 40});
  // check asks only whether anything shows: a glimpse of the canvas tells.
  std::tie(logo.ink, draws) = measured_here(kRedRect, InkNeed::presence);
  EXPECT_EQ(draws, 1u);
}

TEST(resolve_svg, artwork_whose_extents_are_not_its_edges_is_located_without_a_draw) {
  // A group with opacity counts as large as the canvas in cairo's extents, a white
  // background is drawn but is not ink, and a miter join widens a stroke's extents: the
  // artwork is located on a replay of the canvas recording, then its region recorded.
  const std::string artworks[] = {
      R"(<rect x="50" y="20" width="100" height="40" fill="#c00" opacity="0.7"/>)",
      R"(<rect width="200" height="100" fill="#fff"/>)" + kRedRect,
      R"(<polyline fill="none" stroke="#c00" stroke-width="4" points="50,60 100,20 150,60"/>)",
  };
  // The polyline: butt caps reach 1.25 across and 1.56 below its ends, the miter 2.56 above.
  const InkBox boxes[] = {{50, 20, 100, 40}, {50, 20, 100, 40}, {48.75, 17.44, 102.5, 44.12}};
  for (int i = 0; i < 3; ++i) {
    Logo logo;
    std::uint64_t draws = 0;
    std::tie(logo.ink, draws) = measured_here(artworks[i]);
    EXPECT_EQ(draws, 2u) << artworks[i];
    expect_ink_around(logo, boxes[i], 0.6);
  }
}

TEST(resolve_svg, presence_agrees_with_the_box_on_a_hairline_frame) {
  // A frame thinner than the locating raster keeps: the measurement finds it on its trimmed
  // raster, so the presence check must too.
  const std::string frame =
      R"(<rect x="0.05" y="0.05" width="199.9" height="99.9" fill="none" stroke="#000" )"
      R"(stroke-width="0.1"/>)";
  const auto [box, box_draws] = measured_here(frame);
  EXPECT_EQ(box_draws, 1u);
  EXPECT_GT(box.width, 199);
  // measured_here expects something to show; the glimpse and the locating raster did not
  // see it, the trimmed raster did.
  EXPECT_EQ(measured_here(frame, InkNeed::presence).second, 3u);
}

TEST(resolve_svg, white_background_rectangle_is_not_ink) {
  Diagnostics d;
  const auto logo = decode_logo(
      svg(R"(<rect width="100%" height="100%" fill="white"/>)" + kRedRect), request(), d);
  ASSERT_TRUE(logo);
  expect_ink_around(*logo, {50, 20, 100, 40});
}

TEST(resolve_svg, light_grey_background_is_ink) {
  Diagnostics d;
  const auto logo = decode_logo(
      svg(R"(<rect width="100%" height="100%" fill="#e0e0e0"/>)" + kRedRect), request(), d);
  ASSERT_TRUE(logo);
  expect_ink_around(*logo, {0, 0, 200, 100});
}

TEST(resolve_svg, size_falls_back_to_view_box_in_user_units) {
  Diagnostics d;
  const auto logo = decode_logo(svg(kRedRect, R"(viewBox="0 0 400 200")"), request(), d);
  ASSERT_TRUE(logo);
  EXPECT_DOUBLE_EQ(logo->width, 400);
  EXPECT_DOUBLE_EQ(logo->height, 200);
  expect_ink_around(*logo, {50, 20, 100, 40});
}

TEST(resolve_svg, absolute_units_become_css_pixels) {
  Diagnostics d;
  const auto logo =
      decode_logo(svg(kRedRect, R"(width="2in" height="1in" viewBox="0 0 200 100")"), request(), d);
  ASSERT_TRUE(logo);
  EXPECT_DOUBLE_EQ(logo->width, 192);
  EXPECT_DOUBLE_EQ(logo->height, 96);
  expect_ink_around(*logo, {48, 19.2, 96, 38.4});
}

TEST(resolve_svg, document_without_size_gets_its_drawing_extent_with_a_warning) {
  Diagnostics d;
  const auto logo = decode_logo(svg(kRedRect, ""), request(), d);
  ASSERT_TRUE(logo);
  EXPECT_DOUBLE_EQ(logo->width, 150);  // librsvg's size: out to the drawing's far edges
  EXPECT_DOUBLE_EQ(logo->height, 60);
  expect_ink_around(*logo, {50, 20, 100, 40});
  const Diagnostic* guessed = find(d, "logo-size-guessed");
  ASSERT_TRUE(guessed);
  EXPECT_EQ(guessed->severity, Severity::warning);
}

TEST(resolve_svg, nothing_visible_is_empty) {
  for (const std::string& body :
       {std::string(""), std::string(R"(<rect width="200" height="100" fill="#fff"/>)"),
        std::string(R"(<rect width="200" height="100" fill="#000" opacity="0"/>)")}) {
    Diagnostics d;
    EXPECT_FALSE(decode_logo(svg(body), request(), d)) << body;
    const Diagnostic* empty = find(d, "logo-empty");
    ASSERT_TRUE(empty) << body;
    EXPECT_EQ(empty->severity, Severity::error);
    EXPECT_FALSE(empty->hints.empty());
  }
}

TEST(resolve_svg, malformed_xml_is_corrupt_with_line) {
  Diagnostics d;
  EXPECT_FALSE(
      decode_logo("<svg xmlns=\"http://www.w3.org/2000/svg\">\n<g>\n</svg>\n", request(), d));
  const Diagnostic* corrupt = find(d, "logo-corrupt");
  ASSERT_TRUE(corrupt);
  EXPECT_NE(corrupt->message.find("line 3: "), std::string::npos) << corrupt->message;
  EXPECT_EQ(corrupt->file, "participants.yaml");
  EXPECT_EQ(corrupt->pos, (Position{7, 11}));
  EXPECT_EQ(corrupt->participant, "Olpe");
  EXPECT_FALSE(corrupt->hints.empty());
}

TEST(resolve_svg, billion_laughs_ends_quickly_in_a_diagnostic) {
  std::string bomb = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY lol \"lol\">\n";
  std::string previous = "lol";
  for (int level = 1; level <= 9; ++level) {
    const std::string name = "lol" + std::to_string(level);
    bomb += "<!ENTITY " + name + " \"";
    for (int i = 0; i < 10; ++i) bomb += "&" + previous + ";";
    bomb += "\">\n";
    previous = name;
  }
  bomb += "]>\n" + svg("<title>&" + previous + ";</title>" + kRedRect);
  const auto start = std::chrono::steady_clock::now();
  Diagnostics d;
  EXPECT_FALSE(decode_logo(bomb, request(), d));
  EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(2));
  EXPECT_TRUE(find(d, "logo-corrupt"));
}

TEST(resolve_svg, entity_bomb_in_attribute_ends_in_a_diagnostic) {
  std::string bomb = "<!DOCTYPE svg [\n<!ENTITY a \"" + std::string(2000, 'x') + "\">\n]>\n";
  std::string body = "<g>";
  for (int i = 0; i < 2000; ++i) body += "<desc class=\"&a;\"/>";
  bomb += svg(body + "</g>" + kRedRect);
  Diagnostics d;
  EXPECT_FALSE(decode_logo(bomb, request(), d));
  ASSERT_TRUE(find(d, "logo-corrupt"));
  EXPECT_NE(find(d, "logo-corrupt")->message.find("entity"), std::string::npos);
}

TEST(resolve_svg, small_entities_as_written_by_illustrator_work) {
  const std::string doc =
      "<!DOCTYPE svg [\n<!ENTITY ns_svg \"http://www.w3.org/2000/svg\">\n"
      "<!ENTITY red \"#c00\">\n]>\n"
      "<svg xmlns=\"&ns_svg;\" width=\"200\" height=\"100\">\n"
      "<rect x=\"50\" y=\"20\" width=\"100\" height=\"40\" fill=\"&red;\"/>\n</svg>\n";
  Diagnostics d;
  const auto logo = decode_logo(doc, request(), d);
  ASSERT_TRUE(logo) << (d.items().empty() ? "" : d.items().front().message);
  expect_ink_around(*logo, {50, 20, 100, 40});
}

TEST(resolve_svg, text_is_a_warning_with_its_line) {
  Diagnostics d;
  const auto logo = decode_logo(
      svg("<g>\n<text x=\"10\" y=\"50\" font-size=\"30\">Olpe</text>\n</g>\n" + kRedRect),
      request(), d);
  ASSERT_TRUE(logo);
  const Diagnostic* text = find(d, "logo-svg-text");
  ASSERT_TRUE(text);
  EXPECT_EQ(text->severity, Severity::warning);
  EXPECT_NE(text->message.find("at line 3 of the SVG"), std::string::npos) << text->message;
  EXPECT_FALSE(text->hints.empty());
}

TEST(resolve_svg, outside_image_is_warned_about_and_never_drawn) {
  TempFolder folder;
  // A real, opaque PNG next to the SVG: if librsvg loaded it, the logo would not be empty.
  cairo_surface_t* red = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 10, 10);
  cairo_t* cr = cairo_create(red);
  cairo_set_source_rgb(cr, 1, 0, 0);
  cairo_paint(cr);
  cairo_destroy(cr);
  ASSERT_EQ(cairo_surface_write_to_png(red, (folder.path / "red.png").c_str()),
            CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy(red);

  const std::string absolute = "file://" + (folder.path / "red.png").string();
  for (const std::string& href : {absolute, std::string("red.png")}) {
    std::ofstream(folder.path / "logo.svg")
        << svg(R"(<image width="200" height="100" xlink:href=")" + href + R"("/>)");
    LogoRequest r = request("logo.svg");
    r.folder = folder.path.string();
    Diagnostics d;
    EXPECT_FALSE(resolve_logo(r, d)) << href;
    const Diagnostic* external = find(d, "logo-external-ref");
    ASSERT_TRUE(external) << href;
    EXPECT_EQ(external->severity, Severity::warning);
    EXPECT_NE(external->message.find(href), std::string::npos) << external->message;
    EXPECT_TRUE(find(d, "logo-empty")) << href;
  }
}

TEST(resolve_svg, data_uri_image_is_drawn_without_warning) {
  // A 1×1 opaque black PNG.
  const std::string pixel =
      "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNgAAAAAgAB"
      "SK+kcQAAAABJRU5ErkJggg==";
  Diagnostics d;
  const auto logo =
      decode_logo(svg(R"(<image x="20" y="10" width="50" height="50" href=")" + pixel + R"("/>)"),
                  request(), d);
  ASSERT_TRUE(logo) << (d.items().empty() ? "" : d.items().front().message);
  EXPECT_FALSE(find(d, "logo-external-ref"));
  expect_ink_around(*logo, {20, 10, 50, 50}, 1.0);
}

TEST(resolve_svg, outside_references_in_css_are_found) {
  for (const std::string& body :
       {std::string(R"~(<rect width="10" height="10" fill="url(other.svg#g)"/>)~"),
        std::string(
            R"~(<rect width="10" height="10" style="fill: url('https://x.org/p.svg#a')"/>)~"),
        std::string("<style>@import url(brand.css);</style>"),
        std::string("<style>@import \"brand.css\";</style>"),
        std::string(R"(<use href="sprites.svg#logo"/>)")}) {
    Diagnostics d;
    decode_logo(svg(body + kRedRect), request(), d);
    EXPECT_TRUE(find(d, "logo-external-ref")) << body;
  }
}

TEST(resolve_svg, local_references_are_fine) {
  Diagnostics d;
  const auto logo = decode_logo(
      svg(R"(<defs><linearGradient id="g"><stop offset="0" stop-color="#c00"/></linearGradient>)"
          R"~(</defs><rect x="50" y="20" width="100" height="40" fill="url(#g)"/>)~"
          R"(<use href="#g"/>)"),
      request(), d);
  ASSERT_TRUE(logo);
  EXPECT_TRUE(d.items().empty()) << d.items().front().message;
}

TEST(resolve_svg, external_entity_is_warned_about_and_not_loaded) {
  TempFolder folder;
  std::ofstream(folder.path / "secret.txt") << "secret";
  const std::string doc = "<!DOCTYPE svg [\n<!ENTITY x SYSTEM \"file://" +
                          (folder.path / "secret.txt").string() + "\">\n]>\n" +
                          svg("<title>&x;</title>" + kRedRect);
  Diagnostics d;
  const auto logo = decode_logo(doc, request(), d);
  EXPECT_TRUE(find(d, "logo-external-ref"));
  if (logo) {
    ASSERT_TRUE(logo->svg);
    expect_ink_around(*logo, {50, 20, 100, 40});
  }
}

TEST(resolve_svg, detects_filter_effects) {
  const std::string blur =
      R"(<defs><filter id="f"><feGaussianBlur stdDeviation="2"/></filter></defs>)";
  for (const std::string& body :
       {blur + R"~(<rect x="50" y="20" width="100" height="40" filter="url(#f)"/>)~",
        std::string(R"~(<g style="filter: drop-shadow(2px 2px 2px black)">)~") + kRedRect + "</g>",
        "<style>g { filter: blur(2px) }</style><g>" + kRedRect + "</g>"}) {
    Diagnostics d;
    const auto logo = decode_logo(svg(body), request(), d);
    ASSERT_TRUE(logo) << body;
    EXPECT_TRUE(logo->has_filter_effects) << body;
  }
  Diagnostics d;
  const auto plain = decode_logo(
      svg(R"(<g filter="none" style="filter:none">)" + kRedRect + "</g>"), request(), d);
  ASSERT_TRUE(plain);
  EXPECT_FALSE(plain->has_filter_effects);
}

TEST(resolve_svg, other_xml_is_unsupported) {
  Diagnostics d;
  EXPECT_FALSE(decode_logo("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"/>\n", request(), d));
  ASSERT_TRUE(find(d, "logo-unsupported"));
  EXPECT_NE(find(d, "logo-unsupported")->message.find("<rss>"), std::string::npos);
}

TEST(resolve_svg, root_without_svg_namespace_still_draws) {
  // librsvg accepts a missing xmlns, as browsers do for inline SVG.
  Diagnostics d;
  const auto logo =
      decode_logo(R"(<svg width="10" height="10"><rect x="2" y="3" width="5" height="5"/></svg>)",
                  request(), d);
  ASSERT_TRUE(logo);
  expect_ink_around(*logo, {2, 3, 5, 5}, 0.1);
}

TEST(resolve_svg, svg_named_png_is_still_svg) {
  Diagnostics d;
  const auto logo = decode_logo(svg(kRedRect), request("logos/olpe.png"), d);
  ASSERT_TRUE(logo);
  EXPECT_EQ(logo->format, LogoFormat::svg);
}

TEST(resolve_svg, document_stays_drawable_after_resolution) {
  Diagnostics d;
  auto logo = decode_logo(svg(kRedRect), request(), d);
  ASSERT_TRUE(logo && logo->svg);
  const auto document = logo->svg;
  logo.reset();  // the renderer may keep only the document
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 200, 100);
  cairo_t* cr = cairo_create(surface);
  const RsvgRectangle viewport{0, 0, 200, 100};
  EXPECT_TRUE(rsvg_handle_render_document(document->handle, cr, &viewport, nullptr));
  cairo_surface_flush(surface);
  const auto* row = reinterpret_cast<const std::uint32_t*>(
      cairo_image_surface_get_data(surface) + 40 * cairo_image_surface_get_stride(surface));
  EXPECT_EQ(row[100], 0xffcc0000u);
  EXPECT_EQ(row[10], 0u);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}

}  // namespace
}  // namespace logogrid

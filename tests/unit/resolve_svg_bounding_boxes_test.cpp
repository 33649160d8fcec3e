// librsvg's bounding boxes from path extents (resolve/svg_bounding_boxes): librsvg's calls
// reach the program's definitions, and every feature that depends on a bounding box draws
// as it does with cairo's own, tessellated answers.
#include <cairo.h>
#include <gtest/gtest.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>
#include <vector>

#include "resolve/svg_bounding_boxes.hpp"

namespace logogrid {
namespace {

namespace fs = std::filesystem;

std::string svg(const std::string& body) {
  return R"~(<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" )~"
         R"~(width="200" height="120">)~" +
         body + "</svg>";
}

// Every feature whose geometry SVG ties to a bounding box, on curved, stroked, dashed and
// degenerate paths.
const std::vector<std::string> kBoundingBoxCases{
    // objectBoundingBox gradients (the default units) on a curved fill and on a stroke
    svg(R"~(<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1">)~"
        R"~(<stop offset="0" stop-color="#036"/><stop offset="1" stop-color="#fc0"/>)~"
        R"~(</linearGradient><radialGradient id="r"><stop offset="0" stop-color="#c00"/>)~"
        R"~(<stop offset="1" stop-color="#00c"/></radialGradient></defs>)~"
        R"~(<path d="M20,100 C20,10 90,-20 120,60 S190,110 180,30" fill="url(#g)"/>)~"
        R"~(<path d="M30,20 C60,90 120,0 170,80" fill="none" stroke="url(#r)" stroke-width="9"/>)~"),
    // a pattern in objectBoundingBox units, a clip path and a mask in bounding-box units
    svg(R"~(<defs><pattern id="p" width="0.1" height="0.2" patternContentUnits="objectBoundingBox">)~"
        R"~(<circle cx="0.05" cy="0.1" r="0.04" fill="#2e7d32"/></pattern>)~"
        R"~(<clipPath id="c" clipPathUnits="objectBoundingBox"><ellipse cx="0.5" cy="0.5" rx="0.5" ry="0.3"/></clipPath>)~"
        R"~(<mask id="m" maskContentUnits="objectBoundingBox"><rect width="0.6" height="1" fill="#fff"/></mask></defs>)~"
        R"~(<path d="M10,10 Q100,140 190,10 Z" fill="url(#p)"/>)~"
        R"~(<path d="M20,60 C60,0 140,120 180,60 C140,130 60,0 20,60Z" fill="#b5272d" clip-path="url(#c)"/>)~"
        R"~(<circle cx="100" cy="70" r="40" fill="#1f3a5f" mask="url(#m)"/>)~"),
    // a blur in its default region (a margin of the bounding box), dashes, miter joins,
    // square caps, markers
    svg(R"~(<defs><filter id="b"><feGaussianBlur stdDeviation="3"/></filter>)~"
        R"~(<marker id="k" markerWidth="6" markerHeight="6" refX="3" refY="3"><circle cx="3" cy="3" r="3" fill="#000"/></marker></defs>)~"
        R"~(<path d="M30,90 C60,20 140,20 170,90" fill="#e0a526" filter="url(#b)"/>)~"
        R"~(<polyline points="20,20 60,100 100,20 140,100 180,20" fill="none" stroke="#6a1b9a" )~"
        R"~(stroke-width="6" stroke-linejoin="miter" stroke-linecap="square" stroke-dasharray="14 6" )~"
        R"~(marker-mid="url(#k)"/>)~"),
    // a degenerate subpath (a move and a line) beside a shape with a bounding-box gradient:
    // cairo's own answer for it
    svg(R"~(<defs><linearGradient id="g" x2="1"><stop offset="0" stop-color="#000"/>)~"
        R"~(<stop offset="1" stop-color="#0c0"/></linearGradient></defs>)~"
        R"~(<path d="M40,30 L160,30 L160,90 L40,90 Z M190,110 L195,110" fill="url(#g)"/>)~"),
};

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

// `bytes` drawn by librsvg at `scale`, with the bounding boxes `answers` gives; nullptr when
// librsvg does not load it (fixtures made to be refused).
Surface draw(const std::string& bytes, double scale, SvgBoundingBoxes answers) {
  RsvgHandle* handle = rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(bytes.data()),
                                                 bytes.size(), nullptr);
  if (!handle) return nullptr;
  gdouble width = 0, height = 0;
  if (!rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height)) width = height = 100;
  scale = std::min(scale, 800 / std::max(width, height));  // an A4 artboard, say
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32,
                                             static_cast<int>(std::ceil(width * scale)),
                                             static_cast<int>(std::ceil(height * scale))));
  set_svg_bounding_boxes(answers);
  cairo_t* cr = cairo_create(surface.get());
  cairo_scale(cr, scale, scale);
  const RsvgRectangle viewport{0, 0, width, height};
  rsvg_handle_render_document(handle, cr, &viewport, nullptr);
  cairo_destroy(cr);
  set_svg_bounding_boxes(SvgBoundingBoxes::path_extents);
  g_object_unref(handle);
  cairo_surface_flush(surface.get());
  return surface;
}

// The largest difference of any channel between two rasters of the same size, and how many
// pixels differ by more than `level`.
struct Difference {
  int largest = 0;
  long pixels_over = 0;
};

Difference compare(cairo_surface_t* a, cairo_surface_t* b, int level) {
  Difference d;
  const int w = cairo_image_surface_get_width(a), h = cairo_image_surface_get_height(a);
  const int stride = cairo_image_surface_get_stride(a);
  const unsigned char* pa = cairo_image_surface_get_data(a);
  const unsigned char* pb = cairo_image_surface_get_data(b);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      int most = 0;
      for (int c = 0; c < 4; ++c) {
        const std::size_t at = static_cast<std::size_t>(y) * static_cast<std::size_t>(stride) +
                               4 * static_cast<std::size_t>(x) + static_cast<std::size_t>(c);
        most = std::max(most, std::abs(int{pa[at]} - int{pb[at]}));
      }
      d.largest = std::max(d.largest, most);
      if (most > level) ++d.pixels_over;
    }
  return d;
}

TEST(svg_bounding_boxes, librsvg_asks_the_program_and_gets_path_extents) {
  const std::uint64_t before = svg_bounding_boxes_from_path_extents();
  ASSERT_TRUE(draw(kBoundingBoxCases[0], 1, SvgBoundingBoxes::path_extents));
  EXPECT_GT(svg_bounding_boxes_from_path_extents(), before);
  // With cairo's answers asked for, none come from here.
  const std::uint64_t then = svg_bounding_boxes_from_path_extents();
  draw(kBoundingBoxCases[0], 1, SvgBoundingBoxes::cairo);
  EXPECT_EQ(svg_bounding_boxes_from_path_extents(), then);
}

TEST(svg_bounding_boxes, fill_extents_of_a_curve_are_its_extremes) {
  // The fill's bounding box is the shape's geometry: a curve's extreme, not the flattened
  // polygon's (a little inside it).
  cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 10, 10);
  cairo_t* cr = cairo_create(surface);
  cairo_move_to(cr, 0, 0);
  cairo_curve_to(cr, 0, 100, 100, 100, 100, 0);
  cairo_close_path(cr);
  double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  cairo_fill_extents(cr, &x1, &y1, &x2, &y2);
  EXPECT_DOUBLE_EQ(x1, 0);
  EXPECT_DOUBLE_EQ(x2, 100);
  EXPECT_NEAR(y2, 75, 1e-6);  // the cubic's peak: 3/4 of its control points' height
  // A stroke reaches half the line width beyond (round joins), the miter limit times that
  // for miter joins: never less than cairo's own outline.
  cairo_set_line_width(cr, 4);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke_extents(cr, &x1, &y1, &x2, &y2);
  EXPECT_NEAR(y2, 77, 1e-6);
  set_svg_bounding_boxes(SvgBoundingBoxes::cairo);
  double cx1 = 0, cy1 = 0, cx2 = 0, cy2 = 0;
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_MITER);
  cairo_stroke_extents(cr, &cx1, &cy1, &cx2, &cy2);
  set_svg_bounding_boxes(SvgBoundingBoxes::path_extents);
  cairo_stroke_extents(cr, &x1, &y1, &x2, &y2);
  EXPECT_LE(x1, cx1);
  EXPECT_LE(y1, cy1);
  EXPECT_GE(x2, cx2);
  EXPECT_GE(y2, cy2);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
}

TEST(svg_bounding_boxes, features_tied_to_bounding_boxes_draw_as_with_cairos_answers) {
  for (const std::string& bytes : kBoundingBoxCases)
    ASSERT_TRUE(draw(bytes, 1, SvgBoundingBoxes::cairo)) << bytes;
  std::vector<std::string> cases = kBoundingBoxCases;
  for (const auto& entry : fs::directory_iterator(fs::path(LOGOGRID_FIXTURES) / "svg")) {
    const std::string name = entry.path().filename().string();
    // Left out: the crash fixtures end the process in librsvg, the slow ones take seconds a
    // draw (they are for the worker's limits).
    if (entry.path().extension() != ".svg" || name.rfind("crash-", 0) == 0 ||
        name.rfind("slow-", 0) == 0 || name == "embedded-huge.svg")
      continue;
    std::ifstream in(entry.path(), std::ios::binary);
    cases.emplace_back(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  }
  for (std::size_t i = 0; i < cases.size(); ++i)
    for (const double scale : {1.0, 4.0}) {
      const Surface exact = draw(cases[i], scale, SvgBoundingBoxes::cairo);
      const Surface fast = draw(cases[i], scale, SvgBoundingBoxes::path_extents);
      if (!exact || !fast) continue;
      const Difference d = compare(exact.get(), fast.get(), 2);
      const long pixels = long{cairo_image_surface_get_width(exact.get())} *
                          cairo_image_surface_get_height(exact.get());
      // Gradients placed on a bounding box a fraction of a device pixel larger shift by less
      // than a level or two.
      EXPECT_LE(d.largest, 8) << "case " << i << " at " << scale << "x";
      EXPECT_LE(d.pixels_over, pixels / 1000) << "case " << i << " at " << scale << "x";
    }
}

}  // namespace
}  // namespace logogrid

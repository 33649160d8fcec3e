// cairo_fill_extents and cairo_stroke_extents for librsvg, from path extents (see
// svg_bounding_boxes.hpp). The program's own definitions come before libcairo's in the
// dynamic linker's search, so librsvg's calls arrive here; cairo's own functions are found
// with dlsym(RTLD_NEXT). The build links this file into every program that links
// logogrid_core (CMakeLists.txt, --undefined).
#include "resolve/svg_bounding_boxes.hpp"

#include <cairo.h>
#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <cmath>

namespace logogrid {
namespace {

using Extents = void (*)(cairo_t*, double*, double*, double*, double*);

std::atomic<SvgBoundingBoxes> mode{SvgBoundingBoxes::path_extents};
std::atomic<std::uint64_t> answered{0};

// cairo's own function `name`; the path's extents should the lookup ever fail (libcairo is
// linked, so it does not).
Extents cairo_function(const char* name) {
  if (void* function = dlsym(RTLD_NEXT, name)) return reinterpret_cast<Extents>(function);
  return cairo_path_extents;
}

// Whether every subpath of the current path can enclose area (three points or more): a
// move_to with one line_to fills nothing, but counts in the path's extents.
bool subpaths_enclose_area(cairo_t* cr) {
  cairo_path_t* path = cairo_copy_path(cr);
  bool enclose = path->status == CAIRO_STATUS_SUCCESS;
  int points = 0;
  for (int i = 0; enclose && i < path->num_data; i += path->data[i].header.length) {
    switch (path->data[i].header.type) {
      case CAIRO_PATH_MOVE_TO:  // a lone move_to counts nowhere
        enclose = points <= 1 || points >= 3;
        points = 1;
        break;
      case CAIRO_PATH_LINE_TO:
        ++points;
        break;
      case CAIRO_PATH_CURVE_TO:
        points += 3;
        break;
      case CAIRO_PATH_CLOSE_PATH:
        break;
    }
  }
  enclose = enclose && (points <= 1 || points >= 3);
  cairo_path_destroy(path);
  return enclose;
}

}  // namespace

void set_svg_bounding_boxes(SvgBoundingBoxes answers) { mode = answers; }

std::uint64_t svg_bounding_boxes_from_path_extents() { return answered.load(); }

}  // namespace logogrid

extern "C" {

void cairo_fill_extents(cairo_t* cr, double* x1, double* y1, double* x2, double* y2) {
  using namespace logogrid;
  if (mode == SvgBoundingBoxes::cairo || !subpaths_enclose_area(cr)) {
    static const Extents fill_extents = cairo_function("cairo_fill_extents");
    fill_extents(cr, x1, y1, x2, y2);
    return;
  }
  ++answered;
  cairo_path_extents(cr, x1, y1, x2, y2);
}

// The path's extents widened by the farthest the stroke's outline reaches from its path:
// half the line width, times the miter limit for miter joins, √2 for square caps. A path
// without extent (a dot drawn by a round cap, say) gets cairo's answer.
void cairo_stroke_extents(cairo_t* cr, double* x1, double* y1, double* x2, double* y2) {
  using namespace logogrid;
  static const Extents stroke_extents = cairo_function("cairo_stroke_extents");
  double ax1 = 0, ay1 = 0, ax2 = 0, ay2 = 0;
  const double width = cairo_get_line_width(cr);
  if (mode == SvgBoundingBoxes::path_extents && width > 0)
    cairo_path_extents(cr, &ax1, &ay1, &ax2, &ay2);
  if (!(ax2 > ax1 || ay2 > ay1)) {
    stroke_extents(cr, x1, y1, x2, y2);
    return;
  }
  ++answered;
  double reach = 1;
  if (cairo_get_line_cap(cr) == CAIRO_LINE_CAP_SQUARE) reach = std::sqrt(2.0);
  if (cairo_get_line_join(cr) == CAIRO_LINE_JOIN_MITER)
    reach = std::max(reach, cairo_get_miter_limit(cr));
  const double d = width / 2 * reach;
  if (x1) *x1 = ax1 - d;
  if (y1) *y1 = ay1 - d;
  if (x2) *x2 = ax2 + d;
  if (y2) *y2 = ay2 + d;
}

}  // extern "C"

// Ink measurement for SVG logos: which render pixels at a given scale would show on white
// paper. measure_svg_ink equals scanning one full raster, but is cheaper: a coarse
// raster finds where the ink can be, then one full-resolution raster clipped to thin bands
// along the four edges of that region finds the exact rows and columns. Falls back to the full
// raster whenever a band cannot prove its edge (ink on the band's outer border, or no ink in it).
#pragma once

#include <librsvg/rsvg.h>

#include <optional>
#include <string>

#include "resolve/ink_box.hpp"
#include "resolve/logo.hpp"

namespace logogrid {

// Longest side, in pixels, of the raster of the whole canvas that locates the artwork.
constexpr int kSvgLocateSide = 512;

// A parsed document, drawn into a viewport of width × height user units; rasters start at
// user point (origin_x, origin_y).
struct SvgInkDocument {
  RsvgHandle* handle = nullptr;
  double width = 0;
  double height = 0;
  double origin_x = 0;
  double origin_y = 0;
};

struct SvgInkRaster {
  double scale = 1;     // render pixels per user unit
  int pixel_width = 1;  // the full raster the result is equal to
  int pixel_height = 1;
  bool has_filter_effects = false;  // filters need the whole raster: measured on it
};

// Ink bounds in pixels of the full raster (empty when nothing shows). On a drawing error
// returns nullopt and sets `error`.
std::optional<InkBounds> measure_svg_ink(const SvgInkDocument& document, const SvgInkRaster& raster,
                                         std::string& error);

// The ink box in user units: the artwork is located on a raster of the whole canvas
// (kSvgLocateSide), then measured on a raster of its own region with `ink_side` pixels
// across the longer side, rounded outward by one of those pixels. An empty optional inside
// when nothing shows; nullopt (and `error`) on a drawing error.
std::optional<std::optional<InkBox>> measure_svg_ink_box(RsvgHandle* handle, double width,
                                                         double height, int ink_side,
                                                         bool has_filter_effects,
                                                         std::string& error);

}  // namespace logogrid

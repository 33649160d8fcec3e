// Ink measurement for SVG logos: which render pixels at a given scale would show on white
// paper. Equal to scanning one full raster of kSvgInkRenderSide px, but cheaper: a coarse
// raster finds where the ink can be, then one full-resolution raster clipped to thin bands
// along the four edges of that region finds the exact rows and columns. Falls back to the full
// raster whenever a band cannot prove its edge (ink on the band's outer border, or no ink in it).
#pragma once

#include <librsvg/rsvg.h>

#include <optional>
#include <string>

#include "resolve/ink_box.hpp"

namespace logogrid {

struct SvgInkRaster {
  double scale = 1;     // render pixels per user unit
  int pixel_width = 1;  // the full raster the result is equal to
  int pixel_height = 1;
  bool has_filter_effects = false;  // filters need the whole raster: measured on it
};

// Ink bounds in pixels of the full raster (empty when nothing shows). On a drawing error
// returns nullopt and sets `error`.
std::optional<InkBounds> measure_svg_ink(RsvgHandle* handle, double width, double height,
                                         const SvgInkRaster& raster, std::string& error);

}  // namespace logogrid

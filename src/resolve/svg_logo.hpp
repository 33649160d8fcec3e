// SVG logos: the libxml2 pass (svg_scan), then librsvg parses the bytes without a base
// URL, so no file or URL outside the bytes can load (data: URIs still work). The parsed
// handle is kept in Logo::svg for the renderer, which must draw it with
// rsvg_handle_render_document into a viewport of Logo::width × Logo::height.
#pragma once

#include "resolve/logo.hpp"
#include "resolve/logo_report.hpp"

namespace logogrid {

// Longest side, in pixels, of the raster the ink box is measured on (when nothing smaller
// is asked for).
constexpr int kSvgInkRenderSide = 1536;
// The ink box needs this precision at the placed size (it rounds outward by one pixel).
constexpr double kSvgInkPrecisionMm = 0.1;

// The raster side that measures ink to kSvgInkPrecisionMm for a logo placed within a box
// whose longer side is `longest_placed_pt` points (never more than kSvgInkRenderSide).
int svg_ink_side_for(double longest_placed_pt);

// On success fills width/height (intrinsic, CSS px), ink (same units, rounded outward by
// one render pixel), has_filter_effects and svg; returns true. Otherwise reports and
// returns false. Warnings (logo-svg-text, logo-external-ref) are added either way.
bool decode_svg_logo(Logo& logo, LogoReport& report, int ink_side = kSvgInkRenderSide);

}  // namespace logogrid

// SVG logos: the libxml2 pass (svg_scan), then librsvg parses the bytes without a base
// URL, so no file or URL outside the bytes can load (data: URIs still work). The parsed
// handle is kept in Logo::svg for the renderer, which must draw it with
// rsvg_handle_render_document into a viewport of Logo::width × Logo::height.
#pragma once

#include "resolve/logo.hpp"
#include "resolve/logo_report.hpp"

namespace logogrid {

// Longest side, in pixels, of the raster the ink box is measured on.
constexpr int kSvgInkRenderSide = 1536;

// On success fills width/height (intrinsic, CSS px), ink (same units, rounded outward by
// one render pixel), has_filter_effects and svg; returns true. Otherwise reports and
// returns false. Warnings (logo-svg-text, logo-external-ref) are added either way.
bool decode_svg_logo(Logo& logo, LogoReport& report);

}  // namespace logogrid

// One logo as a self-contained PDF fragment: a one-page PDF of the placed size (points;
// SVGs at kSvgFragmentScale times that) with the logo drawn by paint_logo onto (0, 0, width,
// height). finish/ turns its page into a Form XObject, stores it once and places it wherever the
// logo appears. A fragment depends only on the logo's bytes, the placed size and the render code,
// so it can be made on any thread, in any order, and cached.
#pragma once

#include <string>

#include "resolve/logo.hpp"

namespace logogrid {

// An SVG's fragment page is this many times the placed size (finish/ scales it back), so
// librsvg's whole device units are 1/8 pt: pattern tiles down to 0.1 pt stay, decoration
// lines keep their width, and masks come out at 576 ppi at the placed size.
constexpr double kSvgFragmentScale = 8;

// Throws FatalError when the logo cannot be drawn.
std::string render_logo_fragment(const Logo& logo, double width, double height);

}  // namespace logogrid

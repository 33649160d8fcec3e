// One logo as a self-contained PDF fragment: a one-page PDF of exactly the placed size
// (points) with the logo drawn by paint_logo onto (0, 0, width, height). finish/ turns its
// page into a Form XObject, stores it once and places it wherever the logo appears. A
// fragment depends only on the logo's bytes, the placed size and the render code, so it
// can be made on any thread, in any order, and cached.
#pragma once

#include <string>

#include "resolve/logo.hpp"

namespace logogrid {

// Throws FatalError when the logo cannot be drawn.
std::string render_logo_fragment(const Logo& logo, double width, double height);

}  // namespace logogrid

// Set text: draws a planned TextBlock line by line at its baselines with Pango, 100 % black.
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include <string>

#include "plan/plan.hpp"

namespace logogrid {

// A font description for `font` (no size, "DejaVu Sans Bold") at `size_pt`.
PangoFontDescription* new_font_description(const std::string& font, double size_pt);

// Draws each line of `block` with its baseline at first_baseline + i × line_height and
// aligned in block.box per block.align. Coordinates are the current user space.
void paint_text_block(cairo_t* cr, const TextBlock& block);

}  // namespace logogrid

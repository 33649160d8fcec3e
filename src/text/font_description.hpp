// Splits a Pango font description with size ("DejaVu Sans Bold 18") into the face part
// ("DejaVu Sans Bold", what TextMeasure takes) and the size in points. Pure string parsing,
// no Pango: the planner and the layout loader use it without touching fonts.
#pragma once

#include <string>

namespace logogrid {

struct FontSpec {
  std::string face;  // family and style, without size
  double size = 0;   // pt; 0 when the description names no size
};

// Parses `description`. The size is the last word when it is a positive number of points
// (Pango's "20px" absolute sizes are rejected). Returns false when there is no usable size
// or no face.
bool parse_font_spec(const std::string& description, FontSpec& spec);

// Like parse_font_spec, but never fails: a missing size becomes `fallback_size`, an empty
// face becomes "Sans".
FontSpec font_spec_or(const std::string& description, double fallback_size);

}  // namespace logogrid

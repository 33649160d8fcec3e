// Text for proof marks and appendix pages: wrapped, aligned Pango paragraphs drawn and
// measured with the same Pango set-up as the page content (72 dpi, no hinting).
#pragma once

#include <cairo.h>

#include <string>

#include "proof/proof_style.hpp"

namespace logogrid {

struct ProofText {
  std::string text;  // plain text, '\n' breaks lines
  const char* font = proof_style::kFont;
  double size = 7;
  proof_style::Rgb colour = proof_style::kText;
  enum class Align { left, center, right } align = Align::left;
  double width = -1;              // wrap width in pt; <= 0: no wrapping
  int max_lines = 0;              // > 0: ellipsize after this many lines (height is bounded too)
  bool ellipsize_middle = false;  // single line: "logos/very-lo…name.png"
};

// Height of the set paragraph in points.
double measure_text(const ProofText& text);
// Width of the widest line in points.
double measure_text_width(const ProofText& text);

// Draws the paragraph with its top-left corner at (x, top) in the current user space.
void draw_text(cairo_t* cr, const ProofText& text, double x, double top);

}  // namespace logogrid

// Caption setting for one cell: wrap to the layout's line limit (after a name's own hyphen
// first), shrink in 0.5 pt steps down to 6 pt when needed, then break inside a word, and as
// a last resort truncate with an ellipsis. Used by the planner.
#pragma once

#include <string>

#include "plan/plan.hpp"
#include "plan/text_measure.hpp"

namespace logogrid {

struct CaptionRule {
  std::string face;  // font without size
  double size = 8;   // the layout's size, pt
  int max_lines = 2;
  double min_size = 6;  // never set smaller (unless the layout's size is smaller already)
  double step = 0.5;
};

struct SetCaption {
  std::vector<std::string> lines;
  double size = 0;
  LineMetrics metrics;          // at `size`
  bool shrunk = false;          // set smaller than the layout's size
  bool broken_in_word = false;  // fitted only by breaking inside a word (at the minimum size)
  bool truncated = false;       // did not fit even at the minimum size: lines cut, ellipsis added
};

// Sets `text` into `width` following `rule`.
SetCaption set_caption(const std::string& text, double width, const CaptionRule& rule,
                       TextMeasure& measure);

// Width of one unwrapped line.
double line_width(const std::string& text, const std::string& face, double size,
                  TextMeasure& measure);

}  // namespace logogrid

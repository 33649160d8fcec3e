// A deterministic TextMeasure with fixed proportions, independent of installed fonts: for
// planner tests (golden plans) and fuzzing. Every code point is `advance` × size wide;
// ascent, descent and line height are fixed shares of the size.
#pragma once

#include "plan/text_measure.hpp"

namespace logogrid {

class FixedTextMeasure final : public TextMeasure {
 public:
  double advance = 0.5;
  double ascent = 0.8;
  double descent = 0.2;
  double line_height = 1.2;

  LineMetrics metrics(const std::string& font, double size_pt) override;
  // Greedy wrapping at spaces; a word wider than max_width stands alone (fits = false).
  // max_width <= 0 or infinite: no wrapping. '\n' always breaks.
  WrappedText wrap(const std::string& text, const std::string& font, double size_pt,
                   double max_width) override;
};

}  // namespace logogrid

// How the planner measures text without knowing about fonts: the renderer supplies a
// Pango-backed implementation, tests a deterministic fake.
#pragma once

#include <string>
#include <vector>

namespace logogrid {

struct LineMetrics {
  double ascent = 0;       // pt above the baseline
  double descent = 0;      // pt below the baseline
  double line_height = 0;  // pt from one baseline to the next
};

struct WrappedText {
  std::vector<std::string> lines;  // the text broken at word boundaries to fit max_width
  double width = 0;                // widest line, pt
  bool fits = true;                // false when a single word is wider than max_width
};

class TextMeasure {
 public:
  virtual ~TextMeasure() = default;
  // `font` is a Pango font description without size ("DejaVu Sans Bold").
  // Lines of a block are set line_height apart, the first one `ascent` below its top.
  virtual LineMetrics metrics(const std::string& font, double size_pt) = 0;
  // Breaks at word boundaries only, never inside a word. max_width <= 0 or infinite: no
  // wrapping (this is how a single line's width is measured). Empty text gives no lines.
  virtual WrappedText wrap(const std::string& text, const std::string& font, double size_pt,
                           double max_width) = 0;
};

}  // namespace logogrid

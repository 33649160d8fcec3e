// Captions must stay inside their cell: the rule is "wrap, then shrink, then truncate",
// so a long official name (e.g. "Hansestadt Attendorn") stays whole wherever it can.
#include "plan/caption_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace logogrid {
namespace {

constexpr double kTolerance = 1e-6;
constexpr int kMaxShrinkSteps = 400;  // a silly layout size must not turn into a long loop
const std::string kEllipsis = "\u2026";

bool fits(const WrappedText& wrapped, double width, int max_lines) {
  return wrapped.fits && wrapped.lines.size() <= static_cast<std::size_t>(max_lines) &&
         wrapped.width <= width + kTolerance;
}

// Drops the last UTF-8 code point.
void pop_code_point(std::string& s) {
  while (!s.empty() && (static_cast<unsigned char>(s.back()) & 0xC0U) == 0x80U) s.pop_back();
  if (!s.empty()) s.pop_back();
}

void trim_trailing_spaces(std::string& s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
}

// Shortens `line` (always marking the cut with an ellipsis) until it fits `width`.
std::string truncate_with_ellipsis(std::string line, double width, const std::string& face,
                                   double size, TextMeasure& measure) {
  trim_trailing_spaces(line);
  while (!line.empty() && line_width(line + kEllipsis, face, size, measure) > width + kTolerance) {
    pop_code_point(line);
    trim_trailing_spaces(line);
  }
  return line + kEllipsis;
}

}  // namespace

double line_width(const std::string& text, const std::string& face, double size,
                  TextMeasure& measure) {
  return measure.wrap(text, face, size, std::numeric_limits<double>::infinity()).width;
}

SetCaption set_caption(const std::string& text, double width, const CaptionRule& rule,
                       TextMeasure& measure) {
  const int max_lines = std::max(1, rule.max_lines);
  const double min_size = std::min(rule.min_size, rule.size);
  const double step = rule.step > 0 ? rule.step : 0.5;

  SetCaption result;
  double size = rule.size;
  for (int i = 0; i <= kMaxShrinkSteps; ++i) {
    if (i == kMaxShrinkSteps || size < min_size + kTolerance) size = min_size;
    WrappedText wrapped = measure.wrap(text, rule.face, size, width);
    if (fits(wrapped, width, max_lines)) {
      result.lines = std::move(wrapped.lines);
      result.size = size;
      result.metrics = measure.metrics(rule.face, size);
      result.shrunk = size < rule.size - kTolerance;
      return result;
    }
    if (size <= min_size) {
      result.lines = std::move(wrapped.lines);
      break;
    }
    size -= step;
  }

  // Still too long at the minimum size: keep max_lines lines, mark every cut.
  result.size = min_size;
  result.metrics = measure.metrics(rule.face, min_size);
  result.shrunk = min_size < rule.size - kTolerance;
  result.truncated = true;
  const bool dropped_lines = result.lines.size() > static_cast<std::size_t>(max_lines);
  if (dropped_lines) result.lines.resize(static_cast<std::size_t>(max_lines));
  for (std::size_t i = 0; i < result.lines.size(); ++i) {
    std::string& line = result.lines[i];
    const bool last = i + 1 == result.lines.size();
    if ((last && dropped_lines) ||
        line_width(line, rule.face, min_size, measure) > width + kTolerance) {
      line = truncate_with_ellipsis(line, width, rule.face, min_size, measure);
    }
  }
  return result;
}

}  // namespace logogrid

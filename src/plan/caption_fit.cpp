// Captions must stay inside their cell: the rule is "wrap, then shrink, then break inside a
// word, then truncate", so a long official name (e.g. "Hansestadt Attendorn") stays whole
// wherever it can. A hyphenated name ("Nachrodt-Wiblingwerde") breaks after its hyphen
// before anywhere else. Every step measures whole lines a bounded number of times (binary
// search where a cut is sought), so a caption of n characters costs O(n log n), however
// hostile (a 20 000-character word).
#include "plan/caption_fit.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <optional>

namespace logogrid {
namespace {

constexpr double kTolerance = 1e-6;
constexpr int kMaxShrinkSteps = 400;  // a silly layout size must not turn into a long loop
// Names have a hyphen or two; a caption with more is not a hyphenated name.
constexpr std::size_t kMaxHyphenPieces = 8;
const std::string kEllipsis = "\u2026";

bool fits(const WrappedText& wrapped, double width, int max_lines) {
  return wrapped.fits && wrapped.lines.size() <= static_cast<std::size_t>(max_lines) &&
         wrapped.width <= width + kTolerance;
}

bool is_continuation(char c) { return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U; }

// Byte offsets of every code point boundary after the first code point (cut candidates).
std::vector<std::size_t> code_point_ends(const std::string& s) {
  std::vector<std::size_t> ends;
  for (std::size_t i = 1; i <= s.size(); ++i)
    if (i == s.size() || !is_continuation(s[i])) ends.push_back(i);
  return ends;
}

void trim_trailing_spaces(std::string& s) {
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.pop_back();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n'; }

// The longest prefix of `line` (at least one code point) that, with `suffix` appended,
// fits `width`: binary search over code point boundaries, O(log n) measurements.
std::size_t longest_fitting_prefix(const std::string& line, const std::string& suffix, double width,
                                   const std::string& face, double size, TextMeasure& measure,
                                   bool allow_empty) {
  const std::vector<std::size_t> ends = code_point_ends(line);
  if (ends.empty()) return 0;
  std::size_t low = 0, high = ends.size();  // answer: ends[k-1] for the largest fitting k
  while (low < high) {
    const std::size_t mid = (low + high + 1) / 2;
    std::string candidate = line.substr(0, ends[mid - 1]);
    trim_trailing_spaces(candidate);
    if (line_width(candidate + suffix, face, size, measure) <= width + kTolerance)
      low = mid;
    else
      high = mid - 1;
  }
  if (low == 0) return allow_empty ? 0 : ends[0];
  return ends[low - 1];
}

// Shortens `line` (always marking the cut with an ellipsis) until it fits `width`.
std::string truncate_with_ellipsis(std::string line, double width, const std::string& face,
                                   double size, TextMeasure& measure) {
  trim_trailing_spaces(line);
  line.resize(longest_fitting_prefix(line, kEllipsis, width, face, size, measure, true));
  trim_trailing_spaces(line);
  return line + kEllipsis;
}

// The text broken only after the hyphens inside its words, lines filled greedily; nullopt
// when it has no such hyphen or does not fit that way.
std::optional<std::vector<std::string>> hyphen_lines(const std::string& text, double width,
                                                     const std::string& face, double size,
                                                     int max_lines, TextMeasure& measure) {
  if (text.find('\n') != std::string::npos) return std::nullopt;  // explicit breaks rule
  std::vector<std::string> pieces{""};
  for (std::size_t i = 0; i < text.size(); ++i) {
    pieces.back() += text[i];
    const bool inner_hyphen = text[i] == '-' && i > 0 && i + 1 < text.size() &&
                              !is_space(text[i - 1]) && !is_space(text[i + 1]);
    if (inner_hyphen) {
      if (pieces.size() == kMaxHyphenPieces) return std::nullopt;
      pieces.emplace_back();
    }
  }
  if (pieces.size() < 2) return std::nullopt;
  std::vector<std::string> lines{pieces[0]};
  for (std::size_t i = 1; i < pieces.size(); ++i) {
    if (line_width(lines.back() + pieces[i], face, size, measure) <= width + kTolerance)
      lines.back() += pieces[i];
    else
      lines.push_back(pieces[i]);
  }
  if (lines.size() > static_cast<std::size_t>(max_lines)) return std::nullopt;
  for (const std::string& line : lines)
    if (line_width(line, face, size, measure) > width + kTolerance) return std::nullopt;
  return lines;
}

// The last resort before truncation: lines still too wide (a word longer than the cell)
// are cut inside the word, each piece as long as fits. Stops once past `max_lines` + 1.
std::vector<std::string> break_inside_words(const std::vector<std::string>& wrapped, double width,
                                            const std::string& face, double size, int max_lines,
                                            TextMeasure& measure) {
  std::vector<std::string> lines;
  const auto enough = static_cast<std::size_t>(max_lines) + 1;
  for (const std::string& line : wrapped) {
    std::string rest = line;
    while (lines.size() < enough) {
      if (line_width(rest, face, size, measure) <= width + kTolerance) {
        lines.push_back(rest);
        break;
      }
      const std::size_t cut = longest_fitting_prefix(rest, "", width, face, size, measure, false);
      std::string head = rest.substr(0, cut);
      trim_trailing_spaces(head);
      lines.push_back(head);
      rest.erase(0, cut);
      while (!rest.empty() && is_space(rest.front())) rest.erase(0, 1);
      if (rest.empty()) break;
    }
    if (lines.size() >= enough) break;
  }
  return lines;
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
  auto settle = [&](std::vector<std::string> lines, double size) {
    result.lines = std::move(lines);
    result.size = size;
    result.metrics = measure.metrics(rule.face, size);
    result.shrunk = size < rule.size - kTolerance;
  };
  double size = rule.size;
  WrappedText wrapped;
  for (int i = 0; i <= kMaxShrinkSteps; ++i) {
    if (i == kMaxShrinkSteps || size < min_size + kTolerance) size = min_size;
    wrapped = measure.wrap(text, rule.face, size, width);
    const bool one_line = wrapped.lines.size() <= 1 && fits(wrapped, width, max_lines);
    if (!one_line) {
      if (auto lines = hyphen_lines(text, width, rule.face, size, max_lines, measure)) {
        settle(std::move(*lines), size);
        return result;
      }
    }
    if (fits(wrapped, width, max_lines)) {
      settle(std::move(wrapped.lines), size);
      return result;
    }
    if (size <= min_size) break;
    size -= step;
  }

  // Too long at the minimum size even with every break between words: break inside them.
  std::vector<std::string> lines =
      break_inside_words(wrapped.lines, width, rule.face, min_size, max_lines, measure);
  if (lines.size() <= static_cast<std::size_t>(max_lines)) {
    settle(std::move(lines), min_size);
    result.broken_in_word = true;
    return result;
  }

  // Still too long: keep max_lines lines, mark the cut.
  settle(std::move(lines), min_size);
  result.truncated = true;
  result.lines.resize(static_cast<std::size_t>(max_lines));
  result.lines.back() =
      truncate_with_ellipsis(result.lines.back(), width, rule.face, min_size, measure);
  return result;
}

}  // namespace logogrid

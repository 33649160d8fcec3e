#include "plan/fixed_text_measure.hpp"

#include <algorithm>
#include <cmath>

namespace logogrid {
namespace {

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(
      s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U; }));
}

std::vector<std::string> split(const std::string& s, char separator) {
  std::vector<std::string> parts;
  std::string current;
  for (char c : s) {
    if (c == separator) {
      parts.push_back(current);
      current.clear();
    } else {
      current += c;
    }
  }
  parts.push_back(current);
  return parts;
}

}  // namespace

LineMetrics FixedTextMeasure::metrics(const std::string&, double size_pt) {
  return {ascent * size_pt, descent * size_pt, line_height * size_pt};
}

WrappedText FixedTextMeasure::wrap(const std::string& text, const std::string&, double size_pt,
                                   double max_width) {
  const bool limited = std::isfinite(max_width) && max_width > 0;
  const auto width_of = [&](const std::string& s) {
    return static_cast<double>(code_points(s)) * advance * size_pt;
  };
  WrappedText result;
  if (text.empty()) return result;
  const auto emit = [&](const std::string& line) {
    const double w = width_of(line);
    result.width = std::max(result.width, w);
    if (limited && w > max_width + 1e-9) result.fits = false;
    result.lines.push_back(line);
  };
  for (const std::string& paragraph : split(text, '\n')) {
    std::string line;
    for (const std::string& word : split(paragraph, ' ')) {
      if (word.empty()) continue;
      const std::string candidate = line.empty() ? word : line + " " + word;
      if (line.empty() || !limited || width_of(candidate) <= max_width + 1e-9) {
        line = candidate;
      } else {
        emit(line);
        line = word;
      }
    }
    emit(line);
  }
  return result;
}

}  // namespace logogrid

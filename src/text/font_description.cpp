// Pango font descriptions are "[FAMILY-LIST] [STYLE-OPTIONS] [SIZE]"; only the trailing size
// matters to the planner, the rest is handed through to Pango untouched.
#include "text/font_description.hpp"

#include <cmath>
#include <cstdlib>

namespace logogrid {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == ','; }

std::string trim_right(std::string s) {
  while (!s.empty() && is_space(s.back())) s.pop_back();
  return s;
}

std::string trim_left(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size() && is_space(s[i])) ++i;
  return s.substr(i);
}

// A size token: digits with at most one '.', a positive finite value.
bool parse_size(const std::string& token, double& size) {
  if (token.empty()) return false;
  int dots = 0;
  for (char c : token) {
    if (c == '.') {
      ++dots;
    } else if (c < '0' || c > '9') {
      return false;
    }
  }
  if (dots > 1 || token == ".") return false;
  char* end = nullptr;
  double value = std::strtod(token.c_str(), &end);
  if (end == nullptr || *end != '\0' || !std::isfinite(value) || value <= 0) return false;
  size = value;
  return true;
}

}  // namespace

bool parse_font_spec(const std::string& description, FontSpec& spec) {
  std::string text = trim_right(trim_left(description));
  std::size_t cut = text.find_last_of(" \t,");
  if (cut == std::string::npos) return false;  // a lone word is a face or a size, not both
  double size = 0;
  if (!parse_size(text.substr(cut + 1), size)) return false;
  std::string face = trim_right(text.substr(0, cut));
  if (face.empty()) return false;
  spec.face = face;
  spec.size = size;
  return true;
}

FontSpec font_spec_or(const std::string& description, double fallback_size) {
  FontSpec spec;
  if (parse_font_spec(description, spec)) return spec;
  spec.face = trim_right(trim_left(description));
  double size = 0;
  if (parse_size(spec.face, size)) spec.face.clear();
  if (spec.face.empty()) spec.face = "Sans";
  spec.size = fallback_size;
  return spec;
}

}  // namespace logogrid

// Ink detection over decoded or rendered pixel rows.
#include "resolve/ink_box.hpp"

#include <algorithm>
#include <cstddef>

namespace logogrid {
namespace {

// Over white, a channel c with alpha a becomes 255 - (255 - c) * a / 255.
bool rgba_is_ink(const std::uint8_t* p) {
  const int alpha = p[3];
  const int darkest = 255 - std::min({int{p[0]}, int{p[1]}, int{p[2]}});
  return darkest * alpha > kInkThreshold * 255;
}

// Premultiplied: over white a channel becomes c + 255 - a, so the difference is a - c.
bool argb32_is_ink(std::uint32_t pixel) {
  const int alpha = static_cast<int>(pixel >> 24);
  const int red = static_cast<int>((pixel >> 16) & 0xffu);
  const int green = static_cast<int>((pixel >> 8) & 0xffu);
  const int blue = static_cast<int>(pixel & 0xffu);
  return alpha - std::min({red, green, blue}) > kInkThreshold;
}

}  // namespace

void InkBounds::include(int x, int y) {
  if (empty()) {
    x0_ = x;
    y0_ = y;
    x1_ = x + 1;
    y1_ = y + 1;
    return;
  }
  x0_ = std::min(x0_, x);
  y0_ = std::min(y0_, y);
  x1_ = std::max(x1_, x + 1);
  y1_ = std::max(y1_, y + 1);
}

// Only a row's first and last ink pixel matter: scan in from both ends and stop there,
// so the inside of the artwork is never read (a row without ink is read once).
void InkBounds::add_rgba_row(const std::uint8_t* rgba, int count, int y, int x0, int x_step) {
  auto ink = [&](int i) { return rgba_is_ink(rgba + 4 * static_cast<std::ptrdiff_t>(i)); };
  int first = 0;
  while (first < count && !ink(first)) ++first;
  if (first == count) return;
  int last = count - 1;
  while (last > first && !ink(last)) --last;
  include(x0 + first * x_step, y);
  include(x0 + last * x_step, y);
}

void InkBounds::add_argb32_row(const std::uint32_t* argb, int count, int y) {
  int first = 0;
  while (first < count && !argb32_is_ink(argb[first])) ++first;
  if (first == count) return;
  int last = count - 1;
  while (last > first && !argb32_is_ink(argb[last])) --last;
  include(first, y);
  include(last, y);
}

}  // namespace logogrid

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

// The same rule for a pixel of `Channels` samples; without alpha a pixel is opaque.
template <int Channels>
bool pixel_is_ink(const std::uint8_t* p) {
  if constexpr (Channels == 4) return rgba_is_ink(p);
  const int alpha = Channels == 2 ? p[1] : 255;
  const int lightest = Channels == 3 ? std::min({int{p[0]}, int{p[1]}, int{p[2]}}) : int{p[0]};
  return (255 - lightest) * alpha > kInkThreshold * 255;
}

// Premultiplied: over white a channel becomes c + 255 - a, so the difference is a - c.
bool argb32_is_ink(std::uint32_t pixel) {
  const int alpha = static_cast<int>(pixel >> 24);
  const int red = static_cast<int>((pixel >> 16) & 0xffu);
  const int green = static_cast<int>((pixel >> 8) & 0xffu);
  const int blue = static_cast<int>(pixel & 0xffu);
  return alpha - std::min({red, green, blue}) > kInkThreshold;
}

// Only a row's first and last ink pixel matter: scan in from both ends and stop there,
// so the inside of the artwork is never read (a row without ink is read once).
template <int Channels>
void add_samples_row(InkBounds& bounds, const std::uint8_t* samples, int count, int y) {
  auto ink = [&](int i) {
    return pixel_is_ink<Channels>(samples + Channels * static_cast<std::ptrdiff_t>(i));
  };
  int first = 0;
  while (first < count && !ink(first)) ++first;
  if (first == count) return;
  int last = count - 1;
  while (last > first && !ink(last)) --last;
  bounds.add_box(first, y, last + 1, y + 1);
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

void InkBounds::add_row(const std::uint8_t* samples, int channels, int count, int y) {
  switch (channels) {
    case 1:
      return add_samples_row<1>(*this, samples, count, y);
    case 2:
      return add_samples_row<2>(*this, samples, count, y);
    case 3:
      return add_samples_row<3>(*this, samples, count, y);
    default:
      return add_samples_row<4>(*this, samples, count, y);
  }
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

// Ink detection: which pixels would show on white paper. A pixel counts as ink when,
// composited over white, some channel differs from white by more than kInkThreshold
// (out of 255), so fully transparent pixels, plain white backgrounds and near-white
// noise do not count.
#pragma once

#include <cstdint>

namespace logogrid {

constexpr int kInkThreshold = 8;  // ~3 %: #F8F8F8 is paper, #F0F0F0 is ink

// The bounding box of ink pixels seen so far, in pixel coordinates (half-open).
class InkBounds {
 public:
  // A row of non-premultiplied 8-bit pixels of `channels` samples each (1 grey, 2 grey and
  // alpha, 3 RGB, 4 RGBA), as the PNG decoder delivers them: no copy to RGBA first.
  void add_row(const std::uint8_t* samples, int channels, int count, int y);
  // A row of cairo ARGB32 pixels (premultiplied, native-endian uint32).
  void add_argb32_row(const std::uint32_t* argb, int count, int y);

  // Every pixel of the half-open box [x0, x1) × [y0, y1) (non-empty).
  void add_box(int x0, int y0, int x1, int y1) {
    include(x0, y0);
    include(x1 - 1, y1 - 1);
  }

  bool empty() const { return x1_ <= x0_; }
  int x0() const { return x0_; }
  int y0() const { return y0_; }
  int x1() const { return x1_; }  // exclusive
  int y1() const { return y1_; }  // exclusive

 private:
  void include(int x, int y);

  int x0_ = 0, y0_ = 0, x1_ = 0, y1_ = 0;
};

}  // namespace logogrid

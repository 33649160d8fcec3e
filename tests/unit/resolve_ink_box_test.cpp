// InkBounds: a row's ink is found from both ends; the box must be exactly the one a scan of
// every pixel gives, for rows with gaps, single pixels, no ink, and 1 to 4 channels.
#include <gtest/gtest.h>

#include <cstdint>
#include <vector>

#include "resolve/ink_box.hpp"

namespace logogrid {
namespace {

struct Box {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  bool empty = true;
};

// Every pixel looked at, the way the bounds are defined.
void include(Box& box, int x, int y) {
  if (box.empty) {
    box = Box{x, y, x + 1, y + 1, false};
    return;
  }
  box.x0 = std::min(box.x0, x);
  box.y0 = std::min(box.y0, y);
  box.x1 = std::max(box.x1, x + 1);
  box.y1 = std::max(box.y1, y + 1);
}

TEST(resolve_ink_box, rows_give_the_box_of_every_ink_pixel) {
  unsigned state = 7;
  auto next = [&] { return (state = state * 1103515245u + 12345u) >> 16; };
  for (int trial = 0; trial < 200; ++trial) {
    const int width = 1 + static_cast<int>(next() % 40);
    const int channels = 1 + trial % 4;  // grey, grey + alpha, RGB, RGBA
    const bool alpha = channels % 2 == 0;
    const auto stride = static_cast<std::size_t>(channels);
    InkBounds rgba_bounds;
    Box expected;
    for (int y = 0; y < 6; ++y) {
      std::vector<std::uint8_t> row(static_cast<std::size_t>(width) * stride, 0);
      const unsigned density = next() % 4;  // 0: no ink in the row
      for (int i = 0; i < width; ++i) {
        const bool ink = density > 0 && next() % 8 < density;
        std::uint8_t* p = row.data() + static_cast<std::size_t>(i) * stride;
        // ink: opaque dark blue (grey); else white, or transparent where there is alpha;
        // a light grey (within the threshold) is paper too
        const std::uint8_t paper = next() % 2 ? 0xff : 0xf8;
        p[0] = ink ? 0x1f : paper;
        if (channels >= 3) {
          p[1] = ink ? 0x3a : paper;
          p[2] = ink ? 0x5f : paper;
        }
        if (alpha) p[stride - 1] = ink || next() % 2 ? 0xff : 0x00;
        if (!ink && alpha && next() % 3 == 0) {  // dark but nearly transparent: paper
          p[0] = 0;
          p[stride - 1] = 0x08;
        }
        if (ink) include(expected, i, y);
      }
      rgba_bounds.add_row(row.data(), channels, width, y);
    }
    ASSERT_EQ(rgba_bounds.empty(), expected.empty) << trial;
    if (expected.empty) continue;
    EXPECT_EQ(rgba_bounds.x0(), expected.x0) << trial;
    EXPECT_EQ(rgba_bounds.x1(), expected.x1) << trial;
    EXPECT_EQ(rgba_bounds.y0(), expected.y0) << trial;
    EXPECT_EQ(rgba_bounds.y1(), expected.y1) << trial;
  }
}

TEST(resolve_ink_box, argb32_rows_find_the_outermost_ink_pixels) {
  const std::uint32_t ink = 0xff000000u, paper = 0xffffffffu;
  InkBounds bounds;
  const std::vector<std::uint32_t> gap{paper, ink, paper, paper, ink, paper};
  bounds.add_argb32_row(gap.data(), 6, 3);
  const std::vector<std::uint32_t> none(6, paper);
  bounds.add_argb32_row(none.data(), 6, 9);
  const std::vector<std::uint32_t> single{paper, paper, ink, paper, paper, paper};
  bounds.add_argb32_row(single.data(), 6, 5);
  EXPECT_EQ(bounds.x0(), 1);
  EXPECT_EQ(bounds.x1(), 5);
  EXPECT_EQ(bounds.y0(), 3);
  EXPECT_EQ(bounds.y1(), 6);
}

}  // namespace
}  // namespace logogrid

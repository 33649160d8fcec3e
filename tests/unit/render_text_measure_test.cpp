// PangoTextMeasure: the measurements the planner gets match what the renderer draws.
#include <gtest/gtest.h>

#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

TEST(render_text_measure, dejavu_metrics_scale_with_size) {
  PangoTextMeasure measure;
  const LineMetrics m8 = measure.metrics("DejaVu Sans", 8);
  const LineMetrics m16 = measure.metrics("DejaVu Sans", 16);
  // DejaVu Sans: ascent 0.928 em, descent 0.236 em, height 1.164 em.
  EXPECT_NEAR(m8.ascent, 8 * 0.928, 0.1);
  EXPECT_NEAR(m8.descent, 8 * 0.236, 0.1);
  EXPECT_NEAR(m16.line_height, 2 * m8.line_height, 0.05);  // no hinting: linear
}

TEST(render_text_measure, wraps_at_word_boundaries) {
  PangoTextMeasure measure;
  const WrappedText one = measure.wrap("Hochsauerlandkreis", "DejaVu Sans", 8, 500);
  EXPECT_EQ(one.lines, std::vector<std::string>{"Hochsauerlandkreis"});
  EXPECT_TRUE(one.fits);
  const WrappedText two = measure.wrap("Menden (Sauerland)", "DejaVu Sans", 8, 50);
  EXPECT_EQ(two.lines, (std::vector<std::string>{"Menden", "(Sauerland)"}));
  EXPECT_TRUE(two.fits);
  EXPECT_LE(two.width, 50);
  EXPECT_GT(two.width, 30);
}

TEST(render_text_measure, a_word_wider_than_the_line_does_not_fit) {
  PangoTextMeasure measure;
  const WrappedText wrapped = measure.wrap("Schmallenberg", "DejaVu Sans", 8, 20);
  EXPECT_FALSE(wrapped.fits);
}

}  // namespace
}  // namespace logogrid

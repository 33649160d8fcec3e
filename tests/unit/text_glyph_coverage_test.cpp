// Glyph coverage: characters no font has, and characters set in a fallback font, with their
// positions, as Pango sets them (fonts pinned by tests/fonts.conf: DejaVu only).
#include <gtest/gtest.h>

#include "text/glyph_coverage.hpp"

namespace logogrid {
namespace {

TEST(glyph_coverage, plain_german_caption_has_no_findings) {
  GlyphCoverage coverage;
  const GlyphReport report = coverage.inspect("Lüdenscheid – Straße", "DejaVu Sans 8");
  EXPECT_TRUE(report.missing.empty());
  EXPECT_TRUE(report.fallbacks.empty());
  EXPECT_EQ(report.requested, "DejaVu Sans");
}

TEST(glyph_coverage, missing_and_fallback_characters_with_their_positions) {
  GlyphCoverage coverage;
  // U+4E00 is in no DejaVu font; U+1D400 (mathematical bold A) is in DejaVu Serif only.
  const std::vector<GlyphReport> reports = coverage.inspect_all(
      {"Olpe", "ä\xE4\xB8\x80 \xE4\xB8\x80", "x \xF0\x9D\x90\x80"}, "DejaVu Sans 8");
  ASSERT_EQ(reports.size(), 3U);
  EXPECT_TRUE(reports[0].missing.empty());
  ASSERT_EQ(reports[1].missing.size(), 1U);  // once per character, first position
  EXPECT_EQ(reports[1].missing[0].code_point, U'\u4E00');
  EXPECT_EQ(reports[1].missing[0].character, 2U);
  EXPECT_TRUE(reports[1].fallbacks.empty());
  ASSERT_EQ(reports[2].fallbacks.size(), 1U);
  EXPECT_EQ(reports[2].fallbacks[0].code_point, U'\U0001D400');
  EXPECT_EQ(reports[2].fallbacks[0].character, 3U);
  EXPECT_NE(reports[2].fallbacks[0].font, "DejaVu Sans");
  EXPECT_FALSE(reports[2].fallbacks[0].font.empty());
}

}  // namespace
}  // namespace logogrid

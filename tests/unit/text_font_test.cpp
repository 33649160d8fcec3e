// Font descriptions and Pango measurement. Runs with FONTCONFIG_FILE=tests/fonts.conf, which
// pins fontconfig to DejaVu only.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>

#include "test_support.hpp"
#include "text/font_description.hpp"
#include "text/layout_fonts.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

TEST(font_spec, splits_face_and_size) {
  FontSpec spec;
  ASSERT_TRUE(parse_font_spec("DejaVu Sans Bold 18", spec));
  EXPECT_EQ(spec.face, "DejaVu Sans Bold");
  EXPECT_DOUBLE_EQ(spec.size, 18);
  ASSERT_TRUE(parse_font_spec("  DejaVu Serif,  7.5 ", spec));
  EXPECT_EQ(spec.face, "DejaVu Serif");
  EXPECT_DOUBLE_EQ(spec.size, 7.5);
}

TEST(font_spec, rejects_missing_or_bad_sizes) {
  FontSpec spec;
  EXPECT_FALSE(parse_font_spec("DejaVu Sans", spec));
  EXPECT_FALSE(parse_font_spec("18", spec));
  EXPECT_FALSE(parse_font_spec("DejaVu Sans 0", spec));
  EXPECT_FALSE(parse_font_spec("DejaVu Sans 12px", spec));
  EXPECT_FALSE(parse_font_spec("DejaVu Sans -3", spec));
  EXPECT_FALSE(parse_font_spec("DejaVu Sans 1.2.3", spec));
  EXPECT_FALSE(parse_font_spec("", spec));
  const FontSpec fallback = font_spec_or("DejaVu Sans", 9);
  EXPECT_EQ(fallback.face, "DejaVu Sans");
  EXPECT_DOUBLE_EQ(fallback.size, 9);
  EXPECT_EQ(font_spec_or("12", 9).face, "Sans");
}

TEST(check_font, finds_dejavu) {
  std::string family;
  EXPECT_TRUE(check_font("DejaVu Sans 8", family));
  EXPECT_EQ(family, "DejaVu Sans");
  EXPECT_TRUE(check_font("dejavu sans bold 18", family));
  EXPECT_TRUE(check_font("DejaVu Serif Italic 10", family));
  EXPECT_EQ(family, "DejaVu Serif");
}

TEST(check_font, reports_a_missing_family_with_the_fallback_it_would_use) {
  std::string family;
  EXPECT_FALSE(check_font("Nonexistent Font 12", family));
  EXPECT_NE(family, "Nonexistent Font");
  EXPECT_FALSE(check_font("Helvetica Neue Bold 18", family));
}

TEST(pango_text_measure, metrics_scale_with_size) {
  PangoTextMeasure measure;
  const LineMetrics m10 = measure.metrics("DejaVu Sans", 10);
  const LineMetrics m20 = measure.metrics("DejaVu Sans", 20);
  EXPECT_GT(m10.ascent, 7);
  EXPECT_LT(m10.ascent, 11);
  EXPECT_GT(m10.descent, 1);
  EXPECT_GE(m10.line_height, m10.ascent + m10.descent - 0.01);
  EXPECT_NEAR(m20.ascent, 2 * m10.ascent, 0.01);
  EXPECT_NEAR(m20.line_height, 2 * m10.line_height, 0.01);
}

TEST(pango_text_measure, widths_are_resolution_independent) {
  PangoTextMeasure measure;
  const double inf = std::numeric_limits<double>::infinity();
  const double w8 = measure.wrap("Erndtebrück", "DejaVu Sans", 8, inf).width;
  const double w80 = measure.wrap("Erndtebrück", "DejaVu Sans", 80, inf).width;
  EXPECT_GT(w8, 30);
  EXPECT_LT(w8, 60);
  EXPECT_NEAR(w80, 10 * w8, 0.05);
  EXPECT_GT(measure.wrap("Erndtebrück", "DejaVu Sans Bold", 8, inf).width, w8);
}

TEST(pango_text_measure, wraps_german_text_at_word_boundaries) {
  PangoTextMeasure measure;
  const std::string text = "Hansestadt Attendorn im Kreis Olpe, Südwestfalen";
  const WrappedText one = measure.wrap(text, "DejaVu Sans", 8, 1000);
  ASSERT_EQ(one.lines.size(), 1U);
  EXPECT_EQ(one.lines[0], text);
  const WrappedText wrapped = measure.wrap(text, "DejaVu Sans", 8, 80);
  ASSERT_GE(wrapped.lines.size(), 3U);
  EXPECT_TRUE(wrapped.fits);
  EXPECT_LE(wrapped.width, 80);
  std::string joined;
  for (const std::string& line : wrapped.lines) {
    EXPECT_FALSE(line.empty());
    EXPECT_NE(line.back(), ' ');
    joined += (joined.empty() ? "" : " ") + line;
  }
  EXPECT_EQ(joined, text);
  EXPECT_EQ(wrapped.lines[0], "Hansestadt");
}

TEST(pango_text_measure, reports_a_word_wider_than_the_line) {
  PangoTextMeasure measure;
  const WrappedText w = measure.wrap("Donaudampfschifffahrtsgesellschaft", "DejaVu Sans", 8, 40);
  EXPECT_FALSE(w.fits);
  EXPECT_GT(w.width, 40);
  EXPECT_TRUE(measure.wrap("", "DejaVu Sans", 8, 40).lines.empty());
}

}  // namespace
}  // namespace logogrid

namespace logogrid {
namespace {

const std::string kLato = std::string(LOGOGRID_SOURCE_DIR) + "/fonts/lato/";

TEST(layout_fonts, a_font_only_in_the_project_folder_resolves_while_registered) {
  EXPECT_FALSE(match_font("Lato 10").family_found);  // not installed (tests/fonts.conf)
  {
    std::vector<std::string> unreadable;
    const LayoutFonts fonts({kLato + "Lato-Bold.ttf", kLato + "Lato-Regular.ttf"}, unreadable);
    EXPECT_TRUE(unreadable.empty());
    const FontMatch regular = match_font("Lato 10");
    EXPECT_TRUE(regular.family_found && regular.face_found);
    EXPECT_EQ(regular.file, kLato + "Lato-Regular.ttf");
    const FontMatch bold = match_font("Lato Bold 18");
    EXPECT_TRUE(bold.face_found);
    EXPECT_EQ(bold.file, kLato + "Lato-Bold.ttf");
    EXPECT_TRUE(match_font("DejaVu Sans 8").face_found);  // installed fonts stay there
  }
  EXPECT_FALSE(match_font("Lato 10").family_found);  // for that run only
}

TEST(layout_fonts, registered_file_wins_over_the_installed_font_of_that_family) {
  testing::TempDir dir;
  const std::string copy = dir.file("DejaVuSans.ttf");
  std::filesystem::copy_file("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", copy);
  std::vector<std::string> unreadable;
  const LayoutFonts fonts({copy}, unreadable);
  EXPECT_EQ(match_font("DejaVu Sans 10").file, copy);
}

TEST(layout_fonts, bold_or_italic_without_such_a_face_is_missing) {
  std::vector<std::string> unreadable;
  const LayoutFonts fonts({kLato + "Lato-Regular.ttf"}, unreadable);
  const FontMatch bold = match_font("Lato Bold 18");
  EXPECT_TRUE(bold.family_found);
  EXPECT_FALSE(bold.face_found);  // a regular face emboldened is not the bold asked for
  EXPECT_EQ(bold.face, "Regular");
  std::string family;
  EXPECT_FALSE(check_font("Lato Bold 18", family));
  EXPECT_FALSE(match_font("Lato Italic 10").face_found);
  EXPECT_TRUE(match_font("Lato 10").face_found);
  EXPECT_FALSE(match_font("DejaVu Sans Mono Heavy 10").face_found);  // 900 asked, 700 there
}

TEST(layout_fonts, a_file_that_is_no_font_is_named) {
  testing::TempDir dir;
  const std::string bad = dir.write("broken.ttf", "not a font");
  std::vector<std::string> unreadable;
  const LayoutFonts fonts({bad, kLato + "Lato-Regular.ttf"}, unreadable);
  EXPECT_EQ(unreadable, std::vector<std::string>{bad});
  EXPECT_TRUE(match_font("Lato 10").family_found);
}

TEST(layout_fonts, digest_follows_the_registered_bytes) {
  EXPECT_EQ(registered_fonts_digest(), "");
  std::string regular;
  {
    std::vector<std::string> unreadable;
    const LayoutFonts fonts({kLato + "Lato-Regular.ttf"}, unreadable);
    regular = registered_fonts_digest();
    EXPECT_EQ(regular.size(), 64U);
  }
  {
    std::vector<std::string> unreadable;
    const LayoutFonts fonts({kLato + "Lato-Bold.ttf"}, unreadable);
    EXPECT_NE(registered_fonts_digest(), regular);
  }
  EXPECT_EQ(registered_fonts_digest(), "");
}

TEST(layout_fonts, a_measure_made_earlier_sees_the_registered_fonts) {
  PangoTextMeasure measure;
  const double fallback = measure.wrap("Mitmacherkommunen", "Lato", 10, 0).width;
  std::vector<std::string> unreadable;
  const LayoutFonts fonts({kLato + "Lato-Regular.ttf"}, unreadable);
  const double lato = measure.wrap("Mitmacherkommunen", "Lato", 10, 0).width;
  EXPECT_LT(lato, fallback - 5);  // Lato sets narrower than the DejaVu it fell back to
}

}  // namespace
}  // namespace logogrid

// Caption setting: hyphen breaks first, no break inside a word unless nothing else fits,
// truncation as the last resort, and a cost that grows with n log n, not n².
#include <gtest/gtest.h>

#include <string>

#include "plan/caption_fit.hpp"
#include "plan/fixed_text_measure.hpp"

namespace logogrid {
namespace {

// FixedTextMeasure (4 pt per character at 8 pt, 3 pt at 6 pt) that counts its calls and the
// characters it measured.
class CountingMeasure final : public TextMeasure {
 public:
  LineMetrics metrics(const std::string& font, double size_pt) override {
    return fixed.metrics(font, size_pt);
  }
  WrappedText wrap(const std::string& text, const std::string& font, double size_pt,
                   double max_width) override {
    ++calls;
    characters += text.size();
    return fixed.wrap(text, font, size_pt, max_width);
  }
  FixedTextMeasure fixed;
  std::size_t calls = 0;
  std::size_t characters = 0;
};

CaptionRule rule(int max_lines = 2) {
  CaptionRule r;
  r.face = "DejaVu Sans";
  r.size = 8;
  r.max_lines = max_lines;
  return r;
}

TEST(caption_fit, hyphenated_name_breaks_after_its_hyphen_at_full_size) {
  CountingMeasure measure;
  // 21 characters = 84 pt in a 60 pt cell: the word wrap alone cannot break it.
  const SetCaption set = set_caption("Nachrodt-Wiblingwerde", 60, rule(), measure);
  ASSERT_EQ(set.lines.size(), 2U);
  EXPECT_EQ(set.lines[0], "Nachrodt-");
  EXPECT_EQ(set.lines[1], "Wiblingwerde");
  EXPECT_DOUBLE_EQ(set.size, 8);
  EXPECT_FALSE(set.shrunk || set.broken_in_word || set.truncated);
}

TEST(caption_fit, hyphen_break_comes_before_a_break_between_words) {
  CountingMeasure measure;
  // Between words it would be "Gemeinde" / "Nachrodt-Wiblingwerde" (84 pt: too wide); after
  // the hyphen it is "Gemeinde Nachrodt-" (72 pt) / "Wiblingwerde" (48 pt) in 80 pt.
  const SetCaption set = set_caption("Gemeinde Nachrodt-Wiblingwerde", 80, rule(), measure);
  ASSERT_EQ(set.lines.size(), 2U);
  EXPECT_EQ(set.lines[0], "Gemeinde Nachrodt-");
  EXPECT_EQ(set.lines[1], "Wiblingwerde");
  EXPECT_DOUBLE_EQ(set.size, 8);
}

TEST(caption_fit, name_that_fits_one_line_is_not_broken_at_its_hyphen) {
  CountingMeasure measure;
  const SetCaption set = set_caption("Nachrodt-Wiblingwerde", 100, rule(), measure);
  ASSERT_EQ(set.lines.size(), 1U);
  EXPECT_EQ(set.lines[0], "Nachrodt-Wiblingwerde");
}

TEST(caption_fit, words_break_between_words_and_shrink_before_breaking_inside) {
  CountingMeasure measure;
  const SetCaption set = set_caption("Hansestadt Attendorn", 50, rule(), measure);
  ASSERT_EQ(set.lines.size(), 2U);
  EXPECT_EQ(set.lines[0], "Hansestadt");
  EXPECT_FALSE(set.broken_in_word);
  // 18 characters: 72 pt at 8 pt, 54 pt at 6 pt; in 56 pt it shrinks rather than breaks.
  const SetCaption shrunk = set_caption("Donaudampfschiffer", 56, rule(), measure);
  ASSERT_EQ(shrunk.lines.size(), 1U);
  EXPECT_TRUE(shrunk.shrunk);
  EXPECT_FALSE(shrunk.broken_in_word);
}

TEST(caption_fit, word_longer_than_the_cell_breaks_inside_only_when_nothing_else_fits) {
  CountingMeasure measure;
  const std::string word(40, 'x');  // 120 pt at 6 pt: two lines of 20 in 60 pt
  const SetCaption set = set_caption(word, 60, rule(), measure);
  ASSERT_EQ(set.lines.size(), 2U);
  EXPECT_EQ(set.lines[0] + set.lines[1], word);
  EXPECT_TRUE(set.broken_in_word);
  EXPECT_FALSE(set.truncated);
}

TEST(caption_fit, what_cannot_fit_is_truncated_with_an_ellipsis) {
  CountingMeasure measure;
  const SetCaption set = set_caption(std::string(100, 'x'), 60, rule(), measure);
  ASSERT_EQ(set.lines.size(), 2U);
  EXPECT_TRUE(set.truncated);
  EXPECT_EQ(set.lines[1], std::string(19, 'x') + "\u2026");
}

// A 20 000-character word: a bounded number of measurements (binary search), so the
// characters measured grow as n log n, not n² (popping one character at a time did 20 000
// measurements of up to 20 000 characters each).
TEST(caption_fit, cost_of_a_huge_word_grows_as_n_log_n) {
  CountingMeasure measure;
  const SetCaption set = set_caption(std::string(20000, 'x'), 60, rule(), measure);
  EXPECT_TRUE(set.truncated);
  EXPECT_LT(measure.calls, 120U);
  EXPECT_LT(measure.characters, 20000U * 120U);
}

}  // namespace
}  // namespace logogrid

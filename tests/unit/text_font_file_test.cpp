// font_file: a font description resolves to the file of the face it names (what watch
// watches), with weight and slant taken into account.
#include <gtest/gtest.h>

#include "text/font_file.hpp"

namespace logogrid {
namespace {

std::string file_name(const std::string& description) {
  const auto file = font_file(description);
  return file ? file->filename().string() : "";
}

TEST(font_file, resolves_family_weight_and_slant_to_the_face_file) {
  EXPECT_EQ(file_name("DejaVu Sans 8"), "DejaVuSans.ttf");
  EXPECT_EQ(file_name("DejaVu Sans Bold 18"), "DejaVuSans-Bold.ttf");
  EXPECT_EQ(file_name("DejaVu Serif Italic 10"), "DejaVuSerif-Italic.ttf");
}

TEST(font_file, gives_an_existing_file_for_any_description) {
  const auto file = font_file("No Such Family 8");  // what the system would substitute
  ASSERT_TRUE(file.has_value());
  EXPECT_TRUE(std::filesystem::is_regular_file(*file));
}

}  // namespace
}  // namespace logogrid

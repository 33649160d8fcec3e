// color/: the shipped FOGRA39 profile (bytes and licence), the output-profile check, the
// fixed sRGB profile and vector colour conversion.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "cache/sha256.hpp"
#include "color/cmyk_transform.hpp"
#include "color/icc_profile.hpp"

namespace logogrid {
namespace {

constexpr const char* kFogra39Sha256 =
    "b424c77f40c3423c925536f8ae08634985ccd0fe80eb253d5d229197ded7e886";

std::string read(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

const std::filesystem::path kProfiles = std::filesystem::path(LOGOGRID_SOURCE_DIR) / "profiles";

TEST(color_profile, shipped_fogra39_file_is_the_debian_one_with_its_licence) {
  const std::string file = read(kProfiles / "ISOcoated_v2_300_bas.icc");
  EXPECT_EQ(file.size(), 1052612u);
  EXPECT_EQ(sha256_hex(file.data(), file.size()), kFogra39Sha256);
  const std::string licence = read(kProfiles / "ISOcoated_v2_300_bas.txt");
  EXPECT_NE(licence.find("zlib/libpng License"), std::string::npos);
  EXPECT_NE(licence.find("basICColor GmbH"), std::string::npos);
}

TEST(color_profile, compiled_in_profile_equals_the_file) {
  const std::string_view embedded = shipped_output_profile();
  EXPECT_EQ(sha256_hex(embedded.data(), embedded.size()), kFogra39Sha256);
  const auto intent = shipped_output_intent();
  EXPECT_EQ(intent->condition, "FOGRA39");
  EXPECT_EQ(intent->digest(), kFogra39Sha256);
  EXPECT_EQ(profile_description(intent->profile), "ISO Coated v2 300% (basICColor)");
}

TEST(color_profile, shipped_profile_is_a_usable_cmyk_output_profile) {
  EXPECT_EQ(output_profile_problem(std::string(shipped_output_profile())), "");
}

TEST(color_profile, rgb_damaged_and_foreign_files_are_refused) {
  EXPECT_NE(output_profile_problem(srgb_profile()).find("not a CMYK"), std::string::npos);
  EXPECT_NE(output_profile_problem("not a profile at all").find("not an ICC"), std::string::npos);
  std::string damaged(shipped_output_profile().substr(0, 4000));
  EXPECT_NE(output_profile_problem(damaged), "");
}

TEST(color_profile, srgb_profile_has_a_fixed_date) {
  const std::string& srgb = srgb_profile();
  ASSERT_GT(srgb.size(), 132u);
  EXPECT_EQ(srgb.compare(36, 4, "acsp"), 0);
  EXPECT_EQ(srgb.compare(16, 4, "RGB "), 0);
  const unsigned char date[12] = {0x07, 0xcf, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
  EXPECT_EQ(srgb.substr(24, 12), std::string(reinterpret_cast<const char*>(date), 12));
}

TEST(color_profile, pure_black_becomes_k_only_when_asked) {
  const auto intent = shipped_output_intent();
  const auto k = srgb_to_cmyk(*intent, 0, 0, 0, true);
  EXPECT_EQ(k, (std::array<double, 4>{0, 0, 0, 1}));
  const auto rich = srgb_to_cmyk(*intent, 0, 0, 0, false);
  EXPECT_GT(rich[0], 0.5);  // the press's darkest black is four-colour
  EXPECT_GT(rich[3], 0.8);
  const auto white = srgb_to_cmyk(*intent, 1, 1, 1, true);
  for (double v : white) EXPECT_LT(v, 0.01);
}

TEST(color_profile, image_rows_convert_with_black_to_k) {
  const auto intent = shipped_output_intent();
  const CmykTransform rgb8(*intent, "", 3, 8, true);
  const unsigned char in[6] = {0, 0, 0, 255, 0, 0};
  unsigned char out[8] = {};
  rgb8.convert(in, out, 2);
  EXPECT_EQ(out[0], 0);
  EXPECT_EQ(out[3], 255);
  EXPECT_LT(out[4], 30);  // red: magenta and yellow, little cyan
  EXPECT_GT(out[5], 200);
  EXPECT_GT(out[6], 200);
}

}  // namespace
}  // namespace logogrid

#include <gtest/gtest.h>

#include <stdexcept>

#include "diag/closest.hpp"
#include "validate/name_key.hpp"
#include "validate/register.hpp"

namespace logogrid {
namespace {

TEST(validate_register, builtin_has_the_59_municipalities_and_5_pioneers) {
  const auto& reg = Register::builtin();
  EXPECT_EQ(reg.municipalities().size(), 59u);
  int pioneers = 0;
  for (const auto& m : reg.municipalities()) pioneers += m.pioneer ? 1 : 0;
  EXPECT_EQ(pioneers, 5);
}

TEST(validate_register, finds_names_aliases_case_and_normalisation_insensitively) {
  const auto& reg = Register::builtin();
  EXPECT_EQ(reg.find("Menden")->name, "Menden (Sauerland)");
  EXPECT_EQ(reg.find("Wendener Land")->name, "Wenden");
  EXPECT_EQ(reg.find("Eslohe")->name, "Eslohe (Sauerland)");
  EXPECT_EQ(reg.find("Sundern")->name, "Sundern (Sauerland)");
  EXPECT_EQ(reg.find("Wickede")->name, "Wickede (Ruhr)");
  EXPECT_EQ(reg.find("LÜDENSCHEID")->ags, "05962032");
  EXPECT_EQ(reg.find("Lu\xcc\x88"
                     "denscheid")
                ->ags,
            "05962032");  // decomposed ü
  EXPECT_EQ(reg.find("Kreis Soest"), nullptr);
}

TEST(validate_register, suggests_closest_names) {
  const auto near = Register::builtin().closest("Lüdenscheidt");
  ASSERT_FALSE(near.empty());
  EXPECT_EQ(near.front(), "Lüdenscheid");
}

TEST(validate_register, rejects_malformed_rows) {
  EXPECT_THROW(
      Register::parse("ags,name,kind,district,district_code,pioneer\n123,X,Stadt,D,DD,no\n"),
      std::invalid_argument);
  EXPECT_THROW(Register::parse("nonsense\n"), std::invalid_argument);
  const auto reg = Register::parse(
      "ags,name,kind,district,district_code,pioneer,aliases\n"
      "01234567,Musterstadt,Stadt,Kreis A,A,no,Muster;MS\n"
      "01234568,Beispielheim,Gemeinde,Kreis B,B,yes,\n");
  EXPECT_EQ(reg.find("ms")->name, "Musterstadt");
  EXPECT_EQ(reg.find("Beispielheim")->district_order, 1);
}

TEST(closest, edit_distance_counts_code_points) {
  EXPECT_EQ(edit_distance("Lüdenscheid", "Ludenscheid"), 1u);
  EXPECT_EQ(edit_distance("", "abc"), 3u);
  EXPECT_EQ(closest_matches("captoin", {"caption", "commitment", "logo"}, 1, 3).front(), "caption");
}

TEST(name_key, folds_case_and_normalises) {
  EXPECT_EQ(name_key("STRASSE"), name_key("straße"));
  EXPECT_EQ(name_key(" Möhnesee "), name_key("mo\xcc\x88hnesee"));
}

}  // namespace
}  // namespace logogrid

// German print order (DIN 5007-1 via ICU `de`) and district grouping.
#include <gtest/gtest.h>

#include "plan/print_order.hpp"

namespace logogrid {
namespace {

std::vector<std::string> sorted(const std::vector<std::string>& names) {
  std::vector<std::string> out;
  for (std::size_t i : order_by_name(names)) out.push_back(names[i]);
  return out;
}

TEST(print_order, sorts_umlauts_as_their_base_letters) {
  EXPECT_EQ(sorted({"Lüdenscheid", "Lippstadt", "Lennestadt", "Lüdenscheid", "Lichtenau"}),
            (std::vector<std::string>{"Lennestadt", "Lichtenau", "Lippstadt", "Lüdenscheid",
                                      "Lüdenscheid"}));
  // ö = o: Möhnesee after Meschede and Medebach, before Mudersbach; Öhringen between O's.
  EXPECT_EQ(sorted({"Mudersbach", "Möhnesee", "Meschede", "Medebach", "Menden (Sauerland)"}),
            (std::vector<std::string>{"Medebach", "Menden (Sauerland)", "Meschede", "Möhnesee",
                                      "Mudersbach"}));
  EXPECT_EQ(sorted({"Olsberg", "Öhringen", "Olpe", "Odenthal"}),
            (std::vector<std::string>{"Odenthal", "Öhringen", "Olpe", "Olsberg"}));
  // Not the phone-book rule (ä = ae): Märkisch sorts with Mark, not after Mae.
  EXPECT_EQ(sorted({"Marsberg", "Märkischer Kreis", "Maesbach"}),
            (std::vector<std::string>{"Maesbach", "Märkischer Kreis", "Marsberg"}));
}

TEST(print_order, sorts_bad_under_b_and_sharp_s_as_ss) {
  EXPECT_EQ(
      sorted({"Burbach", "Bad Laasphe", "Balve", "Bad Berleburg", "Arnsberg"}),
      (std::vector<std::string>{"Arnsberg", "Bad Berleburg", "Bad Laasphe", "Balve", "Burbach"}));
  EXPECT_EQ(sorted({"Strasse", "Straße", "Strassburg", "Straten"}),
            (std::vector<std::string>{"Strassburg", "Strasse", "Straße", "Straten"}));
}

TEST(print_order, is_stable_and_deterministic_on_ties) {
  // Byte-different but collation-equal strings are ordered by bytes, whatever the input order.
  const std::vector<std::string> a = {"Straße", "Strasse"};
  const std::vector<std::string> b = {"Strasse", "Straße"};
  EXPECT_EQ(sorted(a), sorted(b));
  EXPECT_NE(compare_german("Straße", "Strasse"), 0);
  EXPECT_EQ(compare_german("Olpe", "Olpe"), 0);
  EXPECT_LT(compare_german("Lüdenscheid", "Lütgendortmund"), 0);
  // Identical names keep their input order.
  EXPECT_EQ(order_by_name({"Olpe", "Attendorn", "Olpe"}), (std::vector<std::size_t>{1, 0, 2}));
}

TEST(print_order, groups_by_district_in_the_given_order) {
  const std::vector<std::string> names = {"Soest",    "Attendorn",  "Werl",  "Olpe",
                                          "Anröchte", "Winterberg", "Zeitz", "Brilon"};
  const std::vector<std::string> districts = {
      "Kreis Soest", "Kreis Olpe",         "Kreis Soest",     "Kreis Olpe",
      "Kreis Soest", "Hochsauerlandkreis", "Burgenlandkreis", "Hochsauerlandkreis"};
  const std::vector<std::string> order = {"Hochsauerlandkreis", "Kreis Olpe", "Kreis Soest"};
  std::vector<std::string> out;
  for (std::size_t i : order_by_district(names, districts, order)) out.push_back(names[i]);
  // Unlisted districts come last.
  EXPECT_EQ(out, (std::vector<std::string>{"Brilon", "Winterberg", "Attendorn", "Olpe", "Anröchte",
                                           "Soest", "Werl", "Zeitz"}));
}

TEST(print_order, handles_empty_input) {
  EXPECT_TRUE(order_by_name({}).empty());
  EXPECT_TRUE(order_by_district({}, {}, {"Kreis Olpe"}).empty());
}

}  // namespace
}  // namespace logogrid

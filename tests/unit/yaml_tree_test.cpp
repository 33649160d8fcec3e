#include "load/yaml_tree.hpp"

#include <gtest/gtest.h>

namespace logogrid {
namespace {

TEST(yaml_tree, keeps_positions_and_source_text) {
  const auto parsed = parse_yaml("a:\n  ags: 05958012\n  name: \"Lüdenscheid\"\n  x: Ölpe\n");
  ASSERT_FALSE(parsed.error);
  ASSERT_TRUE(parsed.root && parsed.root->is_mapping());
  const YamlNode& a = parsed.root->entries[0].value;
  EXPECT_EQ(a.entries[0].value.text, "05958012");
  EXPECT_EQ(a.entries[0].value.pos, (Position{2, 8}));
  EXPECT_EQ(a.entries[1].value.text, "Lüdenscheid");
  EXPECT_EQ(a.entries[1].value.pos, (Position{3, 9}));
}

TEST(yaml_tree, counts_columns_in_characters_not_bytes) {
  const auto parsed = parse_yaml("{ü: ä, ö: [1, 2]}\n");
  ASSERT_FALSE(parsed.error);
  const YamlNode& list = parsed.root->entries[1].value;
  EXPECT_EQ(list.pos, (Position{1, 11}));
}

TEST(yaml_tree, reports_syntax_errors_with_position) {
  const auto parsed = parse_yaml("a: 1\nb: [1, 2\nc: 3\n");
  ASSERT_TRUE(parsed.error);
  EXPECT_GT(parsed.error->pos.line, 1);
  EXPECT_FALSE(parsed.error->message.empty());
}

TEST(yaml_tree, reports_invalid_utf8_at_first_bad_byte) {
  const auto parsed = parse_yaml("a: ok\nb: ab\xff\xfe\n");
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.error->pos, (Position{2, 6}));
  EXPECT_NE(parsed.error->message.find("UTF-8"), std::string::npos);
}

TEST(yaml_tree, rejects_overlong_and_surrogate_utf8) {
  EXPECT_TRUE(find_invalid_utf8("\xc0\xaf"));
  EXPECT_TRUE(find_invalid_utf8("\xed\xa0\x80"));
  EXPECT_FALSE(find_invalid_utf8("Lüdenscheid – Südwestfalen"));
}

TEST(yaml_tree, bounds_nesting_depth) {
  std::string deep(5000, '[');
  deep += std::string(5000, ']');
  const auto parsed = parse_yaml(deep);
  ASSERT_TRUE(parsed.error);
  EXPECT_EQ(parsed.error->pos.line, 1);
}

TEST(yaml_tree, bounds_alias_expansion) {
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  char prev = 'a';
  for (char c = 'b'; c <= 'k'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + prev;
    bomb += "]\n";
    prev = c;
  }
  const auto parsed = parse_yaml(bomb);
  ASSERT_TRUE(parsed.error);
  EXPECT_NE(parsed.error->message.find("nodes"), std::string::npos);
}

TEST(yaml_tree, expands_small_aliases) {
  const auto parsed = parse_yaml("a: &x {k: v}\nb: *x\n");
  ASSERT_FALSE(parsed.error);
  EXPECT_EQ(parsed.root->entries[1].value.entries[0].value.text, "v");
}

TEST(yaml_tree, empty_document_has_no_root) {
  const auto parsed = parse_yaml("");
  EXPECT_FALSE(parsed.error);
  EXPECT_FALSE(parsed.root);
}

TEST(yaml_tree, null_values_are_null_nodes) {
  const auto parsed = parse_yaml("a:\nb: ~\nc: null\n");
  ASSERT_FALSE(parsed.error);
  for (const auto& [k, v] : parsed.root->entries) EXPECT_TRUE(v.is_null()) << k.text;
}

}  // namespace
}  // namespace logogrid

#include <gtest/gtest.h>

#include "load/participants_file.hpp"
#include "test_support.hpp"
#include "validate/model.hpp"

namespace logogrid {
namespace {

using testing::count_code;
using testing::find_code;
using testing::TempDir;

struct Validated {
  Diagnostics diagnostics;
  Model model;
};

Validated validate_text(const std::string& yaml) {
  TempDir dir;
  const std::string path = dir.write("participants.yaml", yaml);
  Validated v;
  const ParticipantsFile file = load_participants(path, v.diagnostics);
  v.model = validate_participants(file, v.diagnostics);
  return v;
}

std::string entry(const std::string& name, const std::string& date,
                  const std::string& kind = "letter_of_intent") {
  return "  - name: " + name + "\n    logo: logos/x.svg\n    commitment:\n      kind: " + kind +
         "\n      date: " + date + "\n";
}

const std::string kHead = "campaign:\n  deadline: 2021-10-15\nparticipants:\n";

TEST(validate_participants, deadline_is_inclusive) {
  const auto v =
      validate_text(kHead + entry("Brilon", "2021-10-15") + entry("Hemer", "2021-10-16"));
  ASSERT_EQ(v.model.participants.size(), 2u);
  EXPECT_EQ(v.model.participants[0].status, Status::included);
  EXPECT_EQ(v.model.participants[1].status, Status::excluded);
  const Diagnostic* late = find_code(v.diagnostics, "commitment-late");
  ASSERT_TRUE(late);
  EXPECT_EQ(late->severity, Severity::warning);
  EXPECT_EQ(late->pos.line, 13);
  EXPECT_EQ(late->participant, "Hemer");
}

TEST(validate_participants, resolves_aliases_to_official_names) {
  const auto v =
      validate_text(kHead + entry("Wendener Land", "2021-09-01") + entry("Menden", "2021-09-01"));
  EXPECT_EQ(v.model.participants[0].name, "Wenden");
  EXPECT_EQ(v.model.participants[0].given_name, "Wendener Land");
  EXPECT_EQ(v.model.participants[0].caption, "Wenden");
  EXPECT_EQ(v.model.participants[1].name, "Menden (Sauerland)");
  EXPECT_EQ(v.model.participants[1].status, Status::excluded);  // a pioneer city
  EXPECT_TRUE(find_code(v.diagnostics, "pioneer-city"));
}

TEST(validate_participants, unknown_name_suggests_register_names) {
  const auto v = validate_text(kHead + entry("Lüdenscheidt", "2021-09-01"));
  const Diagnostic* d = find_code(v.diagnostics, "name-unknown");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->pos, (Position{4, 11}));
  ASSERT_FALSE(d->hints.empty());
  EXPECT_NE(d->hints[0].find("Lüdenscheid"), std::string::npos);
  EXPECT_EQ(v.model.participants[0].status, Status::invalid);
}

TEST(validate_participants, duplicates_point_at_each_other) {
  const auto v = validate_text(kHead + entry("Werl", "2021-09-01") + entry("werl", "2021-09-02"));
  EXPECT_EQ(count_code(v.diagnostics, "duplicate-participant"), 2);
  EXPECT_NE(v.diagnostics.items()[0].message.find("line 9"), std::string::npos);
  EXPECT_EQ(v.model.participants[0].status, Status::invalid);
  EXPECT_EQ(v.model.participants[1].status, Status::invalid);
}

TEST(validate_participants, ags_checked_against_register_and_form) {
  const auto v = validate_text(kHead + "  - name: Brilon\n    ags: 05958012\n    logo: a.svg\n" +
                               "  - name: Hemer\n    ags: \"0596201\"\n    logo: a.svg\n" +
                               "  - name: Werl\n    ags: \"05958012\"\n    logo: a.svg\n");
  EXPECT_EQ(v.model.participants[0].ags, "05958012");
  EXPECT_EQ(count_code(v.diagnostics, "ags-mismatch"), 2);
  EXPECT_EQ(v.model.participants[0].status, Status::excluded);  // no commitment
  EXPECT_EQ(v.model.participants[1].status, Status::invalid);
}

TEST(validate_participants, bad_kind_and_date_are_errors) {
  const auto v = validate_text(kHead + entry("Brilon", "2021-02-30") +
                               entry("Hemer", "2021-09-01", "handshake"));
  EXPECT_TRUE(find_code(v.diagnostics, "commitment-date-invalid"));
  EXPECT_TRUE(find_code(v.diagnostics, "commitment-kind"));
  EXPECT_EQ(v.model.participants[0].status, Status::invalid);
  EXPECT_EQ(v.model.participants[1].status, Status::invalid);
}

TEST(validate_participants, region_none_accepts_any_name) {
  const auto v =
      validate_text("campaign:\n  deadline: 2021-10-15\n  region: none\nparticipants:\n" +
                    entry("Testkommune 1", "2021-09-01") + entry("Arnsberg", "2021-09-01"));
  EXPECT_EQ(v.diagnostics.errors(), 0);
  EXPECT_EQ(v.model.participants[1].status, Status::included);  // no pioneer rule
}

TEST(validate_participants, schema_errors_name_key_and_suggest) {
  const auto v = validate_text(kHead + "  - name: Brilon\n    captoin: X\n    logo: a.svg\n" +
                               "  - name: [Hemer]\n    logo: b.svg\n  - logo: c.svg\n");
  const Diagnostic* unknown = find_code(v.diagnostics, "schema-unknown-key");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->pos, (Position{5, 5}));
  EXPECT_NE(unknown->hints[0].find("caption"), std::string::npos);
  EXPECT_TRUE(find_code(v.diagnostics, "schema-type"));
  EXPECT_TRUE(find_code(v.diagnostics, "schema-missing-field"));
  for (const auto& p : v.model.participants) EXPECT_EQ(p.status, Status::invalid);
}

TEST(validate_participants, empty_file_is_missing_fields_at_1_1) {
  const auto v = validate_text("");
  const Diagnostic* d = find_code(v.diagnostics, "schema-missing-field");
  ASSERT_TRUE(d);
  EXPECT_EQ(d->pos, (Position{1, 1}));
}

TEST(validate_participants, yaml_syntax_rejects_whole_file) {
  const auto v = validate_text(kHead + "  - name: [Brilon\n");
  const Diagnostic* d = find_code(v.diagnostics, "yaml-syntax");
  ASSERT_TRUE(d);
  EXPECT_TRUE(v.model.participants.empty());
}

}  // namespace
}  // namespace logogrid

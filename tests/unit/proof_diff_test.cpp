// The proof's comparison with a previous participants file (src/proof/entry_diff).
#include <gtest/gtest.h>

#include "proof/entry_diff.hpp"

namespace logogrid {
namespace {

Commitment commitment(const std::string& kind, int y, int m, int d, const std::string& ref = "") {
  return Commitment{kind, Date{y, m, d}, ref};
}

EntryRecord record(const std::string& name, const std::string& hash = "aaaa") {
  return EntryRecord{name, name, "logos/" + name + ".svg", hash,
                     commitment("letter_of_intent", 2021, 9, 1)};
}

TEST(proof_diff, identical_files_have_no_changes) {
  const std::vector<EntryRecord> files{record("Attendorn"), record("Brilon")};
  EXPECT_TRUE(compare_entries(files, files).empty());
}

TEST(proof_diff, reports_added_changed_then_removed_in_german_order) {
  const std::vector<EntryRecord> before{record("Olpe"), record("Brilon"), record("Attendorn")};
  std::vector<EntryRecord> now{record("Ämter"), record("Attendorn", "bbbb"), record("Zell"),
                               record("Brilon")};
  const auto changes = compare_entries(before, now);
  ASSERT_EQ(changes.size(), 4u);
  EXPECT_EQ(changes[0].kind, EntryChange::Kind::added);
  EXPECT_EQ(changes[0].name, "Ämter");  // ä sorts as a, before Z
  EXPECT_EQ(changes[1].name, "Zell");
  EXPECT_EQ(changes[2].kind, EntryChange::Kind::changed);
  EXPECT_EQ(changes[2].name, "Attendorn");
  EXPECT_TRUE(changes[2].logo);
  EXPECT_FALSE(changes[2].commitment);
  EXPECT_FALSE(changes[2].caption);
  EXPECT_EQ(changes[3].kind, EntryChange::Kind::removed);
  EXPECT_EQ(changes[3].name, "Olpe");
}

TEST(proof_diff, logo_is_compared_by_content_not_path) {
  EntryRecord before = record("Brilon");
  EntryRecord now = record("Brilon");
  now.logo_path = "logos/new-name.svg";  // renamed, same bytes
  EXPECT_TRUE(compare_entries({before}, {now}).empty());
  now.logo_hash = "cccc";
  const auto changes = compare_entries({before}, {now});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_TRUE(changes[0].logo);
  EXPECT_EQ(change_label(changes[0]), "GEÄNDERT: Logo");
}

TEST(proof_diff, logo_that_became_unusable_is_a_change) {
  EntryRecord now = record("Brilon");
  now.logo_hash.reset();
  const auto changes = compare_entries({record("Brilon")}, {now});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_TRUE(changes[0].logo);
  EXPECT_NE(changes[0].details.at(0).find("nicht verwendbar"), std::string::npos);
}

TEST(proof_diff, unusable_logos_on_both_sides_compare_by_path) {
  EntryRecord before = record("Brilon");
  before.logo_hash.reset();
  EntryRecord now = before;
  EXPECT_TRUE(compare_entries({before}, {now}).empty());
  now.logo_path = "logos/other.png";
  EXPECT_EQ(compare_entries({before}, {now}).size(), 1u);
}

TEST(proof_diff, commitment_kind_date_and_reference_count) {
  EntryRecord before = record("Werl");
  EntryRecord now = record("Werl");
  now.commitment = commitment("council_resolution", 2021, 9, 1);
  auto changes = compare_entries({before}, {now});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_TRUE(changes[0].commitment);
  EXPECT_EQ(changes[0].details.at(0),
            "Zusage: Absichtserklärung 2021-09-01 → Ratsbeschluss 2021-09-01");

  now.commitment = commitment("letter_of_intent", 2021, 9, 1, "Vorlage 12");
  changes = compare_entries({before}, {now});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_NE(changes[0].details.at(0).find("Vorlage 12"), std::string::npos);

  now.commitment.reset();
  changes = compare_entries({before}, {now});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_NE(changes[0].details.at(0).find("keine Zusage"), std::string::npos);
}

TEST(proof_diff, caption_change_is_reported_with_both_texts) {
  EntryRecord now = record("Hemer");
  now.caption = "Stadt Hemer";
  const auto changes = compare_entries({record("Hemer")}, {now});
  ASSERT_EQ(changes.size(), 1u);
  EXPECT_TRUE(changes[0].caption);
  EXPECT_EQ(change_label(changes[0]), "GEÄNDERT: Beschriftung");
  EXPECT_NE(changes[0].details.at(0).find("„Hemer“ → „Stadt Hemer“"), std::string::npos);
}

TEST(proof_diff, names_match_after_case_folding_and_first_duplicate_counts) {
  EntryRecord upper = record("Lüdenscheid");
  upper.name = "LÜDENSCHEID";  // region: none keeps names as written
  EXPECT_TRUE(compare_entries({record("Lüdenscheid")}, {upper}).empty());

  EntryRecord second = record("Olpe", "ffff");
  const auto changes = compare_entries({record("Olpe")}, {record("Olpe"), second});
  EXPECT_TRUE(changes.empty());
}

TEST(proof_diff, labels_name_everything_that_changed) {
  EntryChange change;
  change.logo = change.commitment = change.caption = true;
  EXPECT_EQ(change_label(change), "GEÄNDERT: Logo, Zusage, Beschriftung");
  change.kind = EntryChange::Kind::added;
  EXPECT_EQ(change_label(change), "NEU");
  change.kind = EntryChange::Kind::removed;
  EXPECT_EQ(change_label(change), "ENTFERNT");
}

TEST(proof_diff, records_take_hashes_of_resolved_logos_only) {
  Model model;
  Participant a;
  a.index = 0;
  a.name = "Attendorn";
  a.caption = "Hansestadt Attendorn";
  a.logo_path = "logos/a.svg";
  Participant b = a;
  b.index = 1;
  b.name = "Brilon";
  model.participants = {a, b};
  std::vector<std::optional<Logo>> logos(2);
  logos[0] = Logo{};
  logos[0]->content_hash = "abc";
  const auto records = entry_records(model, logos);
  ASSERT_EQ(records.size(), 2u);
  EXPECT_EQ(records[0].logo_hash, std::optional<std::string>("abc"));
  EXPECT_EQ(records[0].caption, "Hansestadt Attendorn");
  EXPECT_FALSE(records[1].logo_hash.has_value());
}

}  // namespace
}  // namespace logogrid

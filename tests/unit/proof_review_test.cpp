// Which entry each diagnostic is about, for the proof's cell tags and appendix rows
// (src/proof/review).
#include <gtest/gtest.h>

#include "proof/review.hpp"

namespace logogrid {
namespace {

Participant entry(std::size_t index, const std::string& name, int line) {
  Participant p;
  p.index = index;
  p.name = name;
  p.caption = name;
  p.pos = {line, 11};
  return p;
}

Job job_with_entries() {
  Job job;
  job.model.file = "participants.yaml";
  job.model.participants = {entry(0, "Olpe", 10), entry(1, "Werl", 20), entry(2, "Olpe", 30)};
  return job;
}

TEST(proof_review, named_findings_go_to_the_nearest_entry_of_that_name_above) {
  Job job = job_with_entries();
  job.diagnostics.error("duplicate-participant", "participants.yaml", {10, 11}, "a", {}, "Olpe");
  job.diagnostics.error("duplicate-participant", "participants.yaml", {30, 11}, "b", {}, "Olpe");
  job.diagnostics.error("logo-missing", "participants.yaml", {33, 11}, "c", {}, "Olpe");
  job.diagnostics.warning("commitment-late", "participants.yaml", {24, 5}, "d", {}, "Werl");
  std::vector<EntryReview> entries;
  std::vector<Diagnostic> files;
  attribute_findings(job, entries, files);
  ASSERT_EQ(entries.size(), 3u);
  ASSERT_EQ(entries[0].findings.size(), 1u);
  EXPECT_EQ(entries[0].findings[0].message, "a");
  ASSERT_EQ(entries[2].findings.size(), 2u);
  EXPECT_EQ(entries[2].error_codes,
            (std::vector<std::string>{"duplicate-participant", "logo-missing"}));
  ASSERT_EQ(entries[1].findings.size(), 1u);
  EXPECT_TRUE(entries[1].error_codes.empty());  // a warning is no error code
  EXPECT_TRUE(files.empty());
}

TEST(proof_review, unnamed_schema_findings_go_to_the_entry_above_others_to_the_files) {
  Job job = job_with_entries();
  job.diagnostics.error("schema-unknown-key", "participants.yaml", {22, 5}, "key");
  job.diagnostics.error("schema-type", "participants.yaml", {3, 3}, "campaign");  // above all
  job.diagnostics.error("layout-invalid", "layout.yaml", {22, 5}, "layout");
  job.diagnostics.error("font-missing", "participants.yaml", {0, 0}, "font");
  std::vector<EntryReview> entries;
  std::vector<Diagnostic> files;
  attribute_findings(job, entries, files);
  ASSERT_EQ(entries[1].findings.size(), 1u);
  EXPECT_EQ(entries[1].findings[0].code, "schema-unknown-key");
  ASSERT_EQ(files.size(), 3u);
}

TEST(proof_review, errors_come_before_warnings_for_each_entry) {
  Job job = job_with_entries();
  job.diagnostics.warning("logo-svg-text", "participants.yaml", {21, 5}, "w", {}, "Werl");
  job.diagnostics.error("commitment-kind", "participants.yaml", {23, 5}, "e", {}, "Werl");
  std::vector<EntryReview> entries;
  std::vector<Diagnostic> files;
  attribute_findings(job, entries, files);
  ASSERT_EQ(entries[1].findings.size(), 2u);
  EXPECT_EQ(entries[1].findings[0].code, "commitment-kind");
}

TEST(proof_review, note_names_file_format_ppi_and_commitment) {
  Participant p = entry(0, "Iserlohn", 5);
  p.logo_path = "logos/iserlohn.png";
  p.commitment = Commitment{"council_resolution", Date{2021, 7, 6}, ""};
  Logo logo;
  logo.format = LogoFormat::png;
  logo.pixel_width = logo.pixel_height = 300;
  logo.width = logo.height = 300;
  logo.ink = InkBox{0, 0, 300, 300};
  const auto lines = logo_note(p, &logo, 72.0);  // one inch wide
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0], "logos/iserlohn.png");
  EXPECT_EQ(lines[1], "PNG 300×300 px · 300 ppi");
  EXPECT_EQ(lines[2], "Ratsbeschluss 2021-07-06");
  EXPECT_EQ(logo_note(p, nullptr, 72.0)[1], "Logo nicht verwendbar");
}

}  // namespace
}  // namespace logogrid

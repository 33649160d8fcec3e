// What the proof says about a job, gathered once before drawing: each entry's status,
// findings and change against a previous file, the findings about the files themselves,
// and the summary counts. Pure data; overlay and appendix only draw it.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/job.hpp"
#include "proof/entry_diff.hpp"

namespace logogrid {

struct EntryReview {
  std::vector<Diagnostic> findings;      // about this entry, errors first
  std::vector<std::string> error_codes;  // distinct codes of its errors, in that order
  std::optional<EntryChange> change;     // with --previous: added or changed
};

struct ProofReview {
  std::string participants_file;
  std::string layout_file;    // "" = built-in
  std::string previous_file;  // "" without --previous
  std::string date;           // YYYY-MM-DD of the proof (SOURCE_DATE_EPOCH when set)
  std::string deadline;       // YYYY-MM-DD or "—"
  int total = 0, included = 0, excluded = 0, invalid = 0, errors = 0, warnings = 0;
  std::vector<EntryReview> entries;       // by participant index
  std::vector<Diagnostic> file_findings;  // not about one entry (YAML syntax, layout, fonts)
  std::vector<std::string> notices;       // what the proof did differently from build
  bool compared = false;                  // --previous given and readable
  std::vector<EntryChange> changes;
};

// Gathers the review of `job`. `changes` (from compare_entries) are attached to the current
// entries they name.
ProofReview review_job(const Job& job, std::optional<std::vector<EntryChange>> changes);

// Splits the job's diagnostics into per-entry findings and file findings. A diagnostic in
// the participants file belongs to the entry it names (the nearest such entry above it when
// a name occurs twice); an unnamed one to the entry whose name stands nearest above it.
void attribute_findings(const Job& job, std::vector<EntryReview>& entries,
                        std::vector<Diagnostic>& file_findings);

// The small note printed under a logo: source file, format (SVG; PNG with pixel size and
// effective ppi at `placed_width_pt`), commitment kind and date. One string per line.
std::vector<std::string> logo_note(const Participant& participant, const Logo* logo,
                                   double placed_width_pt);

// Why an entry has no usable logo, as a diagnostic code ("logo-corrupt"), or a German phrase.
std::string missing_logo_reason(const Participant& participant, const EntryReview& review);

// German status word: "aufgenommen", "ausgeschlossen", "ungültig".
const char* status_label(Status status);

}  // namespace logogrid

// What changed between an older participants file and the current one, for the proof's
// "Änderungen seit dem letzten Abzug": entries added, removed, and changed (logo content by
// SHA-256, commitment, caption), matched by official name. Pure data, no files, no Cairo.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "resolve/logo.hpp"
#include "validate/model.hpp"

namespace logogrid {

// One entry as the comparison sees it.
struct EntryRecord {
  std::string name;                      // official name (as written when unknown)
  std::string caption;                   // printed caption
  std::string logo_path;                 // as written
  std::optional<std::string> logo_hash;  // content hash of the resolved logo, if usable
  std::optional<Commitment> commitment;
};

struct EntryChange {
  enum class Kind { added, removed, changed };
  Kind kind = Kind::changed;
  std::string name;
  bool logo = false;        // changed only: logo content (or usability) differs
  bool commitment = false;  // kind, date or reference
  bool caption = false;
  std::vector<std::string> details;  // German, one line each, e.g. "Zusage: … → …"
};

// The records of a validated file: one per entry, in file order.
std::vector<EntryRecord> entry_records(const Model& model,
                                       const std::vector<std::optional<Logo>>& logos);

// Added (in `current` only), changed, then removed (in `previous` only); German name order
// within each group. Names match after NFC normalisation and case folding; when a file
// names the same municipality twice, its first entry counts.
std::vector<EntryChange> compare_entries(const std::vector<EntryRecord>& previous,
                                         const std::vector<EntryRecord>& current);

// "NEU", "ENTFERNT", or "GEÄNDERT: Logo, Zusage, Beschriftung".
std::string change_label(const EntryChange& change);

// "Absichtserklärung 2021-09-28" / "Ratsbeschluss …"; the kind as written when unknown.
std::string describe_commitment(const std::optional<Commitment>& commitment);

}  // namespace logogrid

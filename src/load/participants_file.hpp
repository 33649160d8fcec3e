// The participants file as written: plain structs that keep every value's source text and
// position. Shape problems (YAML syntax, unknown keys, missing fields, wrong node types)
// are reported while loading; meaning (names, dates, deadlines) is checked in validate/.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace logogrid {

// A scalar value with where it stood. `present` is false when the key was absent.
struct Located {
  std::string text;
  Position pos;
  bool present = false;
};

struct RawCommitment {
  Position pos;  // of the `commitment` key
  Located kind;
  Located date;
  Located reference;
};

struct RawParticipant {
  Position pos;  // of the entry (first key of the mapping)
  Located name;
  Located ags;
  Located caption;
  Located logo;
  std::optional<RawCommitment> commitment;  // absent key, or `commitment: ~`
  bool shape_error = false;                 // a schema error was reported for this entry
};

struct RawCampaign {
  Located title;
  Located deadline;
  Located region;
  Located layout;
  Located register_file;
};

struct ParticipantsFile {
  std::string path;    // as given on the command line (used in diagnostics)
  std::string folder;  // the folder logo paths are relative to
  RawCampaign campaign;
  std::vector<RawParticipant> participants;
  bool syntax_error = false;  // yaml-syntax: the whole file was rejected
  // A `participants:` key holding a list (or nothing yet): without it, the file is not a
  // participants file at all (a layout, an SVG passed by mistake).
  bool has_participant_list = false;
};

// Reads and shape-checks a participants file. Throws FatalError when it cannot be read.
ParticipantsFile load_participants(const std::string& path, Diagnostics& diagnostics);

}  // namespace logogrid

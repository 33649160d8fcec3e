// The validated model: every entry of the participants file with its official name, its
// commitment and its status. Guarantee once validated: names of `included` entries are
// known municipalities (or any name with region: none), their commitment is a real date on
// or before the deadline, and no two entries name the same municipality.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/participants_file.hpp"
#include "validate/date.hpp"
#include "validate/register.hpp"

namespace logogrid {

enum class Status { included, excluded, invalid };
const char* to_string(Status status);

struct Commitment {
  std::string kind;  // letter_of_intent | council_resolution
  Date date;
  std::string reference;
};

struct Participant {
  std::size_t index = 0;   // position in the participants file
  Position pos;            // of the name value (or the entry)
  std::string name;        // official name; as written when unknown or region: none
  std::string given_name;  // as written, when it differs from the official name
  std::string ags;
  std::string caption;   // what is printed under the logo
  Position caption_pos;  // of the caption value, else of the name
  std::string district;  // "" with region: none
  int district_order = 0;
  std::string logo_path;  // as written
  Position logo_pos;
  std::optional<Commitment> commitment;
  Status status = Status::included;
};

struct Model {
  std::string file;    // participants file as named by the user
  std::string folder;  // its folder: the root for logo paths
  std::string title = "Unsere Mitmacherkommunen";
  Position title_pos;  // of campaign.title's value (0:0 when absent)
  std::optional<Date> deadline;
  std::string region = "suedwestfalen";
  Located layout;  // campaign.layout, as written (relative to folder)
  std::vector<Participant> participants;
};

// Checks meaning: names against the register, ags, duplicates, pioneer cities, commitment
// kinds and dates against the deadline. Sets each entry's status. Throws FatalError when a
// named register file cannot be read.
Model validate_participants(const ParticipantsFile& file, Diagnostics& diagnostics);

// Marks an entry invalid (a later stage found an error in it, e.g. its logo).
void mark_invalid(Participant& participant);

}  // namespace logogrid

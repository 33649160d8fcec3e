// Validation of participants against the register, the deadline and each other.
#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <optional>
#include <stdexcept>
#include <tuple>

#include "diag/fatal_error.hpp"
#include "diag/visible_text.hpp"
#include "load/read_file.hpp"
#include "validate/model.hpp"
#include "validate/name_key.hpp"

namespace logogrid {
namespace {

constexpr const char* kDeadlineFallback = "2021-10-15";
constexpr std::size_t kDuplicateLinesNamed = 5;

// The first control character of `text` (1-based character index), if any; a line feed is
// allowed where `line_feed_ok` (an explicit line break in a caption).
std::optional<std::pair<char32_t, std::size_t>> first_control(const std::string& text,
                                                              bool line_feed_ok) {
  std::size_t index = 0;
  for (std::size_t i = 0; i < text.size();) {
    const auto byte = static_cast<unsigned char>(text[i]);
    char32_t c = byte;
    std::size_t length = 1;
    if (byte >= 0xC0) {
      length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2;
      c = byte & (0x3FU >> (length - 1));
      for (std::size_t k = 1; k < length && i + k < text.size(); ++k)
        c = (c << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3FU);
    }
    ++index;
    if (is_control_character(c) && !(line_feed_ok && c == '\n')) return std::make_pair(c, index);
    i += length;
  }
  return std::nullopt;
}

// Control characters and NUL print as nothing, as boxes, or cut a heading short: an error.
bool check_control_characters(Diagnostics& diagnostics, const std::string& file,
                              const Located& value, const char* field, bool line_feed_ok,
                              const std::string& participant) {
  if (!value.present) return true;
  const auto found = first_control(value.text, line_feed_ok);
  if (!found) return true;
  diagnostics.error("schema-type", file, value.pos,
                    fmt::format("{}{}`{}` contains the control character {} (character {})",
                                participant, participant.empty() ? "" : ": ", field,
                                code_point_name(found->first), found->second),
                    {fmt::format("remove it; the value reads `{}`", visible_text(value.text))},
                    participant);
  return false;
}

struct Context {
  const ParticipantsFile& file;
  Diagnostics& diagnostics;
  const Register* reg = nullptr;  // nullptr: region none
  std::optional<Register> own_register;
};

void load_register(Context& ctx, Model& model) {
  const RawCampaign& c = ctx.file.campaign;
  if (c.region.present) model.region = c.region.text;
  if (c.register_file.present) {
    const std::string path =
        (std::filesystem::path(ctx.file.folder) / c.register_file.text).string();
    const std::string text = read_input_file(path, "register file", 16u * 1024u * 1024u);
    try {
      ctx.own_register = Register::parse(text);
      ctx.reg = &*ctx.own_register;
    } catch (const std::invalid_argument& e) {
      ctx.diagnostics.error(
          "schema-type", ctx.file.path, c.register_file.pos,
          fmt::format("register file {} is not a valid register: {}", c.register_file.text,
                      e.what()),
          {"use the columns ags,name,kind,district,district_code,pioneer,aliases"});
    }
    return;
  }
  if (model.region == "suedwestfalen") {
    ctx.reg = &Register::builtin();
  } else if (model.region != "none") {
    ctx.diagnostics.error(
        "schema-type", ctx.file.path, c.region.pos,
        fmt::format("unknown region `{}`", model.region),
        {"use `suedwestfalen`, `none`, or name a register file with `register:`"});
  }
}

bool is_ags(const std::string& text) {
  return text.size() == 8 && text.find_first_not_of("0123456789") == std::string::npos;
}

struct EntryState {
  bool error = false;
  bool excluded = false;
};

void check_name(Context& ctx, const RawParticipant& raw, Participant& p, EntryState& state) {
  p.name = raw.name.text;
  if (!raw.name.present) return;
  if (!ctx.reg) return;
  const Municipality* m = ctx.reg->find(raw.name.text);
  if (!m) {
    std::vector<std::string> hints;
    const auto near = ctx.reg->closest(raw.name.text);
    if (!near.empty()) hints.push_back(fmt::format("did you mean {}?", fmt::join(near, ", ")));
    hints.push_back(
        "names must be a city or municipality of the region's register (or a known alias)");
    ctx.diagnostics.error(
        "name-unknown", ctx.file.path, raw.name.pos,
        fmt::format("`{}` is not a municipality of the region", visible_text(raw.name.text)), hints,
        raw.name.text);
    state.error = true;
    return;
  }
  p.name = m->name;
  if (m->name != raw.name.text) p.given_name = raw.name.text;
  p.district = m->district;
  p.district_order = m->district_order;
  if (p.ags.empty()) p.ags = m->ags;
  if (raw.ags.present && is_ags(raw.ags.text) && raw.ags.text != m->ags) {
    ctx.diagnostics.error(
        "ags-mismatch", ctx.file.path, raw.ags.pos,
        fmt::format("{}: ags {} is not the key of {} ({})", p.name, raw.ags.text, m->name, m->ags),
        {fmt::format("write ags: \"{}\" or leave ags out", m->ags)}, p.name);
    state.error = true;
  }
  if (m->pioneer) {
    ctx.diagnostics.warning("pioneer-city", ctx.file.path, raw.name.pos,
                            fmt::format("{} is one of the five pioneer cities, not a "
                                        "Mitmacherkommune; it is excluded",
                                        m->name),
                            {"the pioneer cities (die 5) appear elsewhere in the brochure; "
                             "remove the entry"},
                            p.name);
    state.excluded = true;
  }
}

void check_ags_form(Context& ctx, const RawParticipant& raw, Participant& p, EntryState& state) {
  if (!raw.ags.present) return;
  p.ags = raw.ags.text;
  if (!is_ags(raw.ags.text)) {
    ctx.diagnostics.error(
        "ags-mismatch", ctx.file.path, raw.ags.pos,
        fmt::format("{}: ags `{}` is not an 8-digit municipality key", p.name, raw.ags.text),
        {"write the 8-digit Amtlicher Gemeindeschlüssel in quotes, e.g. "
         "ags: \"05966004\""},
        p.name);
    state.error = true;
  }
}

void check_commitment(Context& ctx, const RawParticipant& raw, const std::optional<Date>& deadline,
                      Participant& p, EntryState& state) {
  if (!raw.commitment) {
    ctx.diagnostics.warning(
        "commitment-missing", ctx.file.path, raw.name.present ? raw.name.pos : raw.pos,
        fmt::format("{}: no commitment recorded; the entry is excluded", p.name),
        {"add commitment: {kind: letter_of_intent or council_resolution, "
         "date: YYYY-MM-DD} once the letter or resolution exists"},
        p.name);
    state.excluded = true;
    return;
  }
  const RawCommitment& c = *raw.commitment;
  Commitment commitment;
  bool valid = true;
  if (c.kind.present) {
    if (c.kind.text != "letter_of_intent" && c.kind.text != "council_resolution") {
      ctx.diagnostics.error(
          "commitment-kind", ctx.file.path, c.kind.pos,
          fmt::format("{}: commitment kind `{}` is not known", p.name, c.kind.text),
          {"use letter_of_intent (signed by the head of administration) or "
           "council_resolution (resolved by the council)"},
          p.name);
      state.error = true;
      valid = false;
    }
    commitment.kind = c.kind.text;
  } else {
    valid = false;
  }
  if (c.date.present) {
    if (auto date = parse_date(c.date.text)) {
      commitment.date = *date;
    } else {
      ctx.diagnostics.error(
          "commitment-date-invalid", ctx.file.path, c.date.pos,
          fmt::format("{}: `{}` is not a calendar date written YYYY-MM-DD", p.name, c.date.text),
          {"write the date as YYYY-MM-DD, e.g. 2021-09-28"}, p.name);
      state.error = true;
      valid = false;
    }
  } else {
    valid = false;
  }
  commitment.reference = c.reference.text;
  if (!valid) return;
  p.commitment = commitment;
  if (deadline && commitment.date > *deadline) {
    const std::string what =
        commitment.kind == "letter_of_intent" ? "letter of intent" : "council resolution";
    ctx.diagnostics.warning(
        "commitment-late", ctx.file.path, c.date.pos,
        fmt::format("{}: {} of {} is after the deadline {}; the entry is "
                    "excluded",
                    p.name, what, commitment.date.iso(), deadline->iso()),
        {fmt::format("only commitments dated on or before {} qualify", deadline->iso())}, p.name);
    state.excluded = true;
  }
}

void check_duplicates(Context& ctx, Model& model, std::vector<EntryState>& states) {
  std::map<std::string, std::vector<std::size_t>> by_key;
  for (std::size_t i = 0; i < model.participants.size(); ++i) {
    const Participant& p = model.participants[i];
    if (p.name.empty()) continue;
    by_key[name_key(p.name)].push_back(i);
  }
  for (const auto& [key, indices] : by_key) {
    if (indices.size() < 2) continue;
    for (std::size_t i : indices) {
      Participant& p = model.participants[i];
      // Name the first few other lines: 10 000 copies must not print 10 000 lines each.
      std::vector<std::string> lines;
      for (std::size_t j : indices) {
        if (j == i) continue;
        if (lines.size() == kDuplicateLinesNamed) {
          lines.push_back(fmt::format("and {} more", indices.size() - 1 - kDuplicateLinesNamed));
          break;
        }
        lines.push_back(std::to_string(model.participants[j].pos.line));
      }
      ctx.diagnostics.error("duplicate-participant", ctx.file.path, p.pos,
                            fmt::format("{} is listed more than once (also at line {})", p.name,
                                        fmt::join(lines, ", ")),
                            {"keep one entry per municipality"}, p.name);
      states[i].error = true;
    }
  }
}

}  // namespace

const char* to_string(Status status) {
  switch (status) {
    case Status::included:
      return "included";
    case Status::excluded:
      return "excluded";
    case Status::invalid:
      return "invalid";
  }
  return "invalid";
}

void mark_invalid(Participant& participant) { participant.status = Status::invalid; }

Model validate_participants(const ParticipantsFile& file, Diagnostics& diagnostics) {
  Model model;
  model.file = file.path;
  model.folder = file.folder;
  Context ctx{file, diagnostics, nullptr, std::nullopt};
  if (file.syntax_error) return model;
  const RawCampaign& c = file.campaign;
  if (c.title.present &&
      check_control_characters(diagnostics, file.path, c.title, "campaign.title", false, ""))
    model.title = c.title.text;
  model.title_pos = c.title.pos;
  model.layout = c.layout;
  if (c.deadline.present) {
    model.deadline = parse_date(c.deadline.text);
    if (!model.deadline)
      diagnostics.error(
          "commitment-date-invalid", file.path, c.deadline.pos,
          fmt::format("campaign deadline `{}` is not a calendar date written "
                      "YYYY-MM-DD",
                      c.deadline.text),
          {fmt::format("the framework strategy's deadline is {}", kDeadlineFallback)});
  }
  load_register(ctx, model);

  std::vector<EntryState> states(file.participants.size());
  for (std::size_t i = 0; i < file.participants.size(); ++i) {
    const RawParticipant& raw = file.participants[i];
    Participant p;
    p.index = i;
    p.pos = raw.name.present ? raw.name.pos : raw.pos;
    p.name = raw.name.text;
    p.logo_path = raw.logo.text;
    p.logo_pos = raw.logo.pos;
    EntryState& state = states[i];
    state.error = raw.shape_error;
    const std::string who = raw.name.present ? visible_text(raw.name.text) : std::string();
    for (const auto& [value, field, line_feed_ok] :
         {std::tuple<const Located&, const char*, bool>{raw.name, "name", false},
          {raw.caption, "caption", true},
          {raw.logo, "logo", false}})
      if (!check_control_characters(diagnostics, file.path, value, field, line_feed_ok, who))
        state.error = true;
    if (raw.commitment &&
        !check_control_characters(diagnostics, file.path, raw.commitment->reference,
                                  "commitment.reference", false, who))
      state.error = true;
    check_ags_form(ctx, raw, p, state);
    if (!state.error || raw.name.present) check_name(ctx, raw, p, state);
    p.caption = raw.caption.present ? raw.caption.text : p.name;
    p.caption_pos = raw.caption.present ? raw.caption.pos : p.pos;
    check_commitment(ctx, raw, model.deadline, p, state);
    model.participants.push_back(std::move(p));
  }
  check_duplicates(ctx, model, states);
  for (std::size_t i = 0; i < model.participants.size(); ++i)
    model.participants[i].status = states[i].error      ? Status::invalid
                                   : states[i].excluded ? Status::excluded
                                                        : Status::included;
  return model;
}

}  // namespace logogrid

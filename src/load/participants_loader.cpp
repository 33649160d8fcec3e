// Loads participants.yaml into RawParticipant structs, reporting shape problems.
#include <fmt/format.h>

#include <filesystem>

#include "load/participants_file.hpp"
#include "load/read_file.hpp"
#include "load/schema.hpp"
#include "load/yaml_tree.hpp"

namespace logogrid {
namespace {

constexpr std::size_t kMaxParticipantsBytes = 64u * 1024u * 1024u;

const std::vector<std::string> kTopKeys{"campaign", "participants"};
const std::vector<std::string> kCampaignKeys{"title", "deadline", "region", "layout", "register"};
const std::vector<std::string> kEntryKeys{"name", "ags", "caption", "logo", "commitment"};
const std::vector<std::string> kCommitmentKeys{"kind", "date", "reference"};

// A key that is not there, or there with an empty value (`key:` or `~`).
bool is_absent(const YamlNode& mapping, const std::string& key) {
  const YamlNode* value = Schema::find(mapping, key);
  return !value || value->is_null();
}

RawCampaign read_campaign(const YamlNode& root, Schema& schema) {
  RawCampaign campaign;
  const YamlNode* node = Schema::find(root, "campaign");
  if (!node || node->is_null()) {
    schema.missing(root.pos, "campaign", "the participants file");
    return campaign;
  }
  if (!schema.check_mapping(*node, kCampaignKeys, "campaign")) return campaign;
  campaign.title = schema.scalar(*node, "title");
  campaign.deadline = schema.scalar(*node, "deadline");
  campaign.region = schema.scalar(*node, "region");
  campaign.layout = schema.scalar(*node, "layout");
  campaign.register_file = schema.scalar(*node, "register");
  if (is_absent(*node, "deadline")) schema.missing(node->pos, "deadline", "campaign");
  return campaign;
}

RawParticipant read_entry(const YamlNode& node, Schema& schema) {
  RawParticipant entry;
  entry.pos = node.pos;
  const int errors_before = schema.errors();
  // Name first, so every later finding can say which entry it is about.
  std::string label;
  if (node.is_mapping()) {
    entry.name = schema.scalar(node, "name");
    label = entry.name.text;
    if (entry.name.present) entry.pos = entry.name.pos;
  }
  if (!schema.check_mapping(node, kEntryKeys, "the entry", label)) {
    entry.shape_error = true;
    return entry;
  }
  entry.ags = schema.scalar(node, "ags", label);
  entry.caption = schema.scalar(node, "caption", label);
  entry.logo = schema.scalar(node, "logo", label);
  const std::string what = label.empty() ? "the entry" : fmt::format("the entry `{}`", label);
  if (is_absent(node, "name")) schema.missing(node.pos, "name", what, label);
  if (is_absent(node, "logo")) schema.missing(entry.pos, "logo", what, label);

  if (const YamlNode* c = Schema::find(node, "commitment"); c && !c->is_null()) {
    if (schema.check_mapping(*c, kCommitmentKeys, "commitment", label)) {
      RawCommitment commitment;
      commitment.pos = c->pos;
      commitment.kind = schema.scalar(*c, "kind", label);
      commitment.date = schema.scalar(*c, "date", label);
      commitment.reference = schema.scalar(*c, "reference", label);
      if (is_absent(*c, "kind")) schema.missing(c->pos, "kind", "commitment", label);
      if (is_absent(*c, "date")) schema.missing(c->pos, "date", "commitment", label);
      entry.commitment = commitment;
    }
  }
  entry.shape_error = schema.errors() > errors_before;
  return entry;
}

}  // namespace

ParticipantsFile load_participants(const std::string& path, Diagnostics& diagnostics) {
  ParticipantsFile file;
  file.path = path;
  const auto parent = std::filesystem::path(path).parent_path();
  file.folder = parent.empty() ? std::string(".") : parent.string();
  const std::string text = read_input_file(path, "participants file", kMaxParticipantsBytes);

  YamlParse parsed = parse_yaml(text);
  if (parsed.error) {
    Position pos = parsed.error->pos;
    if (pos.line == 0) pos = {1, 1};
    diagnostics.error(
        "yaml-syntax", path, pos,
        fmt::format("the participants file is not valid YAML: {}", parsed.error->message),
        {"fix the YAML at this position; the whole file was rejected"});
    file.syntax_error = true;
    return file;
  }
  Schema schema(path, kParticipantsCodes, diagnostics);
  if (!parsed.root || parsed.root->is_null()) {
    schema.missing({1, 1}, "campaign", "the participants file (it is empty)");
    schema.missing({1, 1}, "participants", "the participants file (it is empty)");
    return file;
  }
  const YamlNode& root = *parsed.root;
  if (!schema.check_mapping(root, kTopKeys, "the participants file")) return file;
  file.campaign = read_campaign(root, schema);

  const YamlNode* list = Schema::find(root, "participants");
  if (!list) {
    schema.missing(root.pos, "participants", "the participants file");
    return file;
  }
  if (list->is_null()) {
    file.has_participant_list = true;  // `participants:` with nothing yet
    return file;
  }
  if (!list->is_sequence()) {
    schema.type_error(*list, "`participants`", "a list of entries (- name: …)");
    return file;
  }
  file.has_participant_list = true;
  for (const auto& item : list->items) file.participants.push_back(read_entry(item, schema));
  return file;
}

}  // namespace logogrid

// Shape checks shared by the participants and layout loaders.
#include "load/schema.hpp"

#include <fmt/format.h>

#include <set>

#include "diag/closest.hpp"

namespace logogrid {

bool Schema::check_mapping(const YamlNode& node, const std::vector<std::string>& known,
                           const std::string& what, const std::string& participant) {
  if (!node.is_mapping()) {
    type_error(node, what, "a mapping (key: value lines)", participant);
    return false;
  }
  std::set<std::string> seen;
  for (const auto& [key, value] : node.entries) {
    if (!key.is_scalar()) {
      type_error(key, what + " key", "a plain key", participant);
      continue;
    }
    bool is_known = false;
    for (const auto& k : known) is_known = is_known || k == key.text;
    if (!is_known) {
      std::vector<std::string> hints;
      const auto near =
          closest_matches(key.text, known, 1, std::max<std::size_t>(2, key.text.size() / 2));
      if (!near.empty()) hints.push_back(fmt::format("did you mean `{}`?", near.front()));
      hints.push_back(fmt::format("{} takes: {}", what, fmt::join(known, ", ")));
      diagnostics_.error(codes_.unknown_key, file_, key.pos,
                         fmt::format("unknown key `{}` in {}", key.text, what), hints, participant);
      ++errors_;
    } else if (!seen.insert(key.text).second) {
      diagnostics_.error(codes_.unknown_key, file_, key.pos,
                         fmt::format("key `{}` appears twice in {}", key.text, what),
                         {"keep one of them"}, participant);
      ++errors_;
    }
  }
  return true;
}

const YamlNode* Schema::find(const YamlNode& mapping, const std::string& key) {
  for (const auto& [k, v] : mapping.entries)
    if (k.is_scalar() && k.text == key) return &v;
  return nullptr;
}

Located Schema::scalar(const YamlNode& mapping, const std::string& key,
                       const std::string& participant) {
  Located out;
  const YamlNode* value = find(mapping, key);
  if (!value || value->is_null()) return out;
  if (!value->is_scalar()) {
    type_error(*value, "`" + key + "`", "a single value", participant);
    return out;
  }
  out.text = value->text;
  out.pos = value->pos;
  out.present = true;
  return out;
}

void Schema::missing(Position pos, const std::string& field, const std::string& what,
                     const std::string& participant) {
  diagnostics_.error(codes_.missing, file_, pos, fmt::format("{} has no `{}`", what, field),
                     {fmt::format("add `{}:` to {}", field, what)}, participant);
  ++errors_;
}

void Schema::type_error(const YamlNode& node, const std::string& field, const std::string& expected,
                        const std::string& participant) {
  diagnostics_.error(codes_.type, file_, node.pos,
                     fmt::format("{} must be {}, not {}", field, expected, describe(node.kind)), {},
                     participant);
  ++errors_;
}

}  // namespace logogrid

// Comparison of two participants files by official name.
#include "proof/entry_diff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "plan/print_order.hpp"
#include "validate/name_key.hpp"

namespace logogrid {
namespace {

std::map<std::string, const EntryRecord*> by_key(const std::vector<EntryRecord>& records) {
  std::map<std::string, const EntryRecord*> index;
  for (const auto& r : records) index.emplace(name_key(r.name), &r);  // first entry wins
  return index;
}

std::string short_hash(const std::optional<std::string>& hash) {
  return hash ? hash->substr(0, 8) : std::string("nicht verwendbar");
}

bool same_commitment(const std::optional<Commitment>& a, const std::optional<Commitment>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return a->kind == b->kind && a->date == b->date && a->reference == b->reference;
}

EntryChange compare_one(const EntryRecord& before, const EntryRecord& now) {
  EntryChange change;
  change.name = now.name;
  if (before.logo_hash && now.logo_hash) {
    change.logo = *before.logo_hash != *now.logo_hash;
  } else if (before.logo_hash || now.logo_hash) {
    change.logo = true;  // became usable, or stopped being usable
  } else {
    change.logo = before.logo_path != now.logo_path;
  }
  if (change.logo) {
    change.details.push_back(fmt::format("Logo: {} ({}) → {} ({})", before.logo_path,
                                         short_hash(before.logo_hash), now.logo_path,
                                         short_hash(now.logo_hash)));
  }
  if (!same_commitment(before.commitment, now.commitment)) {
    change.commitment = true;
    std::string was = describe_commitment(before.commitment);
    std::string is = describe_commitment(now.commitment);
    if (was == is) {  // only the reference differs
      was += fmt::format(" ({})", before.commitment ? before.commitment->reference : "");
      is += fmt::format(" ({})", now.commitment ? now.commitment->reference : "");
    }
    change.details.push_back(fmt::format("Zusage: {} → {}", was, is));
  }
  if (before.caption != now.caption) {
    change.caption = true;
    change.details.push_back(fmt::format("Beschriftung: „{}“ → „{}“", before.caption, now.caption));
  }
  return change;
}

}  // namespace

std::vector<EntryRecord> entry_records(const Model& model,
                                       const std::vector<std::optional<Logo>>& logos) {
  std::vector<EntryRecord> records;
  for (const auto& p : model.participants) {
    EntryRecord r{p.name, p.caption, p.logo_path, std::nullopt, p.commitment};
    if (p.index < logos.size() && logos[p.index]) r.logo_hash = logos[p.index]->content_hash;
    records.push_back(std::move(r));
  }
  return records;
}

std::vector<EntryChange> compare_entries(const std::vector<EntryRecord>& previous,
                                         const std::vector<EntryRecord>& current) {
  const auto old_index = by_key(previous);
  const auto new_index = by_key(current);
  std::vector<EntryChange> added, changed, removed;
  for (const auto& [key, now] : new_index) {
    const auto before = old_index.find(key);
    if (before == old_index.end()) {
      added.push_back({EntryChange::Kind::added,
                       now->name,
                       false,
                       false,
                       false,
                       {describe_commitment(now->commitment)}});
      continue;
    }
    EntryChange change = compare_one(*before->second, *now);
    if (change.logo || change.commitment || change.caption) changed.push_back(std::move(change));
  }
  for (const auto& [key, before] : old_index) {
    if (new_index.count(key) == 0)
      removed.push_back({EntryChange::Kind::removed, before->name, false, false, false, {}});
  }
  std::vector<EntryChange> all;
  for (auto* group : {&added, &changed, &removed}) {
    std::vector<std::string> names;
    for (const auto& c : *group) names.push_back(c.name);
    for (std::size_t i : order_by_name(names)) all.push_back((*group)[i]);
  }
  return all;
}

std::string change_label(const EntryChange& change) {
  switch (change.kind) {
    case EntryChange::Kind::added:
      return "NEU";
    case EntryChange::Kind::removed:
      return "ENTFERNT";
    case EntryChange::Kind::changed:
      break;
  }
  std::vector<std::string> what;
  if (change.logo) what.emplace_back("Logo");
  if (change.commitment) what.emplace_back("Zusage");
  if (change.caption) what.emplace_back("Beschriftung");
  return fmt::format("GEÄNDERT: {}", fmt::join(what, ", "));
}

std::string describe_commitment(const std::optional<Commitment>& commitment) {
  if (!commitment) return "keine Zusage";
  const std::string kind = commitment->kind == "letter_of_intent"     ? "Absichtserklärung"
                           : commitment->kind == "council_resolution" ? "Ratsbeschluss"
                                                                      : commitment->kind;
  const std::string date =
      commitment->date.year == 0 ? "ohne gültiges Datum" : commitment->date.iso();
  return fmt::format("{} {}", kind, date);
}

}  // namespace logogrid

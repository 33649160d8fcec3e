// The register of a region's municipalities: official key (AGS), official name, district,
// pioneer flag and aliases. Names are matched after NFC normalisation and case folding.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace logogrid {

struct Municipality {
  std::string ags;
  std::string name;
  std::string kind;  // Stadt | Gemeinde
  std::string district;
  std::string district_code;
  bool pioneer = false;
  std::vector<std::string> aliases;
  int district_order = 0;  // order of first appearance of the district in the register
};

class Register {
 public:
  // Parses the register CSV (header: ags,name,kind,district,district_code,pioneer,aliases;
  // aliases separated by ';'). Throws std::invalid_argument with a line number on bad rows.
  static Register parse(const std::string& csv_text);
  static const Register& builtin();  // Südwestfalen

  const std::vector<Municipality>& municipalities() const { return municipalities_; }
  // Finds by official name or alias (NFC + case folding).
  const Municipality* find(const std::string& name) const;
  // Up to `count` official names closest to `name` (edit distance on folded names).
  std::vector<std::string> closest(const std::string& name, std::size_t count = 3) const;

 private:
  std::vector<Municipality> municipalities_;
};

const char* builtin_register_csv();

}  // namespace logogrid

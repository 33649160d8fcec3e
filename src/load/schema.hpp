// Reading YAML mappings against the keys a file format knows: unknown keys (with the
// closest known key as a hint), duplicate keys, wrong node types and missing fields become
// diagnostics with the position of the offending node.
#pragma once

#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/participants_file.hpp"
#include "load/yaml_tree.hpp"

namespace logogrid {

// The diagnostic codes a format uses for each kind of shape problem.
struct SchemaCodes {
  const char* unknown_key;
  const char* type;
  const char* missing;
};
inline constexpr SchemaCodes kParticipantsCodes{"schema-unknown-key", "schema-type",
                                                "schema-missing-field"};
inline constexpr SchemaCodes kLayoutCodes{"layout-invalid", "layout-invalid", "layout-invalid"};

class Schema {
 public:
  Schema(std::string file, SchemaCodes codes, Diagnostics& diagnostics)
      : file_(std::move(file)), codes_(codes), diagnostics_(diagnostics) {}

  // Checks that `node` is a mapping with only `known` keys, each once. `what` names the
  // node in messages ("campaign", "the entry"). Returns false when it is not a mapping.
  bool check_mapping(const YamlNode& node, const std::vector<std::string>& known,
                     const std::string& what, const std::string& participant = {});

  // The value of `key` in a mapping, or nullptr.
  static const YamlNode* find(const YamlNode& mapping, const std::string& key);

  // A scalar field. Reports a type error for lists and mappings; an empty value (`key:`
  // or `~`) counts as absent.
  Located scalar(const YamlNode& mapping, const std::string& key,
                 const std::string& participant = {});

  void missing(Position pos, const std::string& field, const std::string& what,
               const std::string& participant = {});
  void type_error(const YamlNode& node, const std::string& field, const std::string& expected,
                  const std::string& participant = {});

  int errors() const { return errors_; }
  const std::string& file() const { return file_; }
  Diagnostics& diagnostics() { return diagnostics_; }

 private:
  std::string file_;
  SchemaCodes codes_;
  Diagnostics& diagnostics_;
  int errors_ = 0;
};

}  // namespace logogrid

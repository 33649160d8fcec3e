// A YAML document as a plain tree that keeps every node's line and column (1-based,
// columns in characters) and every scalar's source text. Built from yaml-cpp's event
// parser with our own bounds: nesting depth, node count (aliases are expanded into
// copies and count against it), and valid UTF-8. Guarantee once parsed: the tree is
// finite, at most kMaxYamlDepth deep and kMaxYamlNodes large.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"

namespace logogrid {

constexpr int kMaxYamlDepth = 64;
constexpr std::size_t kMaxYamlNodes = 200000;

struct YamlEntry;

struct YamlNode {
  enum class Kind { null, scalar, sequence, mapping };
  Kind kind = Kind::null;
  Position pos;
  std::string text;                // scalar source text (after YAML unquoting)
  std::vector<YamlNode> items;     // sequence
  std::vector<YamlEntry> entries;  // mapping

  bool is_scalar() const { return kind == Kind::scalar; }
  bool is_mapping() const { return kind == Kind::mapping; }
  bool is_sequence() const { return kind == Kind::sequence; }
  bool is_null() const { return kind == Kind::null; }
};

struct YamlEntry {
  YamlNode key;
  YamlNode value;
};

const char* describe(YamlNode::Kind kind);  // "a mapping", "a list", …

struct YamlError {
  Position pos;
  std::string message;
};

struct YamlParse {
  std::optional<YamlNode> root;  // nullopt for an empty document
  std::optional<YamlError> error;
};

YamlParse parse_yaml(const std::string& text);

// The position of the first byte that is not valid UTF-8, if any.
std::optional<Position> find_invalid_utf8(const std::string& text);

}  // namespace logogrid

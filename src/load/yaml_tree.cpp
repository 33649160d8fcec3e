// Builds YamlNode trees from yaml-cpp parser events, with bounds on depth, size and aliases.
#include "load/yaml_tree.hpp"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <map>
#include <sstream>

namespace logogrid {
namespace {

struct TreeLimit {
  Position pos;
  std::string message;
};

// Converts yaml-cpp marks (0-based, columns in bytes) into 1-based character positions.
class PositionMap {
 public:
  explicit PositionMap(const std::string& text) : text_(text) {}

  Position at(const YAML::Mark& mark) const {
    if (mark.pos < 0 || static_cast<std::size_t>(mark.pos) > text_.size())
      return {mark.line + 1, mark.column + 1};
    const auto offset = static_cast<std::size_t>(mark.pos);
    std::size_t line_start = 0;
    if (offset > 0) {
      const std::size_t newline = text_.rfind('\n', offset - 1);
      if (newline != std::string::npos) line_start = newline + 1;
    }
    int column = 1;
    for (std::size_t i = line_start; i < offset; ++i)
      if ((static_cast<unsigned char>(text_[i]) & 0xC0) != 0x80) ++column;
    return {mark.line + 1, column};
  }

 private:
  const std::string& text_;
};

std::size_t count_nodes(const YamlNode& node) {
  std::size_t n = 1;
  for (const auto& item : node.items) n += count_nodes(item);
  for (const auto& [key, value] : node.entries) n += count_nodes(key) + count_nodes(value);
  return n;
}

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(const PositionMap& positions) : positions_(positions) {}

  std::optional<YamlNode> take_root() { return std::move(root_); }

  void OnDocumentStart(const YAML::Mark&) override {}
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    YamlNode node;
    node.pos = positions_.at(mark);
    add(std::move(node), anchor);
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto found = anchors_.find(anchor);
    if (found == anchors_.end()) throw TreeLimit{positions_.at(mark), "unknown alias"};
    count(found->second.second, positions_.at(mark));
    YamlNode copy = found->second.first;
    copy.pos = positions_.at(mark);
    add(std::move(copy), 0);
  }

  void OnScalar(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                const std::string& value) override {
    YamlNode node;
    node.kind = YamlNode::Kind::scalar;
    node.pos = positions_.at(mark);
    node.text = value;
    add(std::move(node), anchor);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::sequence, mark, anchor);
  }
  void OnSequenceEnd() override { close(); }

  void OnMapStart(const YAML::Mark& mark, const std::string&, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    open(YamlNode::Kind::mapping, mark, anchor);
  }
  void OnMapEnd() override { close(); }

 private:
  struct Open {
    YamlNode node;
    YAML::anchor_t anchor;
    std::optional<YamlNode> pending_key;
  };

  void count(std::size_t n, Position pos) {
    nodes_ += n;
    if (nodes_ > kMaxYamlNodes)
      throw TreeLimit{pos, "document has more than " + std::to_string(kMaxYamlNodes) +
                               " nodes (aliases count once per use)"};
  }

  void open(YamlNode::Kind kind, const YAML::Mark& mark, YAML::anchor_t anchor) {
    const Position pos = positions_.at(mark);
    if (static_cast<int>(stack_.size()) >= kMaxYamlDepth)
      throw TreeLimit{pos, "nesting deeper than " + std::to_string(kMaxYamlDepth) + " levels"};
    YamlNode node;
    node.kind = kind;
    node.pos = pos;
    stack_.push_back(Open{std::move(node), anchor, std::nullopt});
  }

  void close() {
    Open top = std::move(stack_.back());
    stack_.pop_back();
    add(std::move(top.node), top.anchor);
  }

  void add(YamlNode node, YAML::anchor_t anchor) {
    count(1, node.pos);
    if (anchor != 0) anchors_[anchor] = {node, count_nodes(node)};
    if (stack_.empty()) {
      root_ = std::move(node);
      return;
    }
    Open& parent = stack_.back();
    if (parent.node.kind == YamlNode::Kind::sequence) {
      parent.node.items.push_back(std::move(node));
    } else if (!parent.pending_key) {
      parent.pending_key = std::move(node);
    } else {
      parent.node.entries.push_back(YamlEntry{std::move(*parent.pending_key), std::move(node)});
      parent.pending_key.reset();
    }
  }

  const PositionMap& positions_;
  std::vector<Open> stack_;
  std::optional<YamlNode> root_;
  std::map<YAML::anchor_t, std::pair<YamlNode, std::size_t>> anchors_;
  std::size_t nodes_ = 0;
};

std::string strip_yaml_cpp_prefix(std::string message) {
  const std::string prefix = "yaml-cpp: ";
  if (message.rfind(prefix, 0) == 0) message.erase(0, prefix.size());
  return message;
}

}  // namespace

const char* describe(YamlNode::Kind kind) {
  switch (kind) {
    case YamlNode::Kind::null:
      return "an empty value";
    case YamlNode::Kind::scalar:
      return "a single value";
    case YamlNode::Kind::sequence:
      return "a list";
    case YamlNode::Kind::mapping:
      return "a mapping";
  }
  return "a node";
}

std::optional<Position> find_invalid_utf8(const std::string& text) {
  int line = 1;
  int column = 1;
  std::size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    std::size_t length = 0;
    std::uint32_t min = 0;
    if (c < 0x80) {
      length = 1;
    } else if ((c & 0xE0) == 0xC0) {
      length = 2;
      min = 0x80;
    } else if ((c & 0xF0) == 0xE0) {
      length = 3;
      min = 0x800;
    } else if ((c & 0xF8) == 0xF0) {
      length = 4;
      min = 0x10000;
    } else {
      return Position{line, column};
    }
    if (i + length > text.size()) return Position{line, column};
    std::uint32_t code = length == 1 ? c : (c & (0x7Fu >> length));
    for (std::size_t k = 1; k < length; ++k) {
      const auto next = static_cast<unsigned char>(text[i + k]);
      if ((next & 0xC0) != 0x80) return Position{line, column};
      code = (code << 6) | (next & 0x3Fu);
    }
    if (code < min || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
      return Position{line, column};
    if (c == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
    i += length;
  }
  return std::nullopt;
}

YamlParse parse_yaml(const std::string& text) {
  YamlParse result;
  if (auto bad = find_invalid_utf8(text)) {
    result.error = YamlError{*bad, "invalid UTF-8 byte sequence"};
    return result;
  }
  PositionMap positions(text);
  std::istringstream stream(text);
  try {
    YAML::Parser parser(stream);
    TreeBuilder builder(positions);
    if (!parser.HandleNextDocument(builder)) return result;
    result.root = builder.take_root();
    TreeBuilder rest(positions);
    if (parser.HandleNextDocument(rest))
      result.error = YamlError{{}, "the file holds more than one YAML document (---)"};
  } catch (const TreeLimit& limit) {
    result.error = YamlError{limit.pos, limit.message};
  } catch (const YAML::Exception& e) {
    result.error = YamlError{positions.at(e.mark), strip_yaml_cpp_prefix(e.msg)};
  }
  return result;
}

}  // namespace logogrid

// The content-addressed build cache: what a logo resolved to (its facts) and its rendered
// PDF fragment, stored under keys derived from the logo's bytes, the placed size, the
// render settings and the logogrid version. An entry is only trusted after its header
// (magic, format version, key, length) and its SHA-256 checksum match; anything else —
// truncated, damaged, foreign, from another version — is treated as missing, removed and
// rebuilt. Writes go to a temporary file renamed into place, so readers never see half an
// entry; failures to write are ignored (the cache only ever saves time).
#pragma once

#include <optional>
#include <string>

namespace logogrid {

class FragmentCache {
 public:
  // `folder` empty = disabled (every load misses, stores do nothing).
  explicit FragmentCache(std::string folder);

  bool enabled() const { return !folder_.empty(); }
  std::optional<std::string> load(const std::string& key) const;
  void store(const std::string& key, const std::string& payload) const;

  // Hex SHA-256 of the parts, each length-prefixed (so no two part lists collide).
  static std::string key(std::initializer_list<std::string> parts);
  // $XDG_CACHE_HOME/logogrid, else $HOME/.cache/logogrid, else "".
  static std::string default_folder();

  std::string path_of(const std::string& key) const;

 private:
  std::string folder_;
};

}  // namespace logogrid

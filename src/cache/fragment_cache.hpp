// The content-addressed build cache: what a logo resolved to (its facts) and its rendered
// PDF fragment, stored under keys derived from the logo's bytes, the placed size, the
// render settings and the logogrid version. An entry is only trusted after its header
// (magic, format version, key, length) and its SHA-256 checksum match; anything else —
// truncated, damaged, foreign, from another version — is treated as missing, removed and
// rebuilt. An entry is opened without following links and without blocking, and read only
// when it is a regular file of a plausible size: a folder, FIFO, device or link planted in
// the cache is a miss, never a hang or a crash. Writes go to a temporary file renamed into
// place, so readers never see half an entry; failures to write are ignored (the cache only
// ever saves time).
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace logogrid {

class FragmentCache {
 public:
  // `folder` empty = disabled (every load misses, stores do nothing).
  explicit FragmentCache(std::string folder);

  // Where a valid entry's payload lies in its file.
  struct Location {
    std::string path;
    std::uint64_t offset = 0;
    std::uint64_t length = 0;
    std::string checksum;  // SHA-256 (hex) of the payload as verified: copies check it again
  };

  bool enabled() const { return !folder_.empty(); }
  std::optional<std::string> load(const std::string& key) const;
  // Like load, but only says where the payload is (its bytes are not kept in memory).
  std::optional<Location> locate(const std::string& key) const;
  // The stored payload's location, or nullopt when it could not be written.
  std::optional<Location> store(const std::string& key, const std::string& payload) const;

  // Hex SHA-256 of the parts, each length-prefixed (so no two part lists collide).
  static std::string key(std::initializer_list<std::string> parts);
  // $XDG_CACHE_HOME/logogrid, else $HOME/.cache/logogrid, else "".
  static std::string default_folder();

  std::string path_of(const std::string& key) const;

 private:
  std::string folder_;
};

}  // namespace logogrid

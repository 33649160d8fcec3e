// Cache entries on disk: "LGCACHE1\n<key>\n<logogrid version>\n<payload length>\n
// <sha256 of payload>\n" followed by the payload.
#include "cache/fragment_cache.hpp"

#include <fcntl.h>
#include <glib.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <thread>

#include "app/version.hpp"
#include "cache/sha256.hpp"

namespace logogrid {
namespace {

constexpr const char* kMagic = "LGCACHE1";

std::string sha256(const std::string& bytes) { return sha256_hex(bytes.data(), bytes.size()); }

// Payload checksum (damage detection, not security: keys are SHA-256).
std::string checksum(const char* data, std::size_t size) { return sha256_hex(data, size); }

std::string header(const std::string& key, const std::string& payload) {
  return std::string(kMagic) + "\n" + key + "\n" + kVersion + "\n" +
         std::to_string(payload.size()) + "\n" + checksum(payload.data(), payload.size()) + "\n";
}

}  // namespace

FragmentCache::FragmentCache(std::string folder) : folder_(std::move(folder)) {}

std::string FragmentCache::default_folder() {
  const char* xdg = std::getenv("XDG_CACHE_HOME");
  if (xdg != nullptr && *xdg == '/') return std::string(xdg) + "/logogrid";
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home == '/') return std::string(home) + "/.cache/logogrid";
  return "";
}

std::string FragmentCache::key(std::initializer_list<std::string> parts) {
  std::string all;
  for (const std::string& part : parts) all += std::to_string(part.size()) + ":" + part + ";";
  return sha256(all);
}

std::string FragmentCache::path_of(const std::string& key) const {
  return folder_ + "/" + key.substr(0, 2) + "/" + key;
}

namespace {

// Reads and checks the entry of `key` at `path`; the payload starts at the returned offset.
std::optional<std::size_t> read_valid(const std::string& path, const std::string& key,
                                      std::string& entry) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  entry.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  // Parse the five header lines; any deviation means the entry is not ours or damaged.
  std::size_t at = 0;
  std::string lines[5];
  for (std::string& line : lines) {
    const std::size_t end = entry.find('\n', at);
    if (end == std::string::npos || end - at > 128) {
      at = std::string::npos;
      break;
    }
    line = entry.substr(at, end - at);
    at = end + 1;
  }
  const bool valid = at != std::string::npos && lines[0] == kMagic && lines[1] == key &&
                     lines[2] == kVersion && lines[3] == std::to_string(entry.size() - at) &&
                     checksum(entry.data() + at, entry.size() - at) == lines[4];
  if (valid) return at;
  std::error_code ec;
  std::filesystem::remove(path, ec);  // rebuilt and stored again by the caller
  return std::nullopt;
}

}  // namespace

std::optional<std::string> FragmentCache::load(const std::string& key) const {
  if (!enabled() || key.size() < 3) return std::nullopt;
  std::string entry;
  const auto at = read_valid(path_of(key), key, entry);
  if (!at) return std::nullopt;
  return entry.substr(*at);
}

std::optional<FragmentCache::Location> FragmentCache::locate(const std::string& key) const {
  if (!enabled() || key.size() < 3) return std::nullopt;
  std::string entry;
  const std::string path = path_of(key);
  const auto at = read_valid(path, key, entry);
  if (!at) return std::nullopt;
  return Location{path, *at, entry.size() - *at};
}

std::optional<FragmentCache::Location> FragmentCache::store(const std::string& key,
                                                            const std::string& payload) const {
  if (!enabled() || key.size() < 3) return std::nullopt;
  static std::atomic<unsigned> counter{0};
  const std::string path = path_of(key);
  std::error_code ec;
  std::filesystem::create_directories(std::filesystem::path(path).parent_path(), ec);
  if (ec) return std::nullopt;
  std::ostringstream temp_name;
  temp_name << path << ".tmp-" << ::getpid() << "-" << counter++;
  const std::string temp = temp_name.str();
  const std::string head = header(key, payload);
  {
    std::ofstream out(temp, std::ios::binary | std::ios::trunc);
    if (!out) return std::nullopt;
    out << head << payload;
    out.flush();
    if (!out) {
      out.close();
      std::filesystem::remove(temp, ec);
      return std::nullopt;
    }
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return std::nullopt;
  }
  return Location{path, head.size(), payload.size()};
}

}  // namespace logogrid

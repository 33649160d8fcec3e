// Cache entries on disk: "LGCACHE1\n<key>\n<logogrid version>\n<payload length>\n
// <sha256 of payload>\n" followed by the payload.
#include "cache/fragment_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <vector>

#include "app/version.hpp"
#include "cache/sha256.hpp"
#include "safety/descriptor_io.hpp"
#include "safety/scratch_registry.hpp"

namespace logogrid {
namespace {

constexpr const char* kMagic = "LGCACHE1";

std::string sha256(const std::string& bytes) { return sha256_hex(bytes.data(), bytes.size()); }

// Payload checksum (damage detection, not security: keys are SHA-256).
std::string checksum(const char* data, std::size_t size) { return sha256_hex(data, size); }

std::string header(const std::string& key, const std::string& payload, const std::string& sum) {
  return std::string(kMagic) + "\n" + key + "\n" + kVersion + "\n" +
         std::to_string(payload.size()) + "\n" + sum + "\n";
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

constexpr std::size_t kMaxHeaderBytes = 5 * 129;
// Far above any fragment (a logo file is at most 20 MiB); an entry claiming more is damaged.
constexpr std::uint64_t kMaxEntryBytes = 1ULL << 30;
// load() keeps the payload in memory: only small entries (facts) are read that way.
constexpr std::uint64_t kMaxLoadedPayload = 1ULL << 20;

struct Descriptor {
  int fd = -1;
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
};

struct Verified {
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  std::string checksum;
};

// Checks the entry of `key` at `path` (header, size, checksum), streaming the payload through
// SHA-256; `payload`, when given, receives it (small entries only). Anything unexpected —
// not a regular file, a link, a FIFO, too large, truncated, damaged, foreign — is a miss,
// and what stands at the path is removed (a folder only when empty) so it is rebuilt.
std::optional<Verified> read_valid(const std::string& path, const std::string& key,
                                   std::string* payload) {
  Descriptor file;
  file.fd = ::open(path.c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
  if (file.fd < 0 && errno == ENOENT) return std::nullopt;
  auto miss = [&]() -> std::optional<Verified> {
    std::error_code ec;
    std::filesystem::remove(path, ec);  // rebuilt and stored again by the caller
    return std::nullopt;
  };
  if (file.fd < 0) return miss();
  struct stat st {};
  if (::fstat(file.fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
      static_cast<std::uint64_t>(st.st_size) > kMaxEntryBytes)
    return miss();
  const auto size = static_cast<std::uint64_t>(st.st_size);
  std::string head(static_cast<std::size_t>(std::min<std::uint64_t>(size, kMaxHeaderBytes)), '\0');
  if (!read_exactly(file.fd, head.data(), head.size())) return miss();
  // Parse the five header lines; any deviation means the entry is not ours or damaged.
  std::size_t at = 0;
  std::string lines[5];
  for (std::string& line : lines) {
    const std::size_t end = head.find('\n', at);
    if (end == std::string::npos || end - at > 128) return miss();
    line = head.substr(at, end - at);
    at = end + 1;
  }
  const std::uint64_t length = size - at;
  if (lines[0] != kMagic || lines[1] != key || lines[2] != kVersion ||
      lines[3] != std::to_string(length) || (payload && length > kMaxLoadedPayload))
    return miss();
  Sha256 sha;
  sha.update(head.data() + at, head.size() - at);
  if (payload) payload->assign(head, at);
  std::vector<char> buffer(1 << 16);
  for (std::uint64_t left = size - head.size(); left > 0;) {
    const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, buffer.size()));
    if (!read_exactly(file.fd, buffer.data(), want)) return miss();
    sha.update(buffer.data(), want);
    if (payload) payload->append(buffer.data(), want);
    left -= want;
  }
  if (sha.hex() != lines[4]) return miss();
  return Verified{at, length, lines[4]};
}

}  // namespace

std::optional<std::string> FragmentCache::load(const std::string& key) const {
  if (!enabled() || key.size() < 3) return std::nullopt;
  std::string payload;
  if (!read_valid(path_of(key), key, &payload)) return std::nullopt;
  return payload;
}

std::optional<FragmentCache::Location> FragmentCache::locate(const std::string& key) const {
  if (!enabled() || key.size() < 3) return std::nullopt;
  const std::string path = path_of(key);
  const auto verified = read_valid(path, key, nullptr);
  if (!verified) return std::nullopt;
  return Location{path, verified->offset, verified->length, verified->checksum};
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
  const std::string sum = checksum(payload.data(), payload.size());
  const std::string head = header(key, payload, sum);
  const TrackedScratch tracked(temp, ScratchKind::file);
  {
    // Exclusive and not through a link: whatever already stands at the name is not ours.
    Descriptor out;
    out.fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (out.fd < 0) return std::nullopt;
    const std::string bytes = head + payload;
    const char* next = bytes.data();
    std::size_t left = bytes.size();
    while (left > 0) {
      const ssize_t written = ::write(out.fd, next, left);
      if (written < 0 && errno == EINTR) continue;
      if (written <= 0) {
        ::unlink(temp.c_str());
        return std::nullopt;
      }
      next += written;
      left -= static_cast<std::size_t>(written);
    }
  }
  std::filesystem::rename(temp, path, ec);
  if (ec) {
    std::filesystem::remove(temp, ec);
    return std::nullopt;
  }
  return Location{path, head.size(), payload.size(), sum};
}

}  // namespace logogrid

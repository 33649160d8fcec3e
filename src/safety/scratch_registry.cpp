// The scratch registry: a mutex-guarded map (interruption is handled on an ordinary thread
// that waits for the signals, so locking and allocation are allowed there).
#include "safety/scratch_registry.hpp"

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <climits>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>

namespace logogrid {
namespace {

struct Registry {
  std::mutex mutex;
  std::map<std::uint64_t, std::pair<std::string, ScratchKind>> paths;
  std::uint64_t next = 1;
};

Registry& registry() {
  static Registry* instance = new Registry;  // never destroyed: used until _exit
  return *instance;
}

// "<pid>-XXXXXX" at the end of `name`, right after `marker`: the pid, else nullopt.
std::optional<pid_t> pid_after_marker(const std::string& name, const std::string& marker) {
  const std::size_t at = name.rfind(marker);
  if (at == std::string::npos) return std::nullopt;
  const std::string rest = name.substr(at + marker.size());
  const std::size_t dash = rest.find('-');
  if (dash == 0 || dash == std::string::npos || rest.size() - dash - 1 != 6) return std::nullopt;
  long pid = 0;
  for (std::size_t i = 0; i < dash; ++i) {
    if (rest[i] < '0' || rest[i] > '9' || pid > 100000000) return std::nullopt;
    pid = pid * 10 + (rest[i] - '0');
  }
  if (pid <= 0) return std::nullopt;
  return static_cast<pid_t>(pid);
}

bool process_gone(pid_t pid) { return ::kill(pid, 0) != 0 && errno == ESRCH; }

}  // namespace

std::uint64_t track_scratch(const std::string& path, ScratchKind kind) {
  Registry& r = registry();
  const std::lock_guard<std::mutex> lock(r.mutex);
  const std::uint64_t ticket = r.next++;
  r.paths.emplace(ticket, std::make_pair(path, kind));
  return ticket;
}

std::uint64_t create_tracked_scratch(std::string& pattern, ScratchKind kind, int& fd) {
  fd = -1;
  Registry& r = registry();
  const std::lock_guard<std::mutex> lock(r.mutex);  // the cleanup waits for this
  if (kind == ScratchKind::file) {
    fd = ::mkstemp(pattern.data());
    if (fd < 0) return 0;
  } else if (::mkdtemp(pattern.data()) == nullptr) {
    return 0;
  }
  const std::uint64_t ticket = r.next++;
  try {
    r.paths.emplace(ticket, std::make_pair(pattern, kind));
  } catch (...) {
    if (fd >= 0) {
      ::close(fd);
      ::unlink(pattern.c_str());
    } else {
      ::rmdir(pattern.c_str());
    }
    throw;
  }
  return ticket;
}

void untrack_scratch(std::uint64_t ticket) {
  Registry& r = registry();
  const std::lock_guard<std::mutex> lock(r.mutex);
  r.paths.erase(ticket);
}

void remove_tracked_scratch() noexcept {
  // Once only: a failure during the cleanup (out of memory) must not enter it again.
  static std::atomic<bool> started{false};
  if (started.exchange(true)) return;
  Registry& r = registry();
  r.mutex.lock();  // on purpose never unlocked: the process ends right after
  for (const auto& [ticket, entry] : r.paths) {
    if (entry.second == ScratchKind::file) {
      ::unlink(entry.first.c_str());
    } else {
      try {
        // Workers may still be adding files while this runs: try again until it is gone.
        std::error_code ec;
        for (int attempt = 0; attempt < 5 && std::filesystem::exists(entry.first, ec); ++attempt)
          std::filesystem::remove_all(entry.first, ec);
      } catch (...) {
        ::rmdir(entry.first.c_str());  // the next run removes what is left
      }
    }
  }
}

std::string scratch_pattern(const std::string& folder, const std::string& stem,
                            const std::string& marker) {
  const std::string tail = marker + std::to_string(::getpid()) + "-XXXXXX";
  std::string head = stem;
  if (head.size() + tail.size() > NAME_MAX) {
    head.resize(NAME_MAX > tail.size() ? NAME_MAX - tail.size() : 0);
    // Do not leave half a UTF-8 sequence at the cut.
    while (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0U) == 0x80U)
      head.pop_back();
    if (!head.empty() && (static_cast<unsigned char>(head.back()) & 0xC0U) == 0xC0U)
      head.pop_back();
  }
  return (folder.empty() ? std::string(".") : folder) + "/" + head + tail;
}

void remove_stale_scratch(const std::string& folder) noexcept {
  DIR* dir = ::opendir(folder.empty() ? "." : folder.c_str());
  if (dir == nullptr) return;
  const uid_t me = ::getuid();
  try {
    while (const dirent* entry = ::readdir(dir)) {
      const std::string name = entry->d_name;
      std::optional<pid_t> pid;
      bool want_folder = false;
      if (name.rfind(kFragmentsPrefix, 0) == 0) {
        pid = pid_after_marker(name, kFragmentsPrefix);
        want_folder = true;
      } else if (name.size() > 1 && name[0] == '.') {
        pid = pid_after_marker(name, kAtomicTempMarker);
      }
      if (!pid || *pid == ::getpid() || !process_gone(*pid)) continue;
      const std::string path = (folder.empty() ? std::string(".") : folder) + "/" + name;
      struct stat st {};
      if (::lstat(path.c_str(), &st) != 0 || st.st_uid != me) continue;
      if (want_folder && S_ISDIR(st.st_mode)) {
        std::error_code ec;
        std::filesystem::remove_all(path, ec);
      } else if (!want_folder && S_ISREG(st.st_mode)) {
        ::unlink(path.c_str());
      }
    }
  } catch (...) {
    // Best effort: leftovers are only clutter.
  }
  ::closedir(dir);
}

}  // namespace logogrid

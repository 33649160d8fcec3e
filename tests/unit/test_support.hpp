// Helpers shared by the unit tests: a fresh temporary folder and file writing.
#pragma once

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>

#include "diag/diagnostic.hpp"

namespace logogrid::testing {

// A fresh folder, removed with everything in it (kept when LOGOGRID_KEEP_TEMP is set, for
// looking at what a test wrote).
class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "logogrid-test-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    path_ = pattern;
  }
  ~TempDir() {
    if (std::getenv("LOGOGRID_KEEP_TEMP") != nullptr) return;
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::size_t entries() const {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(path_),
                                                  std::filesystem::directory_iterator()));
  }
  std::string write(const std::string& name, const std::string& content) const {
    const auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

inline std::string read_all(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Runs a shell command quietly; its exit code, or -1 when it did not exit normally.
inline int exit_code(const std::string& command) {
  const int status = std::system((command + " >/dev/null 2>&1").c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

// The first diagnostic with `code`, or nullptr.
inline const Diagnostic* find_code(const Diagnostics& diagnostics, const std::string& code) {
  for (const auto& d : diagnostics.items())
    if (d.code == code) return &d;
  return nullptr;
}

inline int count_code(const Diagnostics& diagnostics, const std::string& code) {
  int n = 0;
  for (const auto& d : diagnostics.items()) n += d.code == code ? 1 : 0;
  return n;
}

}  // namespace logogrid::testing

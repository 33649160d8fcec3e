// Helpers shared by the unit tests: a fresh temporary folder and file writing.
#pragma once

#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "diag/diagnostic.hpp"

namespace logogrid::testing {

class TempDir {
 public:
  TempDir() {
    std::random_device rd;
    path_ = std::filesystem::temp_directory_path() /
            ("logogrid-test-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(path_);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string write(const std::string& name, const std::string& content) const {
    const auto file = path_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file.string();
  }

 private:
  std::filesystem::path path_;
};

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

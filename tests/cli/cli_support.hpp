// Running the real logogrid binary from tests: in a given folder, capturing exit code,
// stdout and stderr.
#pragma once

#include <sys/wait.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <vector>

namespace logogrid::cli {

struct Result {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

inline std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

class Sandbox {
 public:
  Sandbox() {
    std::random_device rd;
    dir_ = std::filesystem::temp_directory_path() /
           ("logogrid-cli-" + std::to_string(rd()) + std::to_string(rd()));
    std::filesystem::create_directories(dir_);
  }
  ~Sandbox() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  const std::filesystem::path& dir() const { return dir_; }

  void write(const std::string& name, const std::string& content) const {
    const auto file = dir_ / name;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
  }
  void copy_from(const std::filesystem::path& folder) const {
    std::filesystem::copy(folder, dir_,
                          std::filesystem::copy_options::recursive |
                              std::filesystem::copy_options::copy_symlinks |
                              std::filesystem::copy_options::overwrite_existing);
  }

  // Runs logogrid with `args` (already shell-quoted where needed) inside the sandbox.
  Result run(const std::string& args, const std::string& env = "") const {
    const auto out = dir_ / ".stdout";
    const auto err = dir_ / ".stderr";
    // The logo cache goes into the sandbox, never into the user's own cache.
    const std::string command = "cd " + shell_quote(dir_.string()) +
                                " && XDG_CACHE_HOME=" + shell_quote((dir_ / ".cache").string()) +
                                " " + env + " " + shell_quote(LOGOGRID_BINARY) + " " + args + " >" +
                                shell_quote(out.string()) + " 2>" + shell_quote(err.string()) +
                                " </dev/null";
    const int status = std::system(command.c_str());
    Result r;
    r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    r.out = slurp(out);
    r.err = slurp(err);
    std::filesystem::remove(out);
    std::filesystem::remove(err);
    return r;
  }

 private:
  std::filesystem::path dir_;
};

// Standard output of a shell command (tools like pdffonts, pdfimages, qpdf).
inline std::string shell(const std::string& command) {
  std::string out;
  if (FILE* pipe = popen(command.c_str(), "r")) {
    char buffer[4096];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
    pclose(pipe);
  }
  return out;
}

inline std::filesystem::path fixture(const std::string& name) {
  return std::filesystem::path(LOGOGRID_FIXTURES) / name;
}

// The shipped job (participants.yaml, logos/, layouts/ and the fonts/ they name) in a sandbox.
inline void copy_project_inputs(const Sandbox& box) {
  for (const char* item : {"participants.yaml", "logos", "layouts", "fonts"})
    std::filesystem::copy(std::filesystem::path(LOGOGRID_SOURCE_DIR) / item, box.dir() / item,
                          std::filesystem::copy_options::recursive);
}

}  // namespace logogrid::cli

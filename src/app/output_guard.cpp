// Output checks by file identity (st_dev, st_ino) for what exists and by absolute, normalised
// path for what does not exist yet.
#include "app/output_guard.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <filesystem>

#include "diag/fatal_error.hpp"
#include "render/render.hpp"

namespace logogrid {
namespace {

struct FileId {
  dev_t device = 0;
  ino_t inode = 0;
  friend bool operator==(const FileId&, const FileId&) = default;
};

struct Named {
  std::string label;     // "-o out/x.pdf", "the layout file layouts/a4.yaml"
  std::string absolute;  // normalised absolute path
  std::optional<FileId> id;
};

std::string absolute_of(const std::string& path) {
  std::error_code ec;
  const auto canonical = std::filesystem::weakly_canonical(std::filesystem::absolute(path), ec);
  if (!ec) return canonical.lexically_normal().string();
  return std::filesystem::absolute(path).lexically_normal().string();
}

const char* kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return "a folder";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISFIFO(mode)) return "a named pipe (FIFO)";
  if (S_ISSOCK(mode)) return "a socket";
  if (S_ISLNK(mode)) return "a symbolic link";
  return "not a regular file";
}

[[noreturn]] void refuse(const std::string& what) {
  throw FatalError(what + "; nothing was written");
}

// An output file: missing, or a regular file (never a link, device, FIFO, socket, folder).
Named output_file(const std::string& option, const std::string& path) {
  Named named{fmt::format("{} {}", option, path), absolute_of(path), std::nullopt};
  struct stat st {};
  if (::lstat(path.c_str(), &st) != 0) return named;
  if (!S_ISREG(st.st_mode)) {
    refuse(fmt::format("{} is {}; logogrid only replaces regular files{}", named.label,
                       kind_of(st.st_mode),
                       S_ISLNK(st.st_mode) ? " (name the link's target itself)" : ""));
  }
  named.id = FileId{st.st_dev, st.st_ino};
  return named;
}

bool same(const Named& a, const Named& b) {
  return (a.id && b.id && *a.id == *b.id) || a.absolute == b.absolute;
}

}  // namespace

std::vector<std::string> run_inputs(const Job& job, const std::optional<std::string>& previous) {
  std::vector<std::string> inputs{job.model.file};
  if (!job.layout_file.empty()) inputs.push_back(job.layout_file);
  for (const auto& p : job.model.participants)
    if (!p.logo_path.empty())
      inputs.push_back((std::filesystem::path(job.model.folder) / p.logo_path).string());
  if (previous) inputs.push_back(*previous);
  return inputs;
}

void guard_outputs(const RunOutputs& outputs, const std::vector<std::string>& inputs) {
  std::vector<Named> written{output_file("-o", outputs.pdf)};
  if (outputs.report) written.push_back(output_file("--report", *outputs.report));
  if (outputs.png_dir) {
    const std::string& dir = *outputs.png_dir;
    Named folder{fmt::format("--png {}", dir), absolute_of(dir), std::nullopt};
    // -o and --report may not be the folder nor one of the page files it gets.
    for (const Named& file : written) {
      const std::filesystem::path absolute(file.absolute);
      if (file.absolute == folder.absolute || (absolute.parent_path().string() == folder.absolute &&
                                               is_preview_page_name(absolute.filename().string())))
        refuse(fmt::format("{} and {} name the same file", file.label, folder.label));
    }
    struct stat st {};
    if (::stat(dir.c_str(), &st) == 0) {
      if (!S_ISDIR(st.st_mode))
        refuse(fmt::format("{} is {}, not a folder", folder.label, kind_of(st.st_mode)));
      folder.id = FileId{st.st_dev, st.st_ino};
      // Every page file there is replaced or removed: each must be safe to replace.
      std::error_code ec;
      for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
        if (is_preview_page_name(entry.path().filename().string()))
          written.push_back(output_file("--png", entry.path().string()));
    }
    written.push_back(folder);
  }
  for (std::size_t i = 0; i < written.size(); ++i)
    for (std::size_t j = i + 1; j < written.size(); ++j)
      if (same(written[i], written[j]) && written[i].label.rfind("--png", 0) != 0)
        refuse(fmt::format("{} and {} name the same file", written[i].label, written[j].label));

  for (const std::string& input : inputs) {
    struct stat st {};
    if (::stat(input.c_str(), &st) != 0) continue;  // never read, so never at risk
    const FileId id{st.st_dev, st.st_ino};
    const std::string absolute = absolute_of(input);
    for (const Named& file : written)
      if ((file.id && *file.id == id) || file.absolute == absolute)
        refuse(fmt::format("{} would replace {}, which this run reads", file.label, input));
  }
}

}  // namespace logogrid

// resolve_logo: the file-system side of logo resolution. The path must stay inside the
// participants file's folder lexically and after following symlinks; the size is checked
// with fstat on the opened file before a single byte is read.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "resolve/logo.hpp"
#include "resolve/logo_report.hpp"

namespace logogrid {
namespace fs = std::filesystem;
namespace {

const std::vector<std::string> kInsideHint{
    "put the logo in the participants file's folder (e.g. logos/) and give its path "
    "relative to that file"};

// True when `inner` is `outer` or lies below it; both absolute and normalised.
bool is_within(const fs::path& inner, const fs::path& outer) {
  const fs::path relative = inner.lexically_relative(outer);
  return !relative.empty() && *relative.begin() != "..";
}

// Closes the descriptor on every path out.
struct FileDescriptor {
  int fd = -1;
  ~FileDescriptor() {
    if (fd >= 0) ::close(fd);
  }
};

}  // namespace

std::optional<Logo> resolve_logo(const LogoRequest& request, Diagnostics& diagnostics,
                                 const LogoFacts* facts) {
  LogoReport report(request, diagnostics);
  const fs::path written(request.path);
  if (request.path.empty()) {
    report.problem("logo-missing", "the logo path is empty",
                   {"give the logo's path relative to the participants file"});
    return std::nullopt;
  }
  if (written.is_absolute() || written.has_root_name() || written.has_root_directory()) {
    report.problem("logo-outside-root",
                   fmt::format("{} is an absolute path; logos must lie inside the participants "
                               "file's folder",
                               request.path),
                   kInsideHint);
    return std::nullopt;
  }
  const fs::path normal = written.lexically_normal();
  if (!normal.empty() && *normal.begin() == "..") {
    report.problem("logo-outside-root",
                   fmt::format("{} leaves the participants file's folder", request.path),
                   kInsideHint);
    return std::nullopt;
  }

  std::error_code ec;
  const fs::path folder = fs::weakly_canonical(
      fs::absolute(request.folder.empty() ? fs::path(".") : fs::path(request.folder), ec), ec);
  const fs::path full = folder / normal;
  // Following symlinks (of the file or of any folder on the way) must not leave the root.
  const fs::path target = fs::weakly_canonical(full, ec);
  if (!ec && !is_within(target, folder)) {
    report.problem("logo-outside-root",
                   fmt::format("{} is a symbolic link to {}, outside the participants file's "
                               "folder",
                               request.path, target.string()),
                   kInsideHint);
    return std::nullopt;
  }

  const std::vector<std::string> missing_hint{
      "check the spelling; the path is relative to the participants file (" +
      (request.participants_file.empty() ? std::string("its folder") : request.participants_file) +
      ")"};
  const fs::file_status status = fs::status(full, ec);
  if (ec || !fs::exists(status)) {
    report.problem("logo-missing", fmt::format("{} does not exist", request.path), missing_hint);
    return std::nullopt;
  }
  if (!fs::is_regular_file(status)) {
    report.problem("logo-missing",
                   fmt::format("{} is not a file (it is a {})", request.path,
                               fs::is_directory(status) ? "folder" : "special file"),
                   missing_hint);
    return std::nullopt;
  }

  // O_NONBLOCK: a FIFO swapped in after the check above must not block the run.
  FileDescriptor file{::open(full.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK)};
  struct stat info {};
  if (file.fd < 0 || ::fstat(file.fd, &info) != 0 || !S_ISREG(info.st_mode)) {
    const int error = errno;
    report.problem("logo-missing",
                   fmt::format("{} cannot be read ({})", request.path,
                               file.fd < 0 ? std::strerror(error) : "not a regular file"),
                   {"check the file's permissions"});
    return std::nullopt;
  }
  const auto size = static_cast<std::size_t>(info.st_size);
  if (size > kMaxLogoBytes) {
    report.problem(
        "logo-too-large",
        fmt::format("{} is {:.1f} MiB; the limit is {} MiB", request.path,
                    static_cast<double>(size) / (1024.0 * 1024.0), kMaxLogoBytes / (1024u * 1024u)),
        {"supply an SVG, or a PNG with fewer pixels or better compression"});
    return std::nullopt;
  }

  // Read once; never more than the limit, even if the file grows meanwhile.
  std::string bytes(size, '\0');
  std::size_t filled = 0;
  while (true) {
    if (filled == bytes.size()) {
      if (bytes.size() > kMaxLogoBytes) break;
      bytes.resize(std::min(bytes.size() + 65536, kMaxLogoBytes + 1));
    }
    const ssize_t got = ::read(file.fd, bytes.data() + filled, bytes.size() - filled);
    if (got < 0 && errno == EINTR) continue;
    if (got < 0) {
      const int error = errno;
      report.problem("logo-missing",
                     fmt::format("{} cannot be read ({})", request.path, std::strerror(error)),
                     {"check the file's permissions and the disk"});
      return std::nullopt;
    }
    if (got == 0) break;
    filled += static_cast<std::size_t>(got);
  }
  bytes.resize(filled);

  std::string content_hash;  // computed once, for the facts cache and the logo
  if (facts != nullptr && facts->recall && bytes.size() <= kMaxLogoBytes) {
    Logo known;
    known.path = request.path;
    known.bytes = std::move(bytes);
    known.content_hash = logo_content_hash(known.bytes);
    known.ink_side = request.svg_ink_side;
    if (facts->recall(known)) {
      known.file = full.string();
      return known;
    }
    bytes = std::move(known.bytes);
    content_hash = std::move(known.content_hash);
  }
  const std::size_t reported = diagnostics.items().size();
  std::optional<Logo> logo =
      decode_logo(std::move(bytes), request, diagnostics, std::move(content_hash));
  if (logo) logo->file = full.string();
  if (logo && facts != nullptr && facts->remember && diagnostics.items().size() == reported)
    facts->remember(*logo);
  return logo;
}

}  // namespace logogrid

// Atomic output files via mkstemp + fsync + rename(2) within one folder.
#include "finish/atomic_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

#include "diag/fatal_error.hpp"
#include "safety/scratch_registry.hpp"

namespace logogrid {

namespace {

std::string describe(int error_number) { return std::strerror(error_number); }

}  // namespace

AtomicFile::AtomicFile(std::string target) : target_(std::move(target)) {
  const std::filesystem::path target_path(target_);
  const std::filesystem::path folder = target_path.parent_path();
  remove_stale_scratch(folder.empty() ? "." : folder.string());  // temporaries of killed runs
  // Hidden, unique name in the same folder, so rename() never crosses file systems; it
  // carries the process id, so a later run can remove it if this one is killed.
  const std::string pattern =
      scratch_pattern(folder.string(), "." + target_path.filename().string(), kAtomicTempMarker);
  std::string name = pattern;
  const std::uint64_t ticket = create_tracked_scratch(name, ScratchKind::file, fd_);
  if (ticket == 0) {
    const int error_number = errno;
    throw FatalError("cannot write " + target_ + " (" + describe(error_number) + ")");
  }
  temp_ = name;
  tracked_ = TrackedScratch(ticket);
  // mkstemp creates 0600; a finished output keeps the mode of the file it replaces, else
  // gets the usual 0644 (further restricted by the folder's ACLs, if any).
  struct stat existing {};
  const mode_t mode = ::stat(target_.c_str(), &existing) == 0 && S_ISREG(existing.st_mode)
                          ? (existing.st_mode & 07777)
                          : 0644;
  if (::fchmod(fd_, mode) != 0) fail("cannot set permissions", errno);
}

AtomicFile::~AtomicFile() { discard(); }

void AtomicFile::discard() noexcept {
  if (fd_ >= 0) {
    ::close(fd_);
    fd_ = -1;
  }
  if (!temp_.empty()) {
    ::unlink(temp_.c_str());
    temp_.clear();
  }
  tracked_.release();
}

void AtomicFile::fail(const std::string& what, int error_number) {
  discard();
  throw FatalError("cannot write " + target_ + " (" + what + ": " + describe(error_number) + ")");
}

void AtomicFile::write(std::string_view bytes) { write(bytes.data(), bytes.size()); }

void AtomicFile::write(const void* data, std::size_t size) {
  if (fd_ < 0) throw FatalError("cannot write " + target_ + " (file already closed)");
  const char* next = static_cast<const char*>(data);
  while (size > 0) {
    const ssize_t written = ::write(fd_, next, size);
    if (written < 0) {
      if (errno == EINTR) continue;
      fail("write failed", errno);
    }
    next += written;
    size -= static_cast<std::size_t>(written);
  }
}

void AtomicFile::commit() {
  if (fd_ < 0) throw FatalError("cannot write " + target_ + " (file already closed)");
  if (::fsync(fd_) != 0) fail("fsync failed", errno);
  const int fd = fd_;
  fd_ = -1;
  if (::close(fd) != 0) fail("close failed", errno);
  // rename() would replace whatever the name holds: a device node, a FIFO, a symlink. Only a
  // regular file (or nothing) is ever replaced.
  struct stat existing {};
  if (::lstat(target_.c_str(), &existing) == 0 && !S_ISREG(existing.st_mode)) {
    discard();
    throw FatalError("cannot write " + target_ + " (it exists and is not a regular file)");
  }
  if (::rename(temp_.c_str(), target_.c_str()) != 0) fail("rename failed", errno);
  temp_.clear();
  tracked_.release();
  // Make the rename itself durable; a folder that cannot be opened or synced (some network
  // file systems) does not make the already-complete file wrong, so this is best effort.
  std::string folder = std::filesystem::path(target_).parent_path().string();
  if (folder.empty()) folder = ".";
  const int dir_fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dir_fd >= 0) {
    ::fsync(dir_fd);
    ::close(dir_fd);
  }
}

void write_file_atomically(const std::string& target, std::string_view bytes) {
  AtomicFile file(target);
  file.write(bytes);
  file.commit();
}

}  // namespace logogrid

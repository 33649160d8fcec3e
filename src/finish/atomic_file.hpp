// Atomic output files: every file logogrid writes goes to a unique temporary file in the
// target's folder and is renamed over the target only once complete and flushed to disk.
// A failed or interrupted write leaves any earlier file untouched and no temporary behind.
#pragma once

#include <string>
#include <string_view>

#include "safety/scratch_registry.hpp"

namespace logogrid {

class AtomicFile {
 public:
  // Creates the temporary file next to `target`. Throws FatalError when it cannot.
  explicit AtomicFile(std::string target);
  AtomicFile(const AtomicFile&) = delete;
  AtomicFile& operator=(const AtomicFile&) = delete;
  // Without commit(): closes and deletes the temporary file; the target is not touched.
  ~AtomicFile();

  // Appends bytes. Throws FatalError on a write error (the temporary is deleted).
  void write(std::string_view bytes);
  void write(const void* data, std::size_t size);
  // fsyncs, renames over the target and fsyncs the folder. Throws FatalError on failure,
  // in which case the temporary is deleted and the target is untouched.
  void commit();

  const std::string& target() const { return target_; }
  const std::string& temp_path() const { return temp_; }

 private:
  [[noreturn]] void fail(const std::string& what, int error_number);
  void discard() noexcept;

  std::string target_;
  std::string temp_;
  int fd_ = -1;
  TrackedScratch tracked_;  // removed on SIGINT/SIGTERM/SIGHUP while it exists
};

// Writes `bytes` to `target` atomically. Throws FatalError on failure.
void write_file_atomically(const std::string& target, std::string_view bytes);

}  // namespace logogrid

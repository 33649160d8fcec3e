// Scratch files and folders of this run (temporary outputs, cairo's unfinished PDF, the
// fragments folder): registered while they exist, so that an interrupted run can remove
// them (safety/interrupt), and named with the process id, so that the next run can tell
// the leftovers of a killed run (SIGKILL, power loss) from those of a run still going.
#pragma once

#include <cstdint>
#include <string>

namespace logogrid {

enum class ScratchKind { file, folder };

// Registers `path` for removal on interruption until the returned ticket is released.
std::uint64_t track_scratch(const std::string& path, ScratchKind kind);
void untrack_scratch(std::uint64_t ticket);

// mkstemp (file) or mkdtemp (folder) on `pattern` (a scratch_pattern), registered in the same
// step, so that an interruption can never fall between creating and registering. Returns
// the ticket, 0 on failure (errno set); `fd` gets mkstemp's descriptor (-1 for folders).
std::uint64_t create_tracked_scratch(std::string& pattern, ScratchKind kind, int& fd);

// RAII form of the two above.
class TrackedScratch {
 public:
  TrackedScratch() = default;
  TrackedScratch(const std::string& path, ScratchKind kind) : ticket_(track_scratch(path, kind)) {}
  explicit TrackedScratch(std::uint64_t ticket) : ticket_(ticket) {}
  ~TrackedScratch() { release(); }
  TrackedScratch(const TrackedScratch&) = delete;
  TrackedScratch& operator=(const TrackedScratch&) = delete;
  TrackedScratch(TrackedScratch&& other) noexcept : ticket_(other.ticket_) { other.ticket_ = 0; }
  TrackedScratch& operator=(TrackedScratch&& other) noexcept {
    if (this != &other) {
      release();
      ticket_ = other.ticket_;
      other.ticket_ = 0;
    }
    return *this;
  }
  void release() {
    if (ticket_ != 0) untrack_scratch(ticket_);
    ticket_ = 0;
  }

 private:
  std::uint64_t ticket_ = 0;
};

// Removes every tracked path (files unlinked, folders removed with their content). Called
// by the interruption handler; the registry stays locked afterwards, so nothing new is
// tracked while the process ends.
void remove_tracked_scratch() noexcept;

// The mkstemp/mkdtemp pattern for a scratch name in `folder`:
// "<folder>/<stem><marker><pid>-XXXXXX". `stem` is shortened (at a UTF-8 boundary) so that
// the name stays within NAME_MAX: a long output name never makes its temporary impossible.
std::string scratch_pattern(const std::string& folder, const std::string& stem,
                            const std::string& marker);

// Removes, in `folder`, the scratch of logogrid runs that have ended without cleaning up:
// names "<anything><marker><pid>-XXXXXX" for one of logogrid's markers, owned by this
// user, whose process no longer exists. Anything else is left alone. Never throws.
void remove_stale_scratch(const std::string& folder) noexcept;

// The markers: AtomicFile's ".tmp-" and the fragments folder.
inline constexpr const char* kAtomicTempMarker = ".tmp-";
inline constexpr const char* kFragmentsPrefix = "logogrid-fragments-";

}  // namespace logogrid

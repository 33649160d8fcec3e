// Build progress for people watching a terminal: one line on stderr, rewritten in place
// ("logos 512/1000 · pages 12/42"), only when stdout is a terminal; silent otherwise, so
// CI logs and pipes see nothing extra. Safe to call from several threads.
#pragma once

#include <atomic>
#include <chrono>
#include <cstddef>
#include <mutex>

namespace logogrid {

class Progress {
 public:
  Progress();   // enabled when stdout is a terminal
  ~Progress();  // clears the line

  void set_logo_total(std::size_t total) { logo_total_ = total; }
  void logo_done();
  void pages(std::size_t done, std::size_t total);
  // Erases the line, so diagnostics and the summary start on a clean line; a later
  // update shows it again.
  void clear();

 private:
  void show(bool force);

  bool enabled_ = false;
  std::atomic<std::size_t> logos_{0};
  std::atomic<std::size_t> logo_total_{0};
  std::atomic<std::size_t> pages_{0};
  std::atomic<std::size_t> page_total_{0};
  std::mutex mutex_;
  std::chrono::steady_clock::time_point last_{};
  bool shown_ = false;
};

}  // namespace logogrid

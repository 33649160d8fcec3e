// Progress line: throttled to ten updates a second.
#include "app/progress.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdio>

namespace logogrid {

Progress::Progress() : enabled_(::isatty(STDOUT_FILENO) == 1 && ::isatty(STDERR_FILENO) == 1) {}

Progress::~Progress() { clear(); }

void Progress::clear() {
  if (!enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  if (!shown_) return;
  std::fputs("\r\033[K", stderr);
  std::fflush(stderr);
  shown_ = false;
}

void Progress::logo_done() {
  ++logos_;
  show(false);
}

void Progress::pages(std::size_t done, std::size_t total) {
  pages_ = done;
  page_total_ = total;
  show(done == total);
}

void Progress::show(bool force) {
  if (!enabled_) return;
  const std::lock_guard<std::mutex> lock(mutex_);
  const auto now = std::chrono::steady_clock::now();
  if (!force && shown_ && now - last_ < std::chrono::milliseconds(100)) return;
  last_ = now;
  shown_ = true;
  std::string line = fmt::format("logos {}/{}", logos_.load(), logo_total_.load());
  if (page_total_ > 0) line += fmt::format(" · pages {}/{}", pages_.load(), page_total_.load());
  std::fprintf(stderr, "\r\033[K%s", line.c_str());
  std::fflush(stderr);
}

}  // namespace logogrid

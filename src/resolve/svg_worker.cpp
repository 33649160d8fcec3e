// Worker processes for librsvg (see svg_worker.hpp). Forked by the zygote (svg_zygote.hpp),
// else posix_spawn of /proc/self/exe; never a fork of this process itself: a fork of a
// multithreaded process that uses GLib and fontconfig may deadlock in the child. Parent
// and worker talk over a socket pair (send with MSG_NOSIGNAL, so a dead worker is an
// error, not a SIGPIPE); the worker's stderr comes back on a pipe and names the fault
// when it dies.
#include "resolve/svg_worker.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <mutex>

#include "resolve/svg_zygote.hpp"
#include "safety/descriptor_io.hpp"

extern char** environ;

namespace logogrid {
namespace {

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kAddressSanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
constexpr bool kAddressSanitizer = true;
#else
constexpr bool kAddressSanitizer = false;
#endif
#else
constexpr bool kAddressSanitizer = false;
#endif

constexpr int kWorkerSocket = 3;                 // a spawned worker's end of the socket pair
constexpr std::size_t kMaxMessage = 512u << 20;  // a reply or request, all fields together
constexpr std::size_t kKeptErrorOutput = 16384;  // the tail of the worker's stderr

using Clock = std::chrono::steady_clock;

void put_u64(std::string& out, std::uint64_t value) {
  for (int i = 0; i < 8; ++i) out.push_back(static_cast<char>((value >> (8 * i)) & 0xffu));
}

std::uint64_t get_u64(const char* in) {
  std::uint64_t value = 0;
  for (int i = 0; i < 8; ++i)
    value |= static_cast<std::uint64_t>(static_cast<unsigned char>(in[i])) << (8 * i);
  return value;
}

// Total length, field count, then each field's length and bytes; `head`, when given, is
// sent as a first field (without copying the message, which holds a logo's bytes).
std::string encode(const SvgMessage& message, const std::string* head = nullptr) {
  std::size_t size = 16 + (head ? 8 + head->size() : 0);
  for (const auto& field : message) size += 8 + field.size();
  std::string out;
  out.reserve(size);
  put_u64(out, size - 8);
  put_u64(out, message.size() + (head ? 1 : 0));
  if (head) {
    put_u64(out, head->size());
    out += *head;
  }
  for (const auto& field : message) {
    put_u64(out, field.size());
    out += field;
  }
  return out;
}

bool decode(const std::string& body, SvgMessage& message) {
  if (body.size() < 8) return false;
  const std::uint64_t count = get_u64(body.data());
  std::size_t at = 8;
  message.clear();
  for (std::uint64_t i = 0; i < count; ++i) {
    if (body.size() - at < 8) return false;
    const std::uint64_t length = get_u64(body.data() + at);
    at += 8;
    if (body.size() - at < length) return false;
    message.emplace_back(body.data() + at, static_cast<std::size_t>(length));
    at += static_cast<std::size_t>(length);
  }
  return at == body.size();
}

bool send_all(int fd, const std::string& bytes) {
  return send_exactly(fd, bytes.data(), bytes.size());
}

void close_fd(int& fd) {
  if (fd >= 0) ::close(fd);
  fd = -1;
}

// The renderer's last words: a Rust panic's message, else its last non-empty line.
std::string last_words(const std::string& output) {
  const auto panic = output.rfind("panicked at '");
  if (panic != std::string::npos) {
    const std::size_t start = panic + 13;
    const auto end = output.find("', ", start);
    return output.substr(start,
                         std::min<std::size_t>(
                             end == std::string::npos ? output.size() - start : end - start, 300)) +
           " (librsvg panicked)";
  }
  std::string text = output;
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ')) text.pop_back();
  const auto line = text.rfind('\n');
  text = line == std::string::npos ? text : text.substr(line + 1);
  return text.substr(0, 300);
}

// Workers told to stop (their socket closed) exit on their own within a few milliseconds.
// During the run they are reaped without waiting, when the next worker starts or stops:
// the end of a thread's share of the logos does not wait for its worker (about 2 ms, on
// the way to the PDF). The end of the run waits for those still exiting, so that no worker
// outlives logogrid and their CPU time and memory count in its own (time(1), getrusage).
class ExitingWorkers {
 public:
  ExitingWorkers() = default;
  ~ExitingWorkers() {
    for (const pid_t pid : pids_) {
      wait_for_exit(pid);
    }
  }
  ExitingWorkers(const ExitingWorkers&) = delete;
  ExitingWorkers& operator=(const ExitingWorkers&) = delete;

  void add(pid_t pid) {
    const std::lock_guard<std::mutex> lock(mutex_);
    pids_.push_back(pid);
    reap_locked();
  }
  void reap() {
    const std::lock_guard<std::mutex> lock(mutex_);
    reap_locked();
  }

 private:
  void reap_locked() {
    std::erase_if(pids_, [](pid_t pid) {
      int status = 0;
      pid_t done = 0;
      while ((done = ::waitpid(pid, &status, WNOHANG)) < 0 && errno == EINTR) {
      }
      return done != 0;  // reaped, or not ours to wait for any more
    });
  }

  std::mutex mutex_;
  std::vector<pid_t> pids_;
};

ExitingWorkers& exiting_workers() {
  static ExitingWorkers workers;
  return workers;
}

class Worker {
 public:
  explicit Worker(double memory_mib) : memory_mib_(memory_mib) {}
  ~Worker() { stop(false); }
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;

  double memory_mib() const { return memory_mib_; }

  bool start(std::string& problem) {
    exiting_workers().reap();
    int sockets[2];
    if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sockets) != 0) {
      problem = fmt::format("cannot create a socket ({})", std::strerror(errno));
      return false;
    }
    int errors[2];
    if (::pipe2(errors, O_CLOEXEC) != 0) {
      problem = fmt::format("cannot create a pipe ({})", std::strerror(errno));
      ::close(sockets[0]);
      ::close(sockets[1]);
      return false;
    }
    // From the zygote when this program has one (about 1 ms), else spawned (about 9 ms).
    const int spawned = fork_svg_worker(memory_mib_, sockets[1], errors[1], pid_)
                            ? 0
                            : spawn(sockets[1], errors[1]);
    ::close(sockets[1]);
    ::close(errors[1]);
    if (spawned != 0) {
      problem = fmt::format("cannot start the SVG renderer process ({})", std::strerror(spawned));
      ::close(sockets[0]);
      ::close(errors[0]);
      pid_ = -1;
      return false;
    }
    socket_ = sockets[0];
    errors_ = errors[0];
    ::fcntl(errors_, F_SETFL, O_NONBLOCK);
    return true;
  }

  SvgWorkerOutcome call(const SvgMessage& request, const SvgLimits& limits) {
    SvgWorkerOutcome outcome;
    error_output_.clear();
    const auto deadline =
        Clock::now() + std::chrono::milliseconds(static_cast<long>(limits.seconds * 1000) + 500);
    const std::string cpu_seconds = fmt::format("{:g}", limits.seconds);
    if (!send_all(socket_, encode(request, &cpu_seconds))) return died(outcome);
    std::string reply;
    std::size_t expected = 0;
    char buffer[65536];
    while (expected == 0 || reply.size() < expected + 8) {
      const auto left =
          std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now()).count();
      if (left <= 0) {
        stop(true);
        outcome.kind = SvgWorkerOutcome::Kind::timed_out;
        return outcome;
      }
      pollfd fds[2] = {{socket_, POLLIN, 0}, {errors_, POLLIN, 0}};
      const int ready = ::poll(fds, errors_ >= 0 ? 2 : 1, static_cast<int>(left));
      if (ready < 0 && errno != EINTR) return died(outcome);
      if (ready <= 0) continue;
      if (fds[1].revents != 0) drain_errors();
      if (fds[0].revents == 0) continue;
      const ssize_t n = ::read(socket_, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) return died(outcome);
      reply.append(buffer, static_cast<std::size_t>(n));
      if (expected == 0 && reply.size() >= 8) {
        expected = static_cast<std::size_t>(get_u64(reply.data()));
        if (expected == 0 || expected > kMaxMessage) return died(outcome);
      }
    }
    if (!decode(reply.substr(8), outcome.reply)) return died(outcome);
    return outcome;
  }

 private:
  // This program started again as a worker: posix_spawn's error number, 0 when started.
  int spawn(int socket, int errors) {
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, errors, 2);
    posix_spawn_file_actions_adddup2(&actions, socket, kWorkerSocket);
    posix_spawnattr_t attributes;
    posix_spawnattr_init(&attributes);
    sigset_t none, defaults;
    sigemptyset(&none);
    sigemptyset(&defaults);
    sigaddset(&defaults, SIGPIPE);
    sigaddset(&defaults, SIGXCPU);
    posix_spawnattr_setsigmask(&attributes, &none);
    posix_spawnattr_setsigdefault(&attributes, &defaults);
    posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
    const std::string memory = fmt::format("{:.0f}", memory_mib_);
    const char* argv[] = {"logogrid-svg-worker", kSvgWorkerArgument, memory.c_str(), nullptr};
    const int spawned = ::posix_spawn(&pid_, "/proc/self/exe", &actions, &attributes,
                                      const_cast<char* const*>(argv), environ);
    posix_spawn_file_actions_destroy(&actions);
    posix_spawnattr_destroy(&attributes);
    return spawned;
  }

  void drain_errors() {
    char buffer[4096];
    while (errors_ >= 0) {
      const ssize_t n = ::read(errors_, buffer, sizeof buffer);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) return;  // EAGAIN: nothing more for now
      if (n == 0) {
        close_fd(errors_);
        return;
      }
      error_output_.append(buffer, static_cast<std::size_t>(n));
      if (error_output_.size() > 2 * kKeptErrorOutput)
        error_output_.erase(0, error_output_.size() - kKeptErrorOutput);
    }
  }

  // The worker ended a call without a reply: collect its status and last words.
  SvgWorkerOutcome& died(SvgWorkerOutcome& outcome) {
    close_fd(socket_);
    int status = 0;
    if (pid_ > 0) {
      status = wait_for_exit(pid_);
      pid_ = -1;
    }
    if (errors_ >= 0) {
      ::fcntl(errors_, F_SETFL, 0);  // the writer is gone: read to the end
      drain_errors();
    }
    close_fd(errors_);
    const std::string words = last_words(error_output_);
    if (WIFSIGNALED(status) && WTERMSIG(status) == SIGXCPU) {
      outcome.kind = SvgWorkerOutcome::Kind::timed_out;
    } else if (words.find("memory allocation of") != std::string::npos ||  // Rust
               words.find("failed to allocate") != std::string::npos ||    // GLib's g_malloc
               words.find("out of memory") != std::string::npos) {
      outcome.kind = SvgWorkerOutcome::Kind::out_of_memory;
    } else {
      outcome.kind = SvgWorkerOutcome::Kind::failed;
      outcome.reason = !words.empty() ? words
                       : WIFSIGNALED(status)
                           ? fmt::format("it ended with signal {} ({})", WTERMSIG(status),
                                         strsignal(WTERMSIG(status)))
                           : fmt::format("it ended with exit status {}", WEXITSTATUS(status));
    }
    return outcome;
  }

  void stop(bool kill) {
    close_fd(socket_);  // an idle worker reads end of input and exits
    if (pid_ > 0 && !kill) {
      exiting_workers().add(pid_);
    } else if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      wait_for_exit(pid_);
    }
    pid_ = -1;
    close_fd(errors_);
  }

  double memory_mib_;
  pid_t pid_ = -1;
  int socket_ = -1;
  int errors_ = -1;
  std::string error_output_;
};

thread_local std::unique_ptr<Worker> this_thread_worker;

// Worker side: the limits that hold for the whole process, and the CPU budget per request.
void limit_memory(double memory_mib) {
  if (kAddressSanitizer || !(memory_mib > 0)) return;  // ASan reserves terabytes of shadow
  const auto bytes = static_cast<rlim_t>(memory_mib * 1024.0 * 1024.0);
  const rlimit limit{bytes, bytes};
  ::setrlimit(RLIMIT_AS, &limit);
}

void limit_cpu_from_now(double seconds) {
  rusage usage{};
  ::getrusage(RUSAGE_SELF, &usage);
  const double used = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) + 1;
  rlimit limit{};
  ::getrlimit(RLIMIT_CPU, &limit);
  limit.rlim_cur = static_cast<rlim_t>(std::ceil(used + seconds));
  if (limit.rlim_max != RLIM_INFINITY) limit.rlim_cur = std::min(limit.rlim_cur, limit.rlim_max);
  ::setrlimit(RLIMIT_CPU, &limit);
}

}  // namespace

std::string SvgWorkerOutcome::explanation(const SvgLimits& limits) const {
  switch (kind) {
    case Kind::replied:
      return {};
    case Kind::timed_out:
      return fmt::format("the SVG renderer took longer than {:g} s on this file", limits.seconds);
    case Kind::out_of_memory:
      return fmt::format("the SVG renderer needed more than {:g} MiB of memory for this file",
                         limits.memory_mib);
    case Kind::failed:
      break;
  }
  return "the SVG renderer failed on this file: " + reason;
}

bool svg_memory_limit_enforced() { return !kAddressSanitizer; }

SvgWorkerOutcome call_svg_worker(const SvgMessage& request, const SvgLimits& limits) {
  auto& worker = this_thread_worker;
  if (worker && worker->memory_mib() != limits.memory_mib) worker.reset();
  if (!worker) {
    auto started = std::make_unique<Worker>(limits.memory_mib);
    std::string problem;
    if (!started->start(problem)) {
      SvgWorkerOutcome outcome;
      outcome.kind = SvgWorkerOutcome::Kind::failed;
      outcome.reason = problem;
      return outcome;
    }
    worker = std::move(started);
  }
  SvgWorkerOutcome outcome = worker->call(request, limits);
  if (outcome.kind != SvgWorkerOutcome::Kind::replied) worker.reset();
  return outcome;
}

bool serve_svg_worker_if_asked(int argc, char** argv, SvgRequestHandler handler) {
  if (argc < 2 || std::strcmp(argv[1], kSvgWorkerArgument) != 0) return false;
  serve_svg_worker(kWorkerSocket, argc >= 3 ? std::atof(argv[2]) : 0, handler);
  return true;
}

void serve_svg_worker(int socket, double memory_mib, SvgRequestHandler handler) {
  limit_memory(memory_mib);
  // cairo's PDF surface deflates its streams with zlib's default level, which was a fifth
  // of drawing an SVG fragment; unfiltered, they are deflated by finish/logo_forms with
  // libdeflate, about three times faster. (cairo reads the variable per surface; a cairo
  // without it still deflates, and its streams then pass through as before.)
  ::setenv("CAIRO_DEBUG_PDF", "1", 1);
  while (true) {
    char head[8];
    if (!read_exactly(socket, head, sizeof head)) break;
    const std::uint64_t size = get_u64(head);
    if (size > kMaxMessage) break;
    std::string body(static_cast<std::size_t>(size), '\0');
    if (!read_exactly(socket, body.data(), body.size())) break;
    SvgMessage request;
    if (!decode(body, request) || request.empty()) break;
    limit_cpu_from_now(std::atof(request.front().c_str()));
    request.erase(request.begin());
    if (!send_all(socket, encode(handler(request)))) break;
  }
}

}  // namespace logogrid

// `logogrid watch`: runs build (or proof) once, then again each time one of its inputs
// changes — the participants file, the layout, the register, the font files the layout's
// fonts resolve to and every logo. inotify watches the folders of exactly those files
// (editors save by writing a new file and renaming it over the old one) and events for
// other names are ignored; a burst of events is debounced into one run. Each run is a
// fresh `logogrid build|proof` process: its diagnostics pass through, its one-line
// summary becomes watch's result line, and a refused build leaves the last good PDF as
// it was (build writes atomically, and writes nothing while an error remains).
#include "app/watch_command.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <vector>

#include "app/commands.hpp"
#include "app/job.hpp"
#include "diag/fatal_error.hpp"
#include "load/layout.hpp"
#include "load/participants_file.hpp"
#include "text/font_file.hpp"

extern char** environ;

namespace logogrid {
namespace {

namespace fs = std::filesystem;

constexpr int kExitUsage = 2;
constexpr int kQuietMs = 200;  // a burst of events ends after this long without one

// Every file the job reads, by folder. Whatever cannot be loaded adds nothing: the run
// reports it, and the files named so far are still watched.
std::map<fs::path, std::set<std::string>> job_inputs(const WatchOptions& options) {
  std::vector<fs::path> files{options.participants};
  try {
    Diagnostics ignored;
    const ParticipantsFile participants = load_participants(options.participants, ignored);
    const fs::path folder(participants.folder);
    if (participants.campaign.register_file.present)
      files.push_back(folder / participants.campaign.register_file.text);
    for (const auto& entry : participants.participants)
      if (entry.logo.present) files.push_back(folder / entry.logo.text);
    JobOptions job;
    job.layout = options.layout;
    const std::string layout_file =
        layout_file_for(job, participants.folder, participants.campaign.layout);
    const Layout layout =
        layout_file.empty() ? default_layout() : load_layout(layout_file, ignored);
    if (!layout_file.empty()) files.push_back(layout_file);
    for (const auto& font : layout.fonts) files.push_back(font.path);
    for (const auto& font : {layout.heading.font, layout.caption.font, layout.page_numbers.font,
                             layout.district_heading.font})
      if (auto file = font_file(font)) files.push_back(*file);
  } catch (const FatalError&) {
  }
  std::map<fs::path, std::set<std::string>> inputs;
  for (const auto& file : files) {
    const fs::path absolute = fs::absolute(file).lexically_normal();
    inputs[absolute.parent_path()].insert(absolute.filename().string());
  }
  return inputs;
}

// The folders of the inputs under inotify; a folder that does not exist (yet) is watched
// from its nearest existing parent, for the creation of the next folder down.
class InputWatch {
 public:
  InputWatch() : fd_(inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) {
    if (fd_ < 0) throw FatalError("cannot start inotify (too many watches or instances?)");
  }
  ~InputWatch() { close(fd_); }
  InputWatch(const InputWatch&) = delete;
  InputWatch& operator=(const InputWatch&) = delete;

  int fd() const { return fd_; }
  std::size_t files() const { return files_; }

  void set(const std::map<fs::path, std::set<std::string>>& inputs) {
    std::map<fs::path, std::set<std::string>> wanted;
    files_ = 0;
    for (const auto& [folder, names] : inputs) {
      files_ += names.size();
      fs::path existing = folder;
      std::string child;
      std::error_code ec;
      while (!fs::is_directory(existing, ec) && existing.has_relative_path()) {
        child = existing.filename().string();
        existing = existing.parent_path();
      }
      auto& watched = wanted[existing];
      if (child.empty())
        watched.insert(names.begin(), names.end());
      else
        watched.insert(child);
    }
    for (auto it = folder_of_.begin(); it != folder_of_.end();) {
      if (wanted.count(it->second) == 0) {
        inotify_rm_watch(fd_, it->first);
        it = folder_of_.erase(it);
      } else {
        ++it;
      }
    }
    names_.clear();
    for (const auto& [folder, names] : wanted) {
      const int wd = inotify_add_watch(fd_, folder.c_str(),
                                       IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE |
                                           IN_DELETE | IN_ATTRIB | IN_ONLYDIR);
      if (wd < 0) continue;
      folder_of_[wd] = folder;
      names_[wd] = names;
    }
  }

  // Reads the pending events; returns the first input they touch, or "" for none.
  std::string read_changes() {
    std::string changed;
    alignas(inotify_event) std::array<char, 16384> buffer{};
    for (;;) {
      const ssize_t got = read(fd_, buffer.data(), buffer.size());
      if (got <= 0) break;
      for (ssize_t at = 0; at < got;) {
        const auto* event = reinterpret_cast<const inotify_event*>(buffer.data() + at);
        at += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
        const auto names = names_.find(event->wd);
        if (event->len == 0 || names == names_.end()) continue;
        if (names->second.count(event->name) && changed.empty())
          changed = (folder_of_[event->wd] / event->name).string();
      }
    }
    return changed;
  }

 private:
  int fd_;
  std::size_t files_ = 0;
  std::map<int, fs::path> folder_of_;
  std::map<int, std::set<std::string>> names_;
};

// SIGINT, SIGTERM and SIGHUP arrive on a file descriptor, so the loop below can wait for
// them and for file events at once; children get the default mask and handlers back.
class StopSignals {
 public:
  StopSignals() {
    sigemptyset(&set_);
    sigaddset(&set_, SIGINT);
    sigaddset(&set_, SIGTERM);
    sigaddset(&set_, SIGHUP);
    sigprocmask(SIG_BLOCK, &set_, &old_);
    fd_ = signalfd(-1, &set_, SFD_NONBLOCK | SFD_CLOEXEC);
  }
  ~StopSignals() {
    close(fd_);
    sigprocmask(SIG_SETMASK, &old_, nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

  int fd() const { return fd_; }
  const sigset_t& set() const { return set_; }
  // The signal that came, 0 for none.
  int received() const {
    signalfd_siginfo info{};
    if (read(fd_, &info, sizeof info) != static_cast<ssize_t>(sizeof info)) return 0;
    return static_cast<int>(info.ssi_signo);
  }

 private:
  sigset_t set_{};
  sigset_t old_{};
  int fd_ = -1;
};

std::vector<std::string> command_line(const WatchOptions& o) {
  std::vector<std::string> args{o.mode, "-p", o.participants};
  const auto add = [&](const char* flag, const std::optional<std::string>& value) {
    if (value) args.insert(args.end(), {flag, *value});
  };
  add("-l", o.layout);
  add("-o", o.output);
  add("--png", o.png_dir);
  add("--dpi", o.dpi);
  add("--report", o.report);
  add("--cache", o.cache);
  add("-j", o.jobs);
  add("--previous", o.previous);
  if (o.strict) args.emplace_back("--strict");
  if (o.no_cache) args.emplace_back("--no-cache");
  return args;
}

struct RunResult {
  int exit_code = kExitUsage;
  std::string summary;  // the last line the run printed to stdout
  int stopped_by = 0;   // the stop signal that came during the run, 0 for none
};

// Runs `logogrid <args>` (this same binary) with its stdout captured and its stderr passed
// through. A stop signal during the run is passed on to it.
RunResult run_once(const std::vector<std::string>& args, const StopSignals& signals) {
  RunResult result;
  int pipe_fds[2];
  if (pipe2(pipe_fds, O_CLOEXEC) != 0) throw FatalError("cannot create a pipe");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipe_fds[1], STDOUT_FILENO);
  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t none;
  sigemptyset(&none);
  posix_spawnattr_setsigmask(&attributes, &none);
  posix_spawnattr_setsigdefault(&attributes, &signals.set());
  posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
  std::vector<std::string> argv_text{"logogrid"};
  argv_text.insert(argv_text.end(), args.begin(), args.end());
  std::vector<char*> argv;
  for (auto& a : argv_text) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t child = -1;
  const int spawned =
      posix_spawn(&child, "/proc/self/exe", &actions, &attributes, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  close(pipe_fds[1]);
  if (spawned != 0) {
    close(pipe_fds[0]);
    throw FatalError("cannot start logogrid " + args.front());
  }
  std::string out;
  std::array<pollfd, 2> fds{pollfd{pipe_fds[0], POLLIN, 0}, pollfd{signals.fd(), POLLIN, 0}};
  for (;;) {
    if (poll(fds.data(), fds.size(), -1) < 0) continue;
    if (fds[1].revents & POLLIN) {
      if (const int signal = signals.received()) {
        result.stopped_by = signal;
        kill(child, signal);
      }
    }
    if (fds[0].revents & (POLLIN | POLLHUP)) {
      std::array<char, 4096> chunk{};
      const ssize_t got = read(pipe_fds[0], chunk.data(), chunk.size());
      if (got <= 0) break;
      out.append(chunk.data(), static_cast<std::size_t>(got));
    }
  }
  close(pipe_fds[0]);
  int status = 0;
  while (waitpid(child, &status, 0) < 0 && errno == EINTR) {
  }
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  while (!out.empty() && out.back() == '\n') out.pop_back();
  result.summary = out.substr(out.find_last_of('\n') + 1);
  return result;
}

std::string clock_time() {
  const std::time_t now = std::time(nullptr);
  std::tm local{};
  localtime_r(&now, &local);
  std::array<char, 16> text{};
  std::strftime(text.data(), text.size(), "%H:%M:%S", &local);
  return text.data();
}

// One line per run: the run's own summary, or what happened to the output.
void print_result(const WatchOptions& options, const RunResult& run, const std::string& cause) {
  std::string line = "[" + clock_time() + "] ";
  const std::string output = options.output.value_or(
      default_output(options.participants, options.mode == "proof" ? "-proof" : ""));
  if (run.exit_code == 0)
    line += run.summary;
  else
    line += fmt::format("{} {} (see above); {} is left as it was", options.mode,
                        run.exit_code == 1 ? "refused" : "could not run", output);
  if (!cause.empty()) line += "  (after a change to " + cause + ")";
  std::cout << line << std::endl;
}

}  // namespace

CLI::App* add_watch_command(CLI::App& app, WatchOptions& o) {
  auto* watch = app.add_subcommand(
      "watch", "build (or proof) again whenever the participants, layout, fonts or logos change");
  watch->add_option("mode", o.mode, "build (default) or proof")
      ->check(CLI::IsMember({"build", "proof"}));
  watch->add_option("-p,--participants", o.participants,
                    "participants file (default: participants.yaml)");
  watch->add_option("-l,--layout", o.layout,
                    "layout file (default: campaign.layout, else the built-in A4 layout)");
  watch->add_option("-o,--output", o.output, "PDF to write (default as for build or proof)");
  watch->add_option("--png", o.png_dir, "also write PNG previews of every page here");
  watch->add_option("--dpi", o.dpi, "PNG preview resolution (default: 100)");
  watch->add_option("--report", o.report, "build: write the JSON report with placements");
  watch->add_flag("--strict", o.strict, "build: treat warnings as errors");
  watch->add_option("--cache", o.cache, "build: cache folder for rendered logos");
  watch->add_flag("--no-cache", o.no_cache, "build: neither read nor write the cache");
  watch->add_option("-j,--jobs", o.jobs, "build: threads for logos");
  watch->add_option("--previous", o.previous, "proof: older participants file to compare with");
  return watch;
}

int run_watch(const WatchOptions& options) {
  StopSignals signals;
  InputWatch watch;
  const std::vector<std::string> args = command_line(options);
  watch.set(job_inputs(options));  // before the first run: no change may slip through
  RunResult run = run_once(args, signals);
  print_result(options, run, "");
  if (run.stopped_by) return 128 + run.stopped_by;
  if (run.exit_code == kExitUsage && run.summary.empty()) return kExitUsage;
  for (std::size_t announced = 0;;) {
    watch.set(job_inputs(options));
    if (watch.files() != announced) {
      announced = watch.files();
      std::cout << "[" << clock_time() << "] watching " << announced << " input files; Ctrl-C stops"
                << std::endl;
    }
    std::string cause;
    std::array<pollfd, 2> fds{pollfd{watch.fd(), POLLIN, 0}, pollfd{signals.fd(), POLLIN, 0}};
    // Wait for a change to an input, then until the burst of events is over.
    for (int timeout = -1;;) {
      const int ready = poll(fds.data(), fds.size(), timeout);
      if (ready < 0) continue;
      if (fds[1].revents & POLLIN)
        if (const int signal = signals.received()) return 128 + signal;
      if (ready == 0) break;  // quiet long enough
      const std::string changed = watch.read_changes();
      if (!changed.empty()) {
        if (cause.empty()) cause = fs::relative(changed).string();
        timeout = kQuietMs;
      }
    }
    run = run_once(args, signals);
    print_result(options, run, cause);
    if (run.stopped_by) return 128 + run.stopped_by;
  }
}

}  // namespace logogrid

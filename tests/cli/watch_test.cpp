// `logogrid watch`: runs build at start, again after a change to an input (and only then),
// keeps the last good PDF through a change that breaks the input, builds again after the
// fix, and stops with exit code 130 on SIGINT (Ctrl-C).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <poll.h>
#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include "cli_support.hpp"

namespace logogrid::cli {
namespace {

using namespace std::chrono_literals;

const char* const kParticipants = R"(campaign:
  deadline: 2021-10-15
participants:
  - name: Brilon
    logo: logos/shield.svg
    commitment: {kind: letter_of_intent, date: 2021-09-01}
)";

// logogrid watch running in a sandbox, its stdout read line by line.
class Watch {
 public:
  Watch(const Sandbox& box, std::vector<std::string> args) {
    int fds[2];
    EXPECT_EQ(pipe(fds), 0);
    pid_ = fork();
    if (pid_ == 0) {
      dup2(fds[1], STDOUT_FILENO);
      const int err = open((box.dir() / ".stderr").c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
      dup2(err, STDERR_FILENO);
      close(fds[0]);
      if (chdir(box.dir().c_str()) != 0) _exit(127);
      setenv("XDG_CACHE_HOME", (box.dir() / ".cache").c_str(), 1);
      setenv("SOURCE_DATE_EPOCH", "1634256000", 1);  // same input, same bytes
      std::vector<char*> argv{const_cast<char*>(LOGOGRID_BINARY), const_cast<char*>("watch")};
      for (auto& a : args) argv.push_back(a.data());
      argv.push_back(nullptr);
      execv(LOGOGRID_BINARY, argv.data());
      _exit(127);
    }
    close(fds[1]);
    out_ = fds[0];
  }
  ~Watch() {
    if (pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0) {
      kill(pid_, SIGKILL);
      waitpid(pid_, nullptr, 0);
    }
    close(out_);
  }
  Watch(const Watch&) = delete;
  Watch& operator=(const Watch&) = delete;

  // The next line of output containing `needle` (lines before it are skipped), or "" when
  // none came within `timeout`.
  std::string next_line_with(const std::string& needle, std::chrono::milliseconds timeout) {
    const auto end = std::chrono::steady_clock::now() + timeout;
    for (;;) {
      for (std::size_t eol; (eol = pending_.find('\n')) != std::string::npos;) {
        const std::string line = pending_.substr(0, eol);
        pending_.erase(0, eol + 1);
        seen_ += line + "\n";
        if (line.find(needle) != std::string::npos) return line;
      }
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(
          end - std::chrono::steady_clock::now());
      if (left <= 0ms) return "";
      pollfd fd{out_, POLLIN, 0};
      if (poll(&fd, 1, static_cast<int>(left.count())) <= 0) continue;
      char chunk[4096];
      const ssize_t got = read(out_, chunk, sizeof chunk);
      if (got <= 0) return "";
      pending_.append(chunk, static_cast<std::size_t>(got));
    }
  }

  // Sends SIGINT and returns the exit code (-1 when it did not end within 20 s).
  int interrupt() {
    kill(pid_, SIGINT);
    return exit_code();
  }

  // The exit code once it ends by itself (-1 when it did not end within 20 s).
  int exit_code() {
    for (int i = 0; i < 200; ++i) {
      int status = 0;
      if (waitpid(pid_, &status, WNOHANG) == pid_) {
        pid_ = -1;
        return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      }
      std::this_thread::sleep_for(100ms);
    }
    return -1;
  }

  const std::string& seen() const { return seen_; }

 private:
  pid_t pid_ = -1;
  int out_ = -1;
  std::string pending_;
  std::string seen_;
};

TEST(watch, rebuilds_after_a_change_keeps_the_last_good_pdf_and_stops_on_sigint) {
  Sandbox box;
  box.write("participants.yaml", kParticipants);
  box.write("logos/shield.svg", slurp(fixture("check/logos/shield.svg")));
  Watch watch(box, {"-p", "participants.yaml", "-o", "out/p.pdf"});
  ASSERT_NE(watch.next_line_with("build: 1 page", 60s), "") << watch.seen();
  ASSERT_NE(watch.next_line_with("watching", 10s), "") << watch.seen();
  const std::string first = slurp(box.dir() / "out/p.pdf");
  ASSERT_FALSE(first.empty());

  // A file that is not an input, beside the inputs: no run.
  box.write("notes.txt", "not an input");
  box.write("logos/unused.svg", "<svg/>");
  EXPECT_EQ(watch.next_line_with("]", 1500ms), "") << watch.seen();

  // Breaking the logo (written in place): refused, the last good PDF stays.
  box.write("logos/shield.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"><rect");
  const std::string refused = watch.next_line_with("]", 60s);
  EXPECT_NE(refused.find("build refused"), std::string::npos) << watch.seen();
  EXPECT_NE(refused.find("logos/shield.svg"), std::string::npos) << refused;
  EXPECT_NE(slurp(box.dir() / ".stderr").find("error[logo-corrupt]"), std::string::npos);
  EXPECT_EQ(slurp(box.dir() / "out/p.pdf"), first);

  // The fix, and a caption saved the way editors save (new file renamed over the old):
  // one build, a new PDF.
  box.write("logos/shield.svg", slurp(fixture("check/logos/shield.svg")));
  std::string captioned = kParticipants;
  captioned.replace(captioned.find("    logo:"), 0, "    caption: Stadt Brilon\n");
  box.write(".participants.yaml.swp", captioned);
  std::filesystem::rename(box.dir() / ".participants.yaml.swp", box.dir() / "participants.yaml");
  const std::string rebuilt = watch.next_line_with("]", 60s);
  EXPECT_NE(rebuilt.find("build: 1 page, 1 included"), std::string::npos) << watch.seen();
  const std::string second = slurp(box.dir() / "out/p.pdf");
  EXPECT_FALSE(second.empty());
  EXPECT_NE(second, first);
  EXPECT_EQ(watch.next_line_with("]", 1000ms), "") << "one run for the two changes";

  EXPECT_EQ(watch.interrupt(), 130) << watch.seen();
}

TEST(watch, an_unreadable_participants_file_at_start_is_exit_2) {
  Sandbox box;
  Watch watch(box, {"-p", "missing.yaml"});
  EXPECT_NE(watch.next_line_with("could not run", 60s), "") << watch.seen();
  EXPECT_EQ(watch.exit_code(), 2);
}

}  // namespace
}  // namespace logogrid::cli

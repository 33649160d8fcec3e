// Issue 11, one test per case: nothing a user types can destroy a file, hang, or abort.
// Device nodes are made with mknod in the sandbox (never the real /dev); signals are sent
// by the test to its own child.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <functional>
#include <thread>

#include "cli_support.hpp"

namespace logogrid::cli {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> names_in(const fs::path& folder) {
  std::vector<std::string> names;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(folder, ec)) names.push_back(e.path().filename());
  std::sort(names.begin(), names.end());
  return names;
}

// Names that look like logogrid's scratch: temporaries and fragment folders.
std::vector<std::string> scratch_in(const fs::path& folder) {
  std::vector<std::string> found;
  for (const std::string& name : names_in(folder))
    if (name.find(".tmp-") != std::string::npos || name.rfind("logogrid-fragments-", 0) == 0)
      found.push_back(name);
  return found;
}

// A child running logogrid in the sandbox with TMPDIR and the cache inside it; `prepare`
// runs in the child before exec (resource limits). Output goes to .stdout / .stderr.
struct Child {
  pid_t pid = -1;
  int wait() const {
    int status = 0;
    ::waitpid(pid, &status, 0);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
  }
};

Child spawn(const Sandbox& box, std::vector<std::string> args,
            const std::function<void()>& prepare = {}) {
  fs::create_directories(box.dir() / "tmp");
  const std::string dir = box.dir().string();
  Child child;
  child.pid = ::fork();
  if (child.pid == 0) {
    if (::chdir(dir.c_str()) != 0) ::_exit(120);
    ::setenv("TMPDIR", (dir + "/tmp").c_str(), 1);
    ::setenv("XDG_CACHE_HOME", (dir + "/.cache").c_str(), 1);
    const int out = ::open(".stdout", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    const int err = ::open(".stderr", O_WRONLY | O_CREAT | O_TRUNC, 0644);
    ::dup2(out, 1);
    ::dup2(err, 2);
    if (prepare) prepare();
    std::vector<char*> argv{const_cast<char*>(LOGOGRID_BINARY)};
    for (std::string& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    ::execv(LOGOGRID_BINARY, argv.data());
    ::_exit(121);
  }
  return child;
}

// A process id that is certainly not running: a child that has ended and been reaped.
pid_t dead_pid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return pid;
}

// 150 entries (region none, the shipped logos over and over): a build that takes long enough
// to be interrupted while its scratch exists.
void write_large_job(const Sandbox& box) {
  std::string yaml = "campaign:\n  deadline: 2021-10-15\n  region: none\nparticipants:\n";
  std::vector<std::string> logos;
  for (const auto& e : fs::directory_iterator(box.dir() / "logos"))
    logos.push_back("logos/" + e.path().filename().string());
  std::sort(logos.begin(), logos.end());
  for (int i = 0; i < 150; ++i)
    yaml += "  - name: Gemeinde " + std::to_string(i) +
            "\n    logo: " + logos[static_cast<std::size_t>(i) % logos.size()] +
            "\n    commitment: {kind: letter_of_intent, date: 2021-09-28}\n";
  box.write("large.yaml", yaml);
}

// --- data loss and damage --------------------------------------------------------------

TEST(safety_cli, output_naming_an_input_is_refused_and_the_input_survives) {
  Sandbox box;
  copy_project_inputs(box);
  const std::string participants = slurp(box.dir() / "participants.yaml");
  const std::string logo = slurp(box.dir() / "logos/attendorn.svg");
  const std::string layout = slurp(box.dir() / "layouts/rahmenstrategie-a4.yaml");
  for (const std::string& args :
       {std::string("build -o participants.yaml"),
        std::string("build -o ./logos/../participants.yaml"),
        std::string("build -o logos/attendorn.svg"),
        std::string("build -l layouts/rahmenstrategie-a4.yaml -o layouts/rahmenstrategie-a4.yaml"),
        std::string("proof -o participants.yaml"), std::string("proof -o logos/attendorn.svg"),
        std::string("build --report participants.yaml"),
        std::string("proof --previous old.yaml -o old.yaml")}) {
    box.write("old.yaml", participants);
    const Result run = box.run(args);
    EXPECT_EQ(run.exit_code, 2) << args << "\n" << run.err;
    EXPECT_NE(run.err.find("which this run reads; nothing was written"), std::string::npos)
        << args << "\n"
        << run.err;
    EXPECT_EQ(run.out, "") << args;
  }
  EXPECT_EQ(slurp(box.dir() / "participants.yaml"), participants);
  EXPECT_EQ(slurp(box.dir() / "logos/attendorn.svg"), logo);
  EXPECT_EQ(slurp(box.dir() / "layouts/rahmenstrategie-a4.yaml"), layout);
  EXPECT_EQ(slurp(box.dir() / "old.yaml"), participants);
  // A hard link is the same file by another name: caught by device and inode.
  fs::create_hard_link(box.dir() / "participants.yaml", box.dir() / "hard.pdf");
  EXPECT_EQ(box.run("build -o hard.pdf").exit_code, 2);
  EXPECT_EQ(slurp(box.dir() / "participants.yaml"), participants);
}

TEST(safety_cli, outputs_naming_each_other_are_refused) {
  Sandbox box;
  copy_project_inputs(box);
  for (const std::string& args : {std::string("build -o x.pdf --report x.pdf"),
                                  std::string("build -o out/x.pdf --report ./out/x.pdf"),
                                  std::string("build -o prev/page-001.png --png prev"),
                                  std::string("build -o prev --png prev")}) {
    const Result run = box.run(args);
    EXPECT_EQ(run.exit_code, 2) << args << "\n" << run.err;
    EXPECT_NE(run.err.find("name the same file; nothing was written"), std::string::npos)
        << run.err;
  }
  EXPECT_FALSE(fs::exists(box.dir() / "x.pdf"));
  EXPECT_FALSE(fs::exists(box.dir() / "out"));
  EXPECT_FALSE(fs::exists(box.dir() / "prev"));
}

TEST(safety_cli, device_fifo_socket_folder_and_proc_link_at_output_are_refused) {
  Sandbox box;
  copy_project_inputs(box);
  const bool devices = ::mknod((box.dir() / "null").c_str(), S_IFCHR | 0666, makedev(1, 3)) == 0 &&
                       ::mknod((box.dir() / "full").c_str(), S_IFCHR | 0666, makedev(1, 7)) == 0;
  ASSERT_EQ(::mkfifo((box.dir() / "fifo").c_str(), 0644), 0);
  fs::create_directories(box.dir() / "folder.pdf");
  fs::create_symlink("/proc/self/fd/1", box.dir() / "stdout.pdf");
  std::vector<std::string> targets{"fifo", "folder.pdf", "stdout.pdf"};
  if (devices) targets.insert(targets.end(), {"null", "full"});
  for (const std::string& target : targets) {
    for (const std::string option : {"-o", "--report"}) {
      const std::string args = "build " + option + " " + target;
      const Result run = box.run(args);
      EXPECT_EQ(run.exit_code, 2) << args << "\n" << run.err;
      EXPECT_NE(run.err.find("logogrid only replaces regular files"), std::string::npos) << run.err;
    }
  }
  struct stat st {};
  ASSERT_EQ(::lstat((box.dir() / "fifo").c_str(), &st), 0);
  EXPECT_TRUE(S_ISFIFO(st.st_mode));
  ASSERT_EQ(::lstat((box.dir() / "stdout.pdf").c_str(), &st), 0);
  EXPECT_TRUE(S_ISLNK(st.st_mode));
  if (devices) {
    ASSERT_EQ(::lstat((box.dir() / "null").c_str(), &st), 0);
    EXPECT_TRUE(S_ISCHR(st.st_mode));
  }
  // --png must be a folder (or missing).
  EXPECT_EQ(box.run("build --png fifo").exit_code, 2);
}

TEST(safety_cli, symlink_at_output_is_refused_and_link_and_target_stay) {
  Sandbox box;
  copy_project_inputs(box);
  box.write("release.pdf", "the previous release");
  fs::create_symlink("release.pdf", box.dir() / "current.pdf");
  const Result run = box.run("build -o current.pdf");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  EXPECT_NE(run.err.find("is a symbolic link"), std::string::npos) << run.err;
  EXPECT_TRUE(fs::is_symlink(box.dir() / "current.pdf"));
  EXPECT_EQ(slurp(box.dir() / "release.pdf"), "the previous release");
  // Naming the target itself is fine; the link then shows the new file.
  ASSERT_EQ(box.run("build -o release.pdf").exit_code, 0);
  EXPECT_EQ(slurp(box.dir() / "current.pdf").rfind("%PDF-", 0), 0U);
}

// --- a damaged cache: a miss, rebuilt, never a crash or a hang ------------------------

TEST(safety_cli, cache_entry_that_is_a_folder_fifo_or_device_link_is_rebuilt) {
  Sandbox box;
  copy_project_inputs(box);
  ASSERT_EQ(box.run("build -o first.pdf", "SOURCE_DATE_EPOCH=1634256000").exit_code, 0);
  const std::string good = slurp(box.dir() / "first.pdf");
  std::vector<fs::path> entries;
  for (const auto& e : fs::recursive_directory_iterator(box.dir() / ".cache"))
    if (e.is_regular_file()) entries.push_back(e.path());
  std::sort(entries.begin(), entries.end());
  ASSERT_GE(entries.size(), 4U);
  for (const fs::path& entry : entries) fs::remove(entry);
  // Every entry replaced by something hostile, in turn a folder, a FIFO, links to devices.
  for (std::size_t i = 0; i < entries.size(); ++i) {
    switch (i % 4) {
      case 0:
        fs::create_directories(entries[i] / "inside");
        break;
      case 1:
        ASSERT_EQ(::mkfifo(entries[i].c_str(), 0644), 0);
        break;
      case 2:
        fs::create_symlink("/dev/zero", entries[i]);
        break;
      default:
        fs::create_symlink("/dev/urandom", entries[i]);
    }
  }
  const Child child = spawn(box, {"build", "-o", "second.pdf"}, [] {
    ::setenv("SOURCE_DATE_EPOCH", "1634256000", 1);
    ::alarm(60);  // a hang ends as SIGALRM, which the test reports
  });
  const int code = child.wait();
  EXPECT_EQ(code, 0) << slurp(box.dir() / ".stderr");
  EXPECT_EQ(slurp(box.dir() / "second.pdf"), good);
}

// --- abort instead of exit 0/1/2 ---------------------------------------------------------

#if !defined(__SANITIZE_ADDRESS__)
TEST(safety_cli, out_of_memory_is_exit_2_with_a_message_never_an_abort) {
  Sandbox box;
  std::string yaml = "campaign:\n  deadline: 2021-10-15\n  region: none\nparticipants:\n";
  for (int i = 0; i < 10000; ++i)
    yaml += "  - name: Gemeinde " + std::to_string(i) +
            "\n    commitment: {kind: letter_of_intent, date: 2021-09-28}\n";
  box.write("many.yaml", yaml);
  // Limits at which fontconfig has started (below about 110 MB fontconfig itself crashes
  // when an allocation fails while it reads its configuration: not ours to catch) and our
  // own allocations then fail: never an abort (SIGABRT from std::terminate, SIGTRAP from
  // GLib), always exit 2 with the message.
  bool saw_message = false;
  for (const rlim_t megabytes : {120U, 130U, 140U, 260U}) {
    const Child child = spawn(box, {"check", "-p", "many.yaml", "--format", "json"}, [&] {
      const rlimit limit{megabytes << 20, megabytes << 20};
      ::setrlimit(RLIMIT_AS, &limit);
    });
    const int code = child.wait();
    const std::string err = slurp(box.dir() / ".stderr");
    EXPECT_NE(code, 1000 + SIGABRT) << megabytes << " MB: " << err;
    EXPECT_NE(code, 1000 + SIGTRAP) << megabytes << " MB: " << err;
    if (code == 2 && err.find("error: out of memory while ") != std::string::npos)
      saw_message = true;
  }
  EXPECT_TRUE(saw_message);
}
#endif

TEST(safety_cli, file_size_limit_is_exit_2_with_the_reason_and_no_temporary) {
  Sandbox box;
  copy_project_inputs(box);
  ASSERT_EQ(box.run("build -o out/job.pdf").exit_code, 0);  // fills the cache
  const std::string previous = slurp(box.dir() / "out/job.pdf");
  box.write("logos/brilon-copy.svg", "");  // keep the folder listing different from before
  const Child child = spawn(box, {"build", "-o", "out/job.pdf"}, [] {
    ::setenv("SOURCE_DATE_EPOCH", "1", 1);     // other bytes than the first build
    const rlimit limit{60U << 10, 60U << 10};  // 60 KiB: the PDF is larger
    ::setrlimit(RLIMIT_FSIZE, &limit);
  });
  EXPECT_EQ(child.wait(), 2);
  EXPECT_NE(slurp(box.dir() / ".stderr").find("File too large"), std::string::npos)
      << slurp(box.dir() / ".stderr");
  EXPECT_EQ(slurp(box.dir() / "out/job.pdf"), previous);
  EXPECT_EQ(scratch_in(box.dir() / "out"), std::vector<std::string>{});
  EXPECT_EQ(scratch_in(box.dir() / "tmp"), std::vector<std::string>{});
}

// --- success reported while the output is wrong ---------------------------------------

TEST(safety_cli, machine_report_to_a_full_device_is_exit_2) {
  Sandbox box;
  copy_project_inputs(box);
  // A finding, so that every format has something to write (github writes nothing else).
  std::string yaml = slurp(box.dir() / "participants.yaml");
  const std::string from = "date: 2021-09-28";
  yaml.replace(yaml.find(from), from.size(), "date: 2021-10-20");
  box.write("participants.yaml", yaml);
  for (const char* format : {"json", "junit", "github"}) {
    const std::string command = "cd " + shell_quote(box.dir().string()) + " && " +
                                shell_quote(LOGOGRID_BINARY) + " check --format " + format +
                                " >/dev/full 2>.err";
    const int status = std::system(command.c_str());
    ASSERT_TRUE(WIFEXITED(status));
    EXPECT_EQ(WEXITSTATUS(status), 2) << format;
    EXPECT_NE(slurp(box.dir() / ".err")
                  .find("cannot write the report to standard output (No "
                        "space left on device)"),
              std::string::npos)
        << slurp(box.dir() / ".err");
  }
}

TEST(safety_cli, machine_report_to_a_full_disk_is_exit_2) {
  Sandbox box;
  copy_project_inputs(box);
  // A disk with 1 KiB left, as the file size limit gives it (SIGXFSZ is ignored).
  const Child child = spawn(box, {"check", "--format", "json"}, [] {
    const rlimit limit{1024U, 1024U};
    ::setrlimit(RLIMIT_FSIZE, &limit);
  });
  EXPECT_EQ(child.wait(), 2);
  EXPECT_NE(slurp(box.dir() / ".stderr").find("cannot write the report to standard output"),
            std::string::npos);
}

TEST(safety_cli, png_folder_holds_a_fresh_set_after_a_shorter_build) {
  Sandbox box;
  copy_project_inputs(box);
  std::string layout = slurp(box.dir() / "layouts/rahmenstrategie-a4.yaml");
  const auto rows = layout.find("rows:");
  ASSERT_NE(rows, std::string::npos);
  layout.replace(rows, layout.find('\n', rows) - rows, "rows: 1");
  box.write("layouts/one-row.yaml", layout);
  ASSERT_EQ(box.run("build -l layouts/one-row.yaml --png preview").exit_code, 0);
  EXPECT_EQ(
      names_in(box.dir() / "preview"),
      (std::vector<std::string>{"page-001.png", "page-002.png", "page-003.png", "page-004.png"}));
  box.write("preview/notes.txt", "mine");
  ASSERT_EQ(box.run("build --png preview").exit_code, 0);
  EXPECT_EQ(names_in(box.dir() / "preview"),
            (std::vector<std::string>{"notes.txt", "page-001.png"}));
}

TEST(safety_cli, previous_that_is_not_a_participants_file_gets_the_no_comparison_notice) {
  Sandbox box;
  copy_project_inputs(box);
  for (const char* previous : {"layouts/rahmenstrategie-a4.yaml", "logos/attendorn.svg"}) {
    const Result run = box.run(std::string("proof -o p.pdf --previous ") + previous);
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_NE(run.err.find("is not a participants file (it has no `participants:` list)"),
              std::string::npos)
        << run.err;
    // The appendix says so instead of tagging every entry NEU.
    const std::string text = [&] {
      std::string out;
      if (FILE* pipe = popen(
              ("pdftotext " + shell_quote((box.dir() / "p.pdf").string()) + " -").c_str(), "r")) {
        char buffer[4096];
        std::size_t n = 0;
        while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) out.append(buffer, n);
        pclose(pipe);
      }
      return out;
    }();
    EXPECT_NE(text.find("Kein Vergleich"), std::string::npos);
    EXPECT_EQ(text.find("NEU"), std::string::npos);
  }
}

TEST(safety_cli, caption_and_title_characters_without_glyph_fallback_and_control) {
  Sandbox box;
  copy_project_inputs(box);
  std::string yaml = slurp(box.dir() / "participants.yaml");
  const auto replace = [&](const std::string& from, const std::string& to) {
    const auto at = yaml.find(from);
    ASSERT_NE(at, std::string::npos) << from;
    yaml.replace(at, from.size(), to);
  };
  replace("caption: Hansestadt Attendorn", "caption: \"Hansestadt \xE4\xB8\x80 Attendorn\"");
  replace("title: Unsere Mitmacherkommunen", "title: \"Unsere \xF0\x9D\x90\x80 Kommunen\"");
  box.write("glyphs.yaml", yaml);
  const Result run = box.run("check -p glyphs.yaml");
  EXPECT_EQ(run.exit_code, 0) << run.err;  // warnings
  EXPECT_NE(
      run.err.find("warning[caption-glyph-missing]: Attendorn: caption \"Hansestadt \xE4\xB8\x80 "
                   "Attendorn\": U+4E00 (character 12) has no glyph in any installed font"),
      std::string::npos)
      << run.err;
  EXPECT_NE(
      run.err.find("warning[caption-font-fallback]: title \"Unsere \xF0\x9D\x90\x80 Kommunen\": "
                   "U+1D400 (character 8) is not in DejaVu Sans; it prints in "),
      std::string::npos)
      << run.err;
  EXPECT_EQ(box.run("check -p glyphs.yaml --strict").exit_code, 1);

  replace("title: \"Unsere \xF0\x9D\x90\x80 Kommunen\"", "title: \"Unsere\\0Kommunen\"");
  replace("caption: \"Hansestadt \xE4\xB8\x80 Attendorn\"", "caption: \"Hanse\\tstadt\"");
  box.write("control.yaml", yaml);
  const Result control = box.run("check -p control.yaml");
  EXPECT_EQ(control.exit_code, 1);
  EXPECT_NE(control.err.find("error[schema-type]: `campaign.title` contains the control "
                             "character U+0000 (character 7)"),
            std::string::npos)
      << control.err;
  EXPECT_NE(control.err.find("error[schema-type]: Attendorn: `caption` contains the control "
                             "character U+0009 (character 6)"),
            std::string::npos)
      << control.err;
}

// --- leftovers and slowness ------------------------------------------------------------

class interrupted : public ::testing::TestWithParam<int> {};

TEST_P(interrupted, build_removes_its_scratch_and_exits_128_plus_signal) {
  const int signal_number = GetParam();
  Sandbox box;
  copy_project_inputs(box);
  write_large_job(box);
  box.write("out/large.pdf", "the last good PDF");
  const Child child = spawn(box, {"build", "--no-cache", "-p", "large.yaml", "-j", "1"});
  // Wait for the fragments folder (scratch exists), then interrupt.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (scratch_in(box.dir() / "tmp").empty() && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(2));
  ASSERT_FALSE(scratch_in(box.dir() / "tmp").empty()) << "the build never made scratch";
  ::kill(child.pid, signal_number);
  EXPECT_EQ(child.wait(), 128 + signal_number) << slurp(box.dir() / ".stderr");
  EXPECT_EQ(scratch_in(box.dir() / "tmp"), std::vector<std::string>{});
  EXPECT_EQ(scratch_in(box.dir() / "out"), std::vector<std::string>{});
  EXPECT_EQ(slurp(box.dir() / "out/large.pdf"), "the last good PDF");
}

INSTANTIATE_TEST_SUITE_P(safety_cli, interrupted, ::testing::Values(SIGINT, SIGTERM, SIGHUP));

TEST(safety_cli, stale_scratch_of_dead_runs_is_removed_and_live_runs_are_left_alone) {
  Sandbox box;
  copy_project_inputs(box);
  const std::string dead = std::to_string(dead_pid());
  const std::string alive = std::to_string(::getpid());
  fs::create_directories(box.dir() / "tmp" / ("logogrid-fragments-" + dead + "-aB3dE9"));
  box.write("tmp/logogrid-fragments-" + dead + "-aB3dE9/0", "fragment");
  fs::create_directories(box.dir() / "tmp" / ("logogrid-fragments-" + alive + "-aB3dE9"));
  box.write("out/.participants.pdf.tmp-" + dead + "-Zz0011", "partial");
  box.write("out/.participants.pdf.tmp-" + alive + "-Zz0011", "being written");
  box.write("out/.notes.tmp-keep", "not ours");
  const Child child = spawn(box, {"build"});
  ASSERT_EQ(child.wait(), 0) << slurp(box.dir() / ".stderr");
  EXPECT_EQ(names_in(box.dir() / "tmp"),
            std::vector<std::string>{"logogrid-fragments-" + alive + "-aB3dE9"});
  EXPECT_EQ(
      names_in(box.dir() / "out"),
      (std::vector<std::string>{".notes.tmp-keep", ".participants.pdf.tmp-" + alive + "-Zz0011",
                                "participants.pdf"}));
}

TEST(safety_cli, caption_without_spaces_of_20000_characters_in_under_a_second) {
  Sandbox box;
  copy_project_inputs(box);
  std::string yaml = slurp(box.dir() / "participants.yaml");
  const std::string from = "caption: Hansestadt Attendorn";
  yaml.replace(yaml.find(from), from.size(), "caption: " + std::string(20000, 'x'));
  box.write("long.yaml", yaml);
  ASSERT_EQ(box.run("build -o warm.pdf").exit_code, 0);  // font and logo caches warm
  const auto timed = [&](const std::string& args, Result& run) {
    const auto start = std::chrono::steady_clock::now();
    run = box.run(args);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  };
  Result normal, run;
  const double normal_seconds = timed("build -o normal.pdf", normal);
  const double seconds = timed("build -p long.yaml -o long.pdf", run);
  EXPECT_EQ(run.exit_code, 0) << run.err.substr(0, 400);
  EXPECT_NE(run.err.find("warning[caption-overflow]"), std::string::npos);
  // With the quadratic fit the build (which plans twice) took 70 s; now the caption adds
  // about half a second on an idle machine (the margin is for a loaded CI runner).
  EXPECT_LT(seconds, normal_seconds + 2.0) << "normal build: " << normal_seconds << " s";
}

TEST(safety_cli, name_unknown_shows_invisible_characters_escaped) {
  Sandbox box;
  copy_project_inputs(box);
  std::string yaml = slurp(box.dir() / "participants.yaml");
  const std::string from = "- name: Siegen";
  yaml.replace(yaml.find(from), from.size(), "- name: \"Sie\xE2\x80\x8Bgen\"");
  box.write("zw.yaml", yaml);
  const Result run = box.run("check -p zw.yaml");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("error[name-unknown]: `Sie\\u200Bgen` is not a municipality"),
            std::string::npos)
      << run.err;
  EXPECT_EQ(run.err.find("Sie\xE2\x80\x8Bgen"), std::string::npos);
}

TEST(safety_cli, ten_thousand_duplicates_print_capped_messages) {
  Sandbox box;
  std::string yaml = "campaign:\n  deadline: 2021-10-15\nparticipants:\n";
  for (int i = 0; i < 10000; ++i)
    yaml += "  - name: Attendorn\n    commitment: {kind: letter_of_intent, date: 2021-09-28}\n";
  box.write("dups.yaml", yaml);
  const Result run = box.run("check -p dups.yaml");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(
      run.err.find(
          "Attendorn is listed more than once (also at line 6, 8, 10, 12, 14, and 9994 more)"),
      std::string::npos)
      << run.err.substr(0, 600);
  EXPECT_LT(run.err.size(), 3U << 20);  // was 13 MB
}

TEST(safety_cli, output_name_of_250_characters_is_written) {
  Sandbox box;
  copy_project_inputs(box);
  const std::string name = std::string(246, 'a') + ".pdf";
  const Result run = box.run("build -o " + name);
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(fs::exists(box.dir() / name));
  EXPECT_EQ(scratch_in(box.dir()), std::vector<std::string>{});
}

}  // namespace
}  // namespace logogrid::cli

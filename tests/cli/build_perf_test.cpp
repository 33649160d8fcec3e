// build's parallel and cached paths must give exactly the bytes of a single-threaded,
// uncached build; a damaged or foreign cache entry must be rebuilt, never trusted.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "cli_support.hpp"

namespace logogrid::cli {
namespace {

namespace fs = std::filesystem;

const std::string kEpoch = "SOURCE_DATE_EPOCH=1634256000";

// A generated set of 40 logos (28 SVG of varied complexity, 12 PNG with and without alpha).
void generate_set(const Sandbox& box) {
  const fs::path generator = fs::path(LOGOGRID_FIXTURES) / ".." / ".." / "bench" / "generate";
  const std::string command = "python3 " + shell_quote(generator.string()) + " 40 " +
                              shell_quote(box.dir().string()) + " >/dev/null 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
}

std::string build(const Sandbox& box, const std::string& out, const std::string& options) {
  const Result r = box.run("build -p participants.yaml -o " + out + " " + options, kEpoch);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  return slurp(box.dir() / out);
}

std::map<fs::path, std::string> entries(const fs::path& cache) {
  std::map<fs::path, std::string> found;
  for (const auto& e : fs::recursive_directory_iterator(cache))
    if (e.is_regular_file()) found[e.path()] = slurp(e.path());
  return found;
}

TEST(build_perf, parallel_and_cached_builds_match_single_threaded_uncached) {
  Sandbox box;
  generate_set(box);
  const std::string reference = build(box, "single.pdf", "--jobs 1 --no-cache");
  ASSERT_GT(reference.size(), 1000u);
  EXPECT_EQ(build(box, "parallel.pdf", "--jobs 2 --no-cache"), reference);
  EXPECT_EQ(build(box, "primed.pdf", "--jobs 2 --cache cache"), reference);
  EXPECT_FALSE(entries(box.dir() / "cache").empty());
  EXPECT_EQ(build(box, "warm.pdf", "--jobs 2 --cache cache"), reference);
  EXPECT_EQ(build(box, "warm1.pdf", "--jobs 1 --cache cache"), reference);
}

TEST(build_perf, damaged_cache_entries_are_rebuilt) {
  Sandbox box;
  generate_set(box);
  const std::string reference = build(box, "reference.pdf", "--jobs 1 --no-cache");
  build(box, "primed.pdf", "--cache cache");
  const auto good = entries(box.dir() / "cache");
  ASSERT_GE(good.size(), 4u);
  // Damage every entry in a different way: a flipped payload byte, a cut-off tail, a
  // foreign file, an entry of another key, an empty file.
  int n = 0;
  for (const auto& [path, bytes] : good) {
    std::string damaged = bytes;
    switch (n++ % 5) {
      case 0:
        damaged[damaged.size() - 10] = static_cast<char>(damaged[damaged.size() - 10] ^ 0x20);
        break;
      case 1:
        damaged.resize(damaged.size() / 2);
        break;
      case 2:
        damaged = "%PDF-1.5\nnot a cache entry\n";
        break;
      case 3:
        damaged = good.begin()->second;
        break;
      case 4:
        damaged.clear();
        break;
    }
    if (damaged == bytes) damaged += "x";
    std::ofstream(path, std::ios::binary | std::ios::trunc) << damaged;
  }
  EXPECT_EQ(build(box, "after-damage.pdf", "--cache cache"), reference);
  EXPECT_EQ(entries(box.dir() / "cache"), good);  // every entry rebuilt as it was
}

TEST(build_perf, uncached_build_removes_its_scratch_fragments) {
  Sandbox box;
  generate_set(box);
  fs::create_directories(box.dir() / "tmp");
  const Result r = box.run("build -p participants.yaml -o out.pdf --no-cache",
                           "TMPDIR=" + shell_quote((box.dir() / "tmp").string()) + " " + kEpoch);
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_TRUE(fs::is_empty(box.dir() / "tmp"));
  EXPECT_FALSE(fs::exists(box.dir() / ".cache" / "logogrid"));
}

TEST(build_perf, no_progress_when_stdout_is_not_a_terminal) {
  Sandbox box;
  generate_set(box);
  const Result r = box.run("build -p participants.yaml -o out.pdf --no-cache", kEpoch);
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.err.find("logos "), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("\r"), std::string::npos);
}

// On a terminal (script(1) provides one) the line counts logos and pages, and is erased
// before the summary, which starts on a clean line.
TEST(build_perf, progress_on_a_terminal_is_erased_before_the_summary) {
  Sandbox box;
  generate_set(box);
  const std::string typescript = (box.dir() / "typescript").string();
  const std::string command = "cd " + shell_quote(box.dir().string()) + " && script -qec " +
                              shell_quote(std::string(LOGOGRID_BINARY) +
                                          " build -p participants.yaml -o out.pdf --no-cache") +
                              " /dev/null > " + shell_quote(typescript) + " 2>&1";
  ASSERT_EQ(std::system(command.c_str()), 0);
  const std::string screen = slurp(typescript);
  EXPECT_NE(screen.find("logos 40/40"), std::string::npos) << screen;
  EXPECT_NE(screen.find("pages 2/2"), std::string::npos) << screen;
  EXPECT_NE(screen.find("\r\033[Kparticipants.yaml:"), std::string::npos) << screen;
  EXPECT_NE(screen.find("\r\033[Kbuild: 2 pages"), std::string::npos) << screen;
}

}  // namespace
}  // namespace logogrid::cli

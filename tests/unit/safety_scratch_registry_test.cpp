// Scratch names: within NAME_MAX however long the output name, with the process id where
// the next run looks for it; stale scratch removed only when its process is gone.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <climits>
#include <filesystem>
#include <fstream>

#include "safety/scratch_registry.hpp"
#include "test_support.hpp"

namespace logogrid {
namespace {

TEST(scratch_registry, pattern_stays_within_name_max_and_keeps_marker_and_pid) {
  const std::string stem = "." + std::string(300, 'a') + "\xC3\xA4.pdf";
  const std::string pattern = scratch_pattern("/some/folder", stem, kAtomicTempMarker);
  const std::string name = std::filesystem::path(pattern).filename().string();
  EXPECT_LE(name.size(), static_cast<std::size_t>(NAME_MAX));
  EXPECT_NE(name.find(std::string(kAtomicTempMarker) + std::to_string(::getpid()) + "-XXXXXX"),
            std::string::npos);
  EXPECT_EQ(scratch_pattern("out", ".a.pdf", kAtomicTempMarker),
            "out/.a.pdf.tmp-" + std::to_string(::getpid()) + "-XXXXXX");
}

TEST(scratch_registry, stale_scratch_of_a_dead_process_is_removed_only) {
  testing::TempDir dir;
  const pid_t dead = ::fork();
  if (dead == 0) ::_exit(0);
  int status = 0;
  ::waitpid(dead, &status, 0);
  const std::string gone = std::to_string(dead), alive = std::to_string(::getpid());
  for (const std::string& name :
       std::vector<std::string>{".x.pdf.tmp-" + gone + "-abcdef", ".x.pdf.tmp-" + alive + "-abcdef",
                                ".x.pdf.tmp-" + gone + "-abc", "x.pdf"})
    std::ofstream(dir.file(name)) << "x";
  std::filesystem::create_directories(dir.file("logogrid-fragments-" + gone + "-abcdef/sub"));
  remove_stale_scratch(dir.path());
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(dir.path()))
    left.push_back(e.path().filename().string());
  std::sort(left.begin(), left.end());
  EXPECT_EQ(left, (std::vector<std::string>{".x.pdf.tmp-" + alive + "-abcdef",
                                            ".x.pdf.tmp-" + gone + "-abc", "x.pdf"}));
}

}  // namespace
}  // namespace logogrid

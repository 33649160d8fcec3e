// AtomicFile: complete files appear at once; failures leave the old file and no temporary.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>

#include "diag/fatal_error.hpp"
#include "finish/atomic_file.hpp"
#include "test_support.hpp"

namespace logogrid {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

using testing::read_all;

TEST(atomic_file, writes_and_replaces) {
  TempDir dir;
  write_file_atomically(dir.file("out.pdf"), "first");
  write_file_atomically(dir.file("out.pdf"), "second");
  EXPECT_EQ(read_all(dir.file("out.pdf")), "second");
  EXPECT_EQ(dir.entries(), 1u);
  struct stat st {};
  ASSERT_EQ(::stat(dir.file("out.pdf").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0644u);  // not mkstemp's 0600
}

TEST(atomic_file, target_is_untouched_until_commit) {
  TempDir dir;
  write_file_atomically(dir.file("out.pdf"), "old");
  AtomicFile file(dir.file("out.pdf"));
  file.write("new, half");
  EXPECT_EQ(read_all(dir.file("out.pdf")), "old");
  EXPECT_TRUE(fs::exists(file.temp_path()));
  EXPECT_EQ(fs::path(file.temp_path()).parent_path(), dir.path());
  file.commit();
  EXPECT_EQ(read_all(dir.file("out.pdf")), "new, half");
  EXPECT_EQ(dir.entries(), 1u);
}

TEST(atomic_file, abandoned_write_leaves_old_file_and_no_temporary) {
  TempDir dir;
  write_file_atomically(dir.file("out.pdf"), "old");
  try {
    AtomicFile file(dir.file("out.pdf"));
    file.write("partial");
    throw std::runtime_error("rendering failed");
  } catch (const std::runtime_error&) {
  }
  EXPECT_EQ(read_all(dir.file("out.pdf")), "old");
  EXPECT_EQ(dir.entries(), 1u);
}

TEST(atomic_file, failed_rename_leaves_target_and_no_temporary) {
  TempDir dir;
  fs::create_directory(dir.file("out.pdf"));  // a folder where the file should go
  std::ofstream(dir.file("out.pdf/keep")) << "x";
  EXPECT_THROW(write_file_atomically(dir.file("out.pdf"), "data"), FatalError);
  EXPECT_TRUE(fs::is_directory(dir.file("out.pdf")));
  EXPECT_EQ(read_all(dir.file("out.pdf/keep")), "x");
  EXPECT_EQ(dir.entries(), 1u);
}

TEST(atomic_file, missing_folder_is_fatal_with_the_path_in_the_message) {
  TempDir dir;
  try {
    write_file_atomically(dir.file("no/such/out.pdf"), "data");
    FAIL() << "no exception";
  } catch (const FatalError& e) {
    EXPECT_NE(std::string(e.what()).find("no/such/out.pdf"), std::string::npos) << e.what();
  }
  EXPECT_EQ(dir.entries(), 0u);
}

TEST(atomic_file, temporary_names_are_unique) {
  TempDir dir;
  AtomicFile a(dir.file("out.pdf"));
  AtomicFile b(dir.file("out.pdf"));
  EXPECT_NE(a.temp_path(), b.temp_path());
}

TEST(atomic_file, keeps_the_mode_of_the_file_it_replaces) {
  TempDir dir;
  write_file_atomically(dir.file("out.pdf"), "old");
  ASSERT_EQ(::chmod(dir.file("out.pdf").c_str(), 0664), 0);
  write_file_atomically(dir.file("out.pdf"), "new");
  struct stat st {};
  ASSERT_EQ(::stat(dir.file("out.pdf").c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0664u);
}

}  // namespace
}  // namespace logogrid

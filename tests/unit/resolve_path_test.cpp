// resolve_logo's file-system checks: inside the root, existing, within the byte limit,
// read once; each test works in a fresh temp folder.
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "resolve/logo.hpp"

namespace logogrid {
namespace {

namespace fs = std::filesystem;

const std::string kSvg = R"(<svg xmlns="http://www.w3.org/2000/svg" width="20" height="10">)"
                         R"(<rect x="5" y="2" width="10" height="6"/></svg>)";

class resolve_path : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string pattern = (fs::temp_directory_path() / "logogrid-path-XXXXXX").string();
    ASSERT_NE(mkdtemp(pattern.data()), nullptr);
    top_ = pattern;
    root_ = top_ / "campaign";
    fs::create_directories(root_ / "logos");
  }
  void TearDown() override { fs::remove_all(top_); }

  void write(const fs::path& file, const std::string& bytes) {
    fs::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << bytes;
  }

  std::optional<Logo> resolve(const std::string& path, Diagnostics& d, bool as_warnings = false) {
    LogoRequest r;
    r.folder = root_.string();
    r.path = path;
    r.participants_file = "campaign/participants.yaml";
    r.pos = {30, 11};
    r.participant = "Werl";
    r.as_warnings = as_warnings;
    return resolve_logo(r, d);
  }

  static const Diagnostic& only(const Diagnostics& d) {
    EXPECT_EQ(d.items().size(), 1u);
    return d.items().front();
  }

  fs::path top_;
  fs::path root_;
};

TEST_F(resolve_path, reads_logo_inside_the_folder) {
  write(root_ / "logos/werl.svg", kSvg);
  Diagnostics d;
  const auto logo = resolve("logos/werl.svg", d);
  ASSERT_TRUE(logo);
  EXPECT_TRUE(d.items().empty());
  EXPECT_EQ(logo->path, "logos/werl.svg");
  EXPECT_EQ(logo->bytes, kSvg);
  EXPECT_TRUE(fs::equivalent(logo->file, root_ / "logos/werl.svg"));
}

TEST_F(resolve_path, dot_segments_that_stay_inside_are_fine) {
  write(root_ / "logos/werl.svg", kSvg);
  Diagnostics d;
  EXPECT_TRUE(resolve("./logos/../logos/werl.svg", d));
}

TEST_F(resolve_path, missing_file_names_the_path_and_how_to_fix_it) {
  Diagnostics d;
  EXPECT_FALSE(resolve("logos/wrel.svg", d));
  const Diagnostic& diag = only(d);
  EXPECT_EQ(diag.code, "logo-missing");
  EXPECT_EQ(diag.severity, Severity::error);
  EXPECT_EQ(diag.message, "logos/wrel.svg does not exist");
  EXPECT_EQ(diag.file, "campaign/participants.yaml");
  EXPECT_EQ(diag.pos, (Position{30, 11}));
  EXPECT_EQ(diag.participant, "Werl");
  ASSERT_FALSE(diag.hints.empty());
  EXPECT_NE(diag.hints.front().find("spelling"), std::string::npos);
}

TEST_F(resolve_path, missing_file_of_excluded_entry_is_a_warning) {
  Diagnostics d;
  EXPECT_FALSE(resolve("logos/wrel.svg", d, true));
  EXPECT_EQ(only(d).severity, Severity::warning);
}

TEST_F(resolve_path, folder_is_not_a_logo) {
  Diagnostics d;
  EXPECT_FALSE(resolve("logos", d));
  EXPECT_EQ(only(d).code, "logo-missing");
}

TEST_F(resolve_path, refuses_absolute_path) {
  write(root_ / "logos/werl.svg", kSvg);
  Diagnostics d;
  EXPECT_FALSE(resolve((root_ / "logos/werl.svg").string(), d));
  EXPECT_EQ(only(d).code, "logo-outside-root");
}

TEST_F(resolve_path, refuses_dot_dot_leaving_the_folder) {
  write(top_ / "elsewhere.svg", kSvg);
  Diagnostics d;
  EXPECT_FALSE(resolve("logos/../../elsewhere.svg", d));
  EXPECT_EQ(only(d).code, "logo-outside-root");
}

TEST_F(resolve_path, refuses_symlink_leaving_the_folder) {
  write(top_ / "elsewhere.svg", kSvg);
  fs::create_symlink(top_ / "elsewhere.svg", root_ / "logos/werl.svg");
  Diagnostics d;
  EXPECT_FALSE(resolve("logos/werl.svg", d));
  EXPECT_EQ(only(d).code, "logo-outside-root");
}

TEST_F(resolve_path, refuses_symlinked_folder_leaving_the_folder) {
  write(top_ / "shared/werl.svg", kSvg);
  fs::create_directory_symlink(top_ / "shared", root_ / "shared");
  Diagnostics d;
  EXPECT_FALSE(resolve("shared/werl.svg", d));
  EXPECT_EQ(only(d).code, "logo-outside-root");
}

TEST_F(resolve_path, accepts_symlink_within_the_folder) {
  write(root_ / "art/werl-final.svg", kSvg);
  fs::create_symlink(root_ / "art/werl-final.svg", root_ / "logos/werl.svg");
  Diagnostics d;
  EXPECT_TRUE(resolve("logos/werl.svg", d));
  EXPECT_TRUE(d.items().empty());
}

TEST_F(resolve_path, refuses_file_over_20_mib_before_reading_it) {
  const fs::path file = root_ / "logos/huge.png";
  write(file, "\x89PNG\r\n\x1a\n");
  fs::resize_file(file, kMaxLogoBytes + 1);  // sparse: no 20 MiB written
  Diagnostics d;
  EXPECT_FALSE(resolve("logos/huge.png", d));
  const Diagnostic& diag = only(d);
  EXPECT_EQ(diag.code, "logo-too-large");
  EXPECT_NE(diag.message.find("the limit is 20 MiB"), std::string::npos) << diag.message;
}

TEST_F(resolve_path, file_of_exactly_20_mib_is_read) {
  // Metadata in 1 MiB pieces (libxml2 limits single text nodes to 10 MB, as librsvg does).
  std::string bytes = kSvg.substr(0, kSvg.size() - std::string("</svg>").size());
  const std::string open = "<desc>", close = "</desc>", end = "</svg>";
  while (bytes.size() < kMaxLogoBytes - end.size()) {
    const std::size_t room = kMaxLogoBytes - end.size() - bytes.size();
    ASSERT_GT(room, open.size() + close.size());
    const std::size_t text = std::min<std::size_t>(room - open.size() - close.size(), 1u << 20);
    bytes += open + std::string(text, 'x') + close;
  }
  bytes += end;
  ASSERT_EQ(bytes.size(), kMaxLogoBytes);
  write(root_ / "logos/big.svg", bytes);
  Diagnostics d;
  EXPECT_TRUE(resolve("logos/big.svg", d)) << (d.items().empty() ? "" : d.items()[0].message);
}

TEST_F(resolve_path, jpeg_named_png_is_unsupported) {
  write(root_ / "logos/werl.png", std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF\x00", 11));
  Diagnostics d;
  EXPECT_FALSE(resolve("logos/werl.png", d));
  const Diagnostic& diag = only(d);
  EXPECT_EQ(diag.code, "logo-unsupported");
  EXPECT_NE(diag.message.find("JPEG"), std::string::npos);
  ASSERT_FALSE(diag.hints.empty());
  EXPECT_NE(diag.hints.front().find("SVG"), std::string::npos);
}

TEST_F(resolve_path, svg_named_png_is_read_as_svg) {
  write(root_ / "logos/werl.png", kSvg);
  Diagnostics d;
  const auto logo = resolve("logos/werl.png", d);
  ASSERT_TRUE(logo);
  EXPECT_EQ(logo->format, LogoFormat::svg);
}

TEST_F(resolve_path, fifo_does_not_block) {
  ASSERT_EQ(mkfifo((root_ / "logos/pipe.svg").c_str(), 0600), 0);
  Diagnostics d;
  EXPECT_FALSE(resolve("logos/pipe.svg", d));
  EXPECT_EQ(only(d).code, "logo-missing");
}

TEST_F(resolve_path, unsupported_formats_say_what_they_look_like) {
  const std::pair<std::string, std::string> cases[] = {
      {"GIF89a\x01\x00", "GIF"}, {"%PDF-1.4\n", "PDF"}, {"", "empty"}, {"hello", "neither"}};
  for (const auto& [bytes, expected] : cases) {
    write(root_ / "logos/x.svg", bytes);
    Diagnostics d;
    EXPECT_FALSE(resolve("logos/x.svg", d));
    EXPECT_EQ(only(d).code, "logo-unsupported");
    EXPECT_NE(only(d).message.find(expected), std::string::npos) << only(d).message;
  }
}

}  // namespace
}  // namespace logogrid

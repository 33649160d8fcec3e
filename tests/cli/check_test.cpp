// `logogrid check` through the real binary: every diagnostic code from a fixture
// (tests/fixtures/check/<case>.yaml with <case>.expect), the formats and the exit codes.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sstream>

#include "cli_support.hpp"

namespace logogrid::cli {
namespace {

struct Expected {
  int exit_code = 0;
  struct Finding {
    std::string code;
    int line = 0;
    int column = 0;
    std::string severity;
  };
  std::vector<Finding> findings;
};

Expected read_expect(const std::filesystem::path& file) {
  Expected e;
  std::istringstream in(slurp(file));
  std::string word;
  in >> word >> e.exit_code;
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    Expected::Finding f;
    if (fields >> f.code >> f.line >> f.column) {
      fields >> f.severity;
      e.findings.push_back(f);
    }
  }
  return e;
}

std::vector<std::string> fixture_cases() {
  std::vector<std::string> cases;
  for (const auto& entry : std::filesystem::directory_iterator(fixture("check")))
    if (entry.path().extension() == ".expect") cases.push_back(entry.path().stem().string());
  std::sort(cases.begin(), cases.end());
  return cases;
}

class check_fixture : public ::testing::TestWithParam<std::string> {};

TEST_P(check_fixture, reports_expected_codes_at_expected_positions) {
  Sandbox box;
  box.copy_from(fixture("check"));
  const Expected expected = read_expect(fixture("check") / (GetParam() + ".expect"));
  const Result run = box.run("check --format json -p " + GetParam() + ".yaml");
  ASSERT_EQ(run.exit_code, expected.exit_code) << run.out << run.err;
  const auto report = nlohmann::json::parse(run.out);
  for (const auto& f : expected.findings) {
    bool found = false;
    for (const auto& d : report["diagnostics"]) {
      found = found || (d["code"] == f.code && d["line"] == f.line && d["column"] == f.column &&
                        (f.severity.empty() || d["severity"] == f.severity));
    }
    EXPECT_TRUE(found) << f.code << " at " << f.line << ":" << f.column << " missing in\n"
                       << report["diagnostics"].dump(1);
  }
  if (expected.findings.empty()) {
    EXPECT_EQ(report["summary"]["warnings"], 0) << run.out;
  }
}

INSTANTIATE_TEST_SUITE_P(cases, check_fixture, ::testing::ValuesIn(fixture_cases()),
                         [](const ::testing::TestParamInfo<std::string>& param_info) {
                           std::string name = param_info.param;
                           for (char& c : name)
                             if (c == '-') c = '_';
                           return name;
                         });

TEST(check_cli, text_format_is_compiler_style_with_hints) {
  Sandbox box;
  box.copy_from(fixture("check"));
  const Result run = box.run("check -p deadline-boundary.yaml");
  EXPECT_EQ(run.exit_code, 0);
  EXPECT_TRUE(run.out.empty());
  EXPECT_NE(run.err.find("deadline-boundary.yaml:9:48: warning[commitment-late]: Hemer: letter "
                         "of intent of 2021-10-16 is after the deadline 2021-10-15"),
            std::string::npos)
      << run.err;
  EXPECT_NE(run.err.find("\n    hint: only commitments dated on or before 2021-10-15 qualify"),
            std::string::npos);
}

TEST(check_cli, strict_turns_warnings_into_exit_1_without_changing_severity) {
  Sandbox box;
  box.copy_from(fixture("check"));
  const Result run = box.run("check --strict --format json -p deadline-boundary.yaml");
  EXPECT_EQ(run.exit_code, 1);
  const auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["diagnostics"][0]["severity"], "warning");
  EXPECT_EQ(report["summary"]["excluded"], 1);
}

TEST(check_cli, json_report_lists_participants_with_status) {
  Sandbox box;
  box.copy_from(fixture("check"));
  const Result run = box.run("check --format json -p clean.yaml");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["tool"], "logogrid");
  EXPECT_EQ(report["deadline"], "2021-10-15");
  EXPECT_EQ(report["summary"]["included"], 3);
  const auto& werl = report["participants"][2];
  EXPECT_EQ(werl["name"], "Werl");
  EXPECT_EQ(werl["ags"], "05974052");
  EXPECT_EQ(werl["status"], "included");
  EXPECT_EQ(werl["line"], 10);
  EXPECT_EQ(werl["commitment"]["kind"], "letter_of_intent");
  EXPECT_EQ(werl["logo"]["format"], "png");
  EXPECT_GE(werl["logo"]["effective_ppi"].get<double>(), 300);
  EXPECT_TRUE(report["participants"][0]["logo"]["effective_ppi"].is_null());
}

TEST(check_cli, junit_has_one_testcase_per_participant_and_failures_for_errors) {
  Sandbox box;
  box.copy_from(fixture("check"));
  const Result run = box.run("check --format junit -p logo-corrupt.yaml");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.out.find("<testsuite name=\"logogrid check\" tests=\"3\" failures=\"2\""),
            std::string::npos)
      << run.out;
  EXPECT_NE(run.out.find("<testcase classname=\"logo-corrupt.yaml\" name=\"Brilon\">"),
            std::string::npos);
  EXPECT_NE(run.out.find("<failure type=\"logo-corrupt\""), std::string::npos);
}

TEST(check_cli, github_format_annotates_file_line_col) {
  Sandbox box;
  box.copy_from(fixture("check"));
  const Result run = box.run("check --format github -p logo-missing.yaml");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(run.out.rfind("::error file=logo-missing.yaml,line=5,col=11,title=logo-missing::", 0),
            0u)
      << run.out;
  EXPECT_NE(run.out.find("%0Ahint: "), std::string::npos);
}

TEST(check_cli, unreadable_participants_file_is_exit_2_with_empty_stdout) {
  Sandbox box;
  const Result run = box.run("check --format json -p nowhere.yaml");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_TRUE(run.out.empty());
  EXPECT_NE(run.err.find("nowhere.yaml"), std::string::npos);
}

TEST(check_cli, usage_errors_are_exit_2) {
  Sandbox box;
  EXPECT_EQ(box.run("check --format xml").exit_code, 2);
  EXPECT_EQ(box.run("check --frobnicate").exit_code, 2);
  EXPECT_EQ(box.run("").exit_code, 2);
  EXPECT_EQ(box.run("paint").exit_code, 2);
  EXPECT_EQ(box.run("build --dpi 0").exit_code, 2);
}

TEST(check_cli, help_and_version) {
  Sandbox box;
  const Result version = box.run("--version");
  EXPECT_EQ(version.exit_code, 0);
  EXPECT_NE(version.out.find("logogrid 0.1.0"), std::string::npos);
  EXPECT_NE(box.run("--help").out.find("check"), std::string::npos);
  for (const char* command : {"check --help", "build --help", "proof --help"}) {
    const Result help = box.run(command);
    EXPECT_EQ(help.exit_code, 0) << command;
    EXPECT_NE(help.out.find("--participants"), std::string::npos) << command << help.out;
  }
}

TEST(check_cli, defaults_to_participants_yaml_in_current_folder) {
  Sandbox box;
  box.copy_from(fixture("check"));
  std::filesystem::copy_file(box.dir() / "clean.yaml", box.dir() / "participants.yaml");
  const Result run = box.run("check");
  EXPECT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("3 included"), std::string::npos) << run.err;
}

TEST(check_cli, symlink_leaving_the_folder_is_outside_root) {
  Sandbox box;
  box.copy_from(fixture("check"));
  std::filesystem::create_symlink("/etc/hostname", box.dir() / "logos" / "escape.svg");
  box.write("p.yaml",
            "campaign: {deadline: 2021-10-15}\nparticipants:\n  - name: Brilon\n"
            "    logo: logos/escape.svg\n"
            "    commitment: {kind: letter_of_intent, date: 2021-09-01}\n");
  const Result run = box.run("check --format json -p p.yaml");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(run.out)["diagnostics"][0]["code"], "logo-outside-root");
}

TEST(check_cli, logo_over_20_mib_is_refused_before_reading) {
  Sandbox box;
  box.copy_from(fixture("check"));
  std::filesystem::copy_file(box.dir() / "logos" / "shield.svg", box.dir() / "logos" / "big.svg");
  std::filesystem::resize_file(box.dir() / "logos" / "big.svg", 21u * 1024u * 1024u);
  box.write("p.yaml",
            "campaign: {deadline: 2021-10-15}\nparticipants:\n  - name: Brilon\n"
            "    logo: logos/big.svg\n"
            "    commitment: {kind: letter_of_intent, date: 2021-09-01}\n");
  const Result run = box.run("check --format json -p p.yaml");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_EQ(nlohmann::json::parse(run.out)["diagnostics"][0]["code"], "logo-too-large");
}

TEST(check_cli, shipped_participants_have_14_included_and_no_errors) {
  Sandbox box;
  const Result run = box.run("check --format json -p " +
                             shell_quote(std::string(LOGOGRID_SOURCE_DIR) + "/participants.yaml"));
  ASSERT_EQ(run.exit_code, 0) << run.out << run.err;
  const auto report = nlohmann::json::parse(run.out);
  EXPECT_EQ(report["summary"]["included"], 14);
  EXPECT_EQ(report["summary"]["errors"], 0);
}

}  // namespace
}  // namespace logogrid::cli

// Command-line parsing (CLI11) and the mapping of failures to exit codes.
#include "app/cli.hpp"

#include <glib.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>

#include "app/commands.hpp"
#include "app/svg_requests.hpp"
#include "app/version.hpp"
#include "diag/fatal_error.hpp"

namespace logogrid {
namespace {

constexpr int kExitUsage = 2;

void add_job_options(CLI::App& command, JobOptions& job, bool with_layout) {
  command.add_option("-p,--participants", job.participants,
                     "participants file (default: participants.yaml)");
  if (with_layout)
    command.add_option("-l,--layout", job.layout,
                       "layout file (default: campaign.layout, else the built-in A4 layout)");
}

// GLib, Pango and librsvg log their own warnings and criticals (for hostile logos, say)
// straight to stderr, between our diagnostics. Every problem they hit surfaces as a
// diagnostic of ours, so their messages are dropped unless LOGOGRID_LIBRARY_LOG is set.
void quiet_library_logging() {
  if (std::getenv("LOGOGRID_LIBRARY_LOG") != nullptr) return;
  g_log_set_default_handler([](const gchar*, GLogLevelFlags, const gchar*, gpointer) {}, nullptr);
  g_log_set_writer_func(
      [](GLogLevelFlags, const GLogField*, gsize, gpointer) { return G_LOG_WRITER_HANDLED; },
      nullptr, nullptr);
}

}  // namespace

int run_cli(int argc, char** argv) {
  quiet_library_logging();
  if (serve_svg_worker_if_asked(argc, argv, answer_svg_request)) return 0;
  CLI::App app{"logogrid: print-ready PDF pages of the Mitmacherkommunen logo grid"};
  app.name("logogrid");
  app.set_version_flag("--version", std::string("logogrid ") + kVersion);
  app.require_subcommand(1);

  CheckOptions check;
  auto* check_cmd =
      app.add_subcommand("check", "validate participants, logos and layout; write nothing");
  add_job_options(*check_cmd, check.job, true);
  std::string format = "text";
  check_cmd->add_option("--format", format, "text | json | junit | github")
      ->check(CLI::IsMember({"text", "json", "junit", "github"}));
  check_cmd->add_flag("--strict", check.strict, "treat warnings as errors (exit code only)");

  BuildOptions build;
  auto* build_cmd = app.add_subcommand("build", "render the print-ready PDF");
  add_job_options(*build_cmd, build.job, true);
  build_cmd->add_option("-o,--output", build.output, "PDF to write (default: out/<stem>.pdf)");
  build_cmd->add_option("--png", build.png_dir, "also write PNG previews of every page here");
  build_cmd->add_option("--dpi", build.dpi, "PNG preview resolution (default: 100)")
      ->check(CLI::Range(10, 1200));
  build_cmd->add_option("--report", build.report, "write the JSON report with placements");
  build_cmd->add_flag("--strict", build.strict, "treat warnings as errors");
  build_cmd->add_option("--cache", build.cache,
                        "cache folder for rendered logos (default: $XDG_CACHE_HOME/logogrid)");
  build_cmd->add_flag("--no-cache", build.no_cache, "neither read nor write the cache");
  build_cmd
      ->add_option("-j,--jobs", build.job.threads,
                   "threads for logos (default: one per core; LOGOGRID_JOBS overrides)")
      ->check(CLI::Range(1, 64));

  ProofOptions proof;
  auto* proof_cmd = app.add_subcommand("proof", "render the marked-up review copy");
  add_job_options(*proof_cmd, proof.job, true);
  proof_cmd->add_option("-o,--output", proof.output,
                        "PDF to write (default: out/<stem>-proof.pdf)");
  proof_cmd->add_option("--previous", proof.previous, "older participants file to compare with");
  proof_cmd->add_option("--png", proof.png_dir, "also write PNG previews of every page here");
  proof_cmd->add_option("--dpi", proof.dpi, "PNG preview resolution (default: 100)")
      ->check(CLI::Range(10, 1200));

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }

  try {
    if (*check_cmd) {
      check.format = format == "json"     ? CheckFormat::json
                     : format == "junit"  ? CheckFormat::junit
                     : format == "github" ? CheckFormat::github
                                          : CheckFormat::text;
      return run_check(check);
    }
    if (*build_cmd) return run_build(build);
    return run_proof(proof);
  } catch (const FatalError& e) {
    std::cerr << "logogrid: error: " << e.what() << '\n';
    return kExitUsage;
  }
}

}  // namespace logogrid

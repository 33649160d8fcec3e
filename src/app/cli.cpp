// Command-line parsing (CLI11) and the mapping of failures to exit codes.
#include "app/cli.hpp"

#include <glib.h>
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>
#include <string>

#include "app/commands.hpp"
#include "app/svg_requests.hpp"
#include "app/version.hpp"
#include "app/watch_command.hpp"
#include "diag/fatal_error.hpp"
#include "resolve/svg_zygote.hpp"
#include "safety/activity.hpp"
#include "safety/scratch_registry.hpp"

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

// Ends the run from a library's fatal error (GLib aborts when an allocation or a thread
// creation fails) or from std::terminate: scratch removed, a message, exit 2, never an
// abort. Only async-signal-safe calls, since the process may be in any state.
[[noreturn]] void end_run_fatally(const char* reason) {
  remove_tracked_scratch();
  const char* activity = current_activity();
  for (const char* part : {"logogrid: error: out of memory while ", activity, " (", reason, ")\n"})
    if (::write(STDERR_FILENO, part, std::strlen(part)) < 0) break;
  ::_exit(kExitUsage);
}

void glib_fatal(const gchar* message) { end_run_fatally(message != nullptr ? message : "GLib"); }

// GLib, Pango and librsvg log their own warnings and criticals (for hostile logos, say)
// straight to stderr, between our diagnostics. Every problem they hit surfaces as a
// diagnostic of ours, so their messages are dropped unless LOGOGRID_LIBRARY_LOG is set.
// Their fatal errors (failed allocations) end the run with exit 2 instead of a trap.
void quiet_library_logging() {
  const bool show = std::getenv("LOGOGRID_LIBRARY_LOG") != nullptr;
  g_log_set_default_handler(
      [](const gchar* domain, GLogLevelFlags level, const gchar* message, gpointer show_all) {
        if ((level & G_LOG_LEVEL_ERROR) != 0) glib_fatal(message);
        if (show_all != nullptr) g_log_default_handler(domain, level, message, nullptr);
      },
      show ? reinterpret_cast<gpointer>(1) : nullptr);
  g_log_set_writer_func(
      [](GLogLevelFlags level, const GLogField* fields, gsize count, gpointer show_all) {
        if ((level & G_LOG_LEVEL_ERROR) != 0) {
          for (gsize i = 0; i < count; ++i)
            if (std::strcmp(fields[i].key, "MESSAGE") == 0 && fields[i].length < 0)
              glib_fatal(static_cast<const gchar*>(fields[i].value));
          glib_fatal(nullptr);
        }
        if (show_all != nullptr) return g_log_writer_default(level, fields, count, nullptr);
        return G_LOG_WRITER_HANDLED;
      },
      show ? reinterpret_cast<gpointer>(1) : nullptr, nullptr);
  std::set_terminate([] {
    const char* reason = "unexpected failure";
    try {
      if (const auto current = std::current_exception()) std::rethrow_exception(current);
    } catch (const std::bad_alloc&) {
      reason = "std::bad_alloc";
    } catch (...) {
    }
    end_run_fatally(reason);
  });
}

int run_commands(int argc, char** argv) {
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

  WatchOptions watch;
  auto* watch_cmd = add_watch_command(app, watch);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : kExitUsage;
  }

  if (*check_cmd) {
    check.format = format == "json"     ? CheckFormat::json
                   : format == "junit"  ? CheckFormat::junit
                   : format == "github" ? CheckFormat::github
                                        : CheckFormat::text;
    return run_check(check);
  }
  if (*build_cmd) return run_build(build);
  if (*watch_cmd) return run_watch(watch);
  return run_proof(proof);
}

}  // namespace

void start_worker_zygote(int argc, char** argv) {
  // The commands that resolve logos in this process. (watch runs each build as a process
  // of its own, and must not become the reaper of their workers.)
  if (argc < 2) return;
  const std::string command = argv[1];
  if (command != "check" && command != "build" && command != "proof") return;
  start_svg_zygote(answer_svg_request, quiet_library_logging);
}

int run_cli(int argc, char** argv) {
  try {
    return run_commands(argc, argv);
  } catch (const FatalError& e) {
    std::cerr << "logogrid: error: " << e.what() << '\n';
    return kExitUsage;
  } catch (const std::bad_alloc&) {
    std::cerr << "logogrid: error: out of memory while " << current_activity() << '\n';
    return kExitUsage;
  } catch (const std::exception& e) {
    // Whatever else ends the run early is still an exit code, never an abort.
    std::cerr << "logogrid: error: " << e.what() << " (while " << current_activity() << ")\n";
    return kExitUsage;
  } catch (...) {
    std::cerr << "logogrid: error: unexpected failure while " << current_activity() << '\n';
    return kExitUsage;
  }
}

}  // namespace logogrid

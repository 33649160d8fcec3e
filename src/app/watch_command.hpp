// `logogrid watch [build|proof]`: rebuilds whenever an input of the job changes.
#pragma once

#include <CLI/CLI.hpp>
#include <optional>
#include <string>

namespace logogrid {

struct WatchOptions {
  std::string mode = "build";  // build | proof
  std::string participants = "participants.yaml";
  std::optional<std::string> layout;
  // Passed on to build or proof unchanged (each rejects the options it does not take).
  std::optional<std::string> output, png_dir, dpi, report, cache, jobs, previous;
  bool strict = false;
  bool no_cache = false;
};

// Registers the subcommand and its options (those of build and proof) on `app`.
CLI::App* add_watch_command(CLI::App& app, WatchOptions& options);

// Runs until SIGINT (Ctrl-C), SIGTERM or SIGHUP, then returns 128 + the signal's number
// (130 for Ctrl-C), as every logogrid command does when interrupted. Returns 2 when the
// first run cannot start (a usage error, or an unreadable participants or layout file).
int run_watch(const WatchOptions& options);

}  // namespace logogrid

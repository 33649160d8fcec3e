// The subcommands, one file each. Each returns the process exit code.
#pragma once

#include <optional>
#include <string>

#include "app/job.hpp"

namespace logogrid {

enum class CheckFormat { text, json, junit, github };

struct CheckOptions {
  JobOptions job;
  CheckFormat format = CheckFormat::text;
  bool strict = false;
};

struct BuildOptions {
  JobOptions job;
  std::optional<std::string> output;  // default out/<stem>.pdf
  std::optional<std::string> png_dir;
  int dpi = 100;
  std::optional<std::string> report;
  bool strict = false;
  std::optional<std::string> cache;  // --cache DIR; default FragmentCache::default_folder()
  bool no_cache = false;
};

struct ProofOptions {
  JobOptions job;
  std::optional<std::string> output;  // default out/<stem>-proof.pdf
  std::optional<std::string> previous;
  std::optional<std::string> png_dir;
  int dpi = 100;
};

int run_check(const CheckOptions& options);
int run_build(const BuildOptions& options);
int run_proof(const ProofOptions& options);

// Exit code 1 when the job has errors, or warnings under --strict.
int input_exit_code(const Job& job, bool strict);

// "out/<stem><suffix>.pdf" for a participants file path.
std::string default_output(const std::string& participants, const std::string& suffix);

}  // namespace logogrid

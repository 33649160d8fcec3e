// Output safety: before anything is written, -o, --report and --png are checked against the
// run's inputs (by device and inode, so no spelling or link slips past), against each other,
// and for their kind: only a regular file or a missing path is ever replaced. A symbolic
// link at -o or --report is refused (logogrid neither replaces a link nor writes through it).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/job.hpp"

namespace logogrid {

struct RunOutputs {
  std::string pdf;                     // -o (or its default)
  std::optional<std::string> report;   // --report
  std::optional<std::string> png_dir;  // --png
};

// The files a run reads: participants file, layout file, every logo, and `previous`.
std::vector<std::string> run_inputs(const Job& job, const std::optional<std::string>& previous);

// Throws FatalError (exit 2, nothing written yet) naming the first unsafe output.
void guard_outputs(const RunOutputs& outputs, const std::vector<std::string>& inputs);

}  // namespace logogrid

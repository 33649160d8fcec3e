// Output formats of a job: compiler-style text, the JSON report, JUnit XML and GitHub
// workflow annotations. Exporters only format; they decide nothing.
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>
#include <string>
#include <vector>

#include "app/job.hpp"
#include "plan/plan.hpp"

namespace logogrid {

// file:line:col: severity[code]: message, then indented hint lines.
void write_text_diagnostics(std::ostream& out, const Diagnostics& diagnostics);

// The JSON report of SPEC.md. `plan` adds "pages" with placements (build only); `entries`
// maps a placement's entry index to the participant index.
nlohmann::json json_report(const Job& job, const Plan* plan = nullptr,
                           const std::vector<std::size_t>* entries = nullptr);

// One testcase per participant (failures for its errors) plus one for the files.
std::string junit_report(const Job& job);

// ::error file=…,line=…,col=…,title=CODE::message lines.
std::string github_annotations(const Diagnostics& diagnostics);

}  // namespace logogrid

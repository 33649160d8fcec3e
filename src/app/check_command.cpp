// `logogrid check`: validate everything build would use and print diagnostics.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "app/output.hpp"
#include "report/report.hpp"
#include "safety/activity.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {

int input_exit_code(const Job& job, bool strict) {
  if (job.diagnostics.has_errors()) return 1;
  if (strict && job.diagnostics.warnings() > 0) return 1;
  return 0;
}

std::string default_output(const std::string& participants, const std::string& suffix) {
  const std::string stem = std::filesystem::path(participants).stem().string();
  return (std::filesystem::path("out") / (stem + suffix + ".pdf")).string();
}

int run_check(const CheckOptions& options) {
  PangoTextMeasure measure;
  set_activity("checking the participants and their logos");
  JobOptions job_options = options.job;
  job_options.check_only = true;
  const Job job = prepare_job(job_options, measure);
  set_activity("writing the report");
  switch (options.format) {
    case CheckFormat::text:
      write_text_diagnostics(std::cerr, job.diagnostics);
      std::cerr << fmt::format(
          "check: {} entries: {} included, {} excluded, {} invalid; "
          "{} errors, {} warnings\n",
          job.model.participants.size(), job.count(Status::included), job.count(Status::excluded),
          job.count(Status::invalid), job.diagnostics.errors(), job.diagnostics.warnings());
      break;
    case CheckFormat::json:
      write_standard_output(json_report(job).dump(2) + "\n");
      break;
    case CheckFormat::junit:
      write_standard_output(junit_report(job));
      break;
    case CheckFormat::github:
      write_standard_output(github_annotations(job.diagnostics));
      break;
  }
  return input_exit_code(job, options.strict);
}

}  // namespace logogrid

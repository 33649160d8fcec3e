// `logogrid build`: the print job. Refuses while check would report an error; otherwise
// plans, renders, finishes and writes the PDF (and optional previews and report)
// atomically, then prints one summary line.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <utility>

#include "app/commands.hpp"
#include "app/logo_fragments.hpp"
#include "app/output.hpp"
#include "app/output_guard.hpp"
#include "app/progress.hpp"
#include "app/svg_requests.hpp"
#include "finish/atomic_file.hpp"
#include "report/report.hpp"
#include "safety/activity.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {

int run_build(const BuildOptions& options) {
  PangoTextMeasure measure;
  Progress progress;
  const std::string cache_folder =
      options.no_cache ? "" : options.cache.value_or(FragmentCache::default_folder());
  LogoFragments fragments(FragmentCache(cache_folder), options.png_dir.has_value());
  JobOptions job_options = options.job;
  job_options.facts = &fragments.facts();
  job_options.after_resolve = [&](Logo& logo, const JobOptions::Resolved& context) {
    progress.set_logo_total(context.logo_count);
    const bool made = fragments.make(logo, context);
    progress.logo_done();
    return made;
  };
  set_activity("checking the participants and their logos");
  Job job = prepare_job(job_options, measure);
  progress.clear();
  const std::string output = options.output.value_or(default_output(options.job.participants, ""));
  guard_outputs(RunOutputs{output, options.report, options.png_dir}, run_inputs(job, std::nullopt));
  if (!job.diagnostics.has_errors() && job.count(Status::included) == 0)
    job.diagnostics.error("nothing-to-print", job.model.file, {1, 1},
                          "no entry qualifies, so there is nothing to print",
                          {"add participants with a logo and a commitment dated on or before "
                           "the deadline"});
  write_text_diagnostics(std::cerr, job.diagnostics);
  const int refused = input_exit_code(job, options.strict);
  if (refused != 0) {
    std::cerr << fmt::format(
        "build: refused with {} errors and {} warnings{}; {} was not written\n",
        job.diagnostics.errors(), job.diagnostics.warnings(), options.strict ? " (--strict)" : "",
        output);
    return refused;
  }

  // Planned by prepare_job (no errors means the layout loaded): the plan check vetted.
  const PagedJob paged = std::move(job.included_pages).value();
  RenderJob render = make_render_job(job, paged);
  // Preview logos come from the workers too: this process never draws an SVG.
  const SvgLimits limits{job.layout.logo.render_time_limit, job.layout.logo.render_memory_limit};
  render.svg_pixels = [limits](const Logo& logo, int width, int height) {
    return svg_pixels_in_worker(logo, width, height, limits);
  };
  RenderJob text_only = render;  // logos come as Form XObjects from their fragments
  std::fill(text_only.logos.begin(), text_only.logos.end(), nullptr);
  const LogoForms forms = fragments.forms(job, paged);
  progress.pages(0, paged.plan.pages.size());
  set_activity("writing the PDF");
  write_pdf(text_only, job.layout, output, forms);
  progress.pages(paged.plan.pages.size(), paged.plan.pages.size());
  set_activity("writing the PNG previews");
  if (options.png_dir) render_png_previews(render, *options.png_dir, options.dpi);
  if (options.report) {
    set_activity("writing the report");
    ensure_folder(*options.report);
    write_file_atomically(
        *options.report, json_report(job, &paged.plan, &paged.participant_of_entry).dump(2) + "\n");
  }
  progress.clear();
  const std::size_t pages = paged.plan.pages.size();
  std::cout << fmt::format("build: {} page{}, {} included, {} excluded, {} warning{} -> {}\n",
                           pages, pages == 1 ? "" : "s", job.count(Status::included),
                           job.count(Status::excluded), job.diagnostics.warnings(),
                           job.diagnostics.warnings() == 1 ? "" : "s", output);
  return 0;
}

}  // namespace logogrid

// `logogrid proof`: the review copy. The same pages as build, from the same planner and
// renderer, but rendered whatever the input's errors: invalid entries stand where they
// would, marked; unusable logos get placeholders; proof marks (trim, bleed, safe area,
// cells, notes) are drawn over every page, and appendix pages list every entry with its
// status and reasons, plus the changes against a previous participants file.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <memory>

#include "app/commands.hpp"
#include "app/logo_fragments.hpp"
#include "app/output.hpp"
#include "app/output_guard.hpp"
#include "app/svg_requests.hpp"
#include "diag/fatal_error.hpp"
#include "proof/appendix.hpp"
#include "proof/overlay.hpp"
#include "proof/review.hpp"
#include "report/report.hpp"
#include "safety/activity.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

// Included entries and invalid ones: an invalid entry is shown where it would stand.
bool is_printed_in_proof(const Participant& participant) {
  return participant.status != Status::excluded;
}

// The older file goes through the same loader, validator and logo resolver (logos relative
// to its own folder, for their content hashes); its own diagnostics are not reported.
std::optional<std::vector<EntryChange>> compare_with_previous(const std::string& previous,
                                                              const Job& job,
                                                              std::string& problem) {
  try {
    Diagnostics ignored;
    const ParticipantsFile file = load_participants(previous, ignored);
    if (file.syntax_error) {
      problem = fmt::format("{} is not valid YAML; nothing to compare with", previous);
      return std::nullopt;
    }
    if (!file.has_participant_list) {
      problem = fmt::format(
          "{} is not a participants file (it has no `participants:` list); nothing to compare "
          "with",
          previous);
      return std::nullopt;
    }
    const Model model = validate_participants(file, ignored);
    std::vector<std::optional<Logo>> logos(model.participants.size());
    for (const auto& p : model.participants) {
      if (p.logo_path.empty()) continue;
      logos[p.index] = resolve_logo(
          LogoRequest{
              model.folder, p.logo_path, model.file, p.logo_pos, p.name, false, 0,
              SvgLimits{job.layout.logo.render_time_limit, job.layout.logo.render_memory_limit},
              false},
          ignored);
    }
    return compare_entries(entry_records(model, logos), entry_records(job.model, job.logos));
  } catch (const FatalError& e) {
    problem = e.what();
    return std::nullopt;
  }
}

}  // namespace

int run_proof(const ProofOptions& options) {
  PangoTextMeasure measure;
  set_activity("checking the participants and their logos");
  JobOptions job_options = options.job;
  // The proof's logos and its previews' SVG logos are drawn in worker processes like a
  // build's (LogoFragments, svg_pixels_in_worker): this process never draws an SVG.
  Job job = prepare_job(job_options, measure);  // FatalError (exit 2) only for unreadable files
  const std::string output =
      options.output.value_or(default_output(options.job.participants, "-proof"));
  guard_outputs(RunOutputs{output, std::nullopt, options.png_dir},
                run_inputs(job, options.previous));

  std::vector<std::string> notices;
  const bool layout_broken =
      std::any_of(job.diagnostics.items().begin(), job.diagnostics.items().end(),
                  [](const Diagnostic& d) { return d.code == "layout-invalid"; });
  if (layout_broken) {
    job.layout = default_layout();
    notices.push_back(
        "Das Layout hat Fehler (layout-invalid): dieser Abzug verwendet das "
        "eingebaute Layout. build verweigert die Ausgabe, bis sie behoben sind.");
  }
  // A copy of the layout with a slug, so the proof marker sits outside the bleed.
  job.layout.page.marks = Layout::Marks::crop;
  job.layout.pdf.title = "Korrekturabzug – " + job.layout.pdf.title;

  std::optional<std::vector<EntryChange>> changes;
  std::string previous_problem;
  if (options.previous) {
    set_activity("comparing with the previous participants file");
    changes = compare_with_previous(*options.previous, job, previous_problem);
    if (!changes) notices.push_back("Kein Vergleich mit dem vorherigen Stand: " + previous_problem);
  }

  set_activity("planning the pages");
  const PagedJob paged = plan_job(job, measure, is_printed_in_proof);
  job.diagnostics.sort();
  write_text_diagnostics(std::cerr, job.diagnostics);
  if (!previous_problem.empty())
    std::cerr << fmt::format("logogrid: warning: --previous: {}\n", previous_problem);

  ProofReview review = review_job(job, std::move(changes));
  review.previous_file = options.previous.value_or("");
  review.notices = notices;

  RenderJob render = make_render_job(job, paged);
  const SvgLimits limits{job.layout.logo.render_time_limit, job.layout.logo.render_memory_limit};
  render.svg_pixels = [limits](const Logo& logo, int width, int height) {
    return svg_pixels_in_worker(logo, width, height, limits);
  };
  const PageFrame frame = page_frame(job.layout.page);
  const Appendix appendix = layout_appendix(job, review, frame);
  const std::size_t planned = paged.plan.pages.size();
  const std::size_t total = planned + appendix.pages.size();
  auto marks =
      std::make_shared<ProofPages>(ProofPages{&job, &review, paged.participant_of_entry, total});
  render.overlay = [marks](cairo_t* cr, const PagePlan& page) {
    draw_page_marks(cr, page, *marks);
  };
  render.appendix_pages = appendix_painters(appendix, review, frame, planned, total);

  set_activity("writing the PDF");
  // Logos come as the same Form XObjects a build places, so they print alike.
  LogoFragments fragments(FragmentCache(""), true);
  const LogoForms forms = fragments.proof_forms(job, paged);
  RenderJob text_only = render;
  std::fill(text_only.logos.begin(), text_only.logos.end(), nullptr);
  write_pdf(text_only, job.layout, output, forms);
  set_activity("writing the PNG previews");
  if (options.png_dir) render_png_previews(render, *options.png_dir, options.dpi);
  std::cout << fmt::format(
      "proof: {} page{} ({} with logos, {} appendix), {} included, {} excluded, {} invalid, "
      "{} error{}, {} warning{} -> {}\n",
      total, total == 1 ? "" : "s", planned, appendix.pages.size(), review.included,
      review.excluded, review.invalid, review.errors, review.errors == 1 ? "" : "s",
      review.warnings, review.warnings == 1 ? "" : "s", output);
  return 0;
}

}  // namespace logogrid

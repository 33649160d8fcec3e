// A job: everything check, build and proof share before pages exist. Loads the
// participants file and the layout, validates, resolves every logo, checks fonts and the
// effective resolution of raster logos at their placed size. One code path for all three
// commands, so build refuses exactly what check reports.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/layout.hpp"
#include "load/participants_file.hpp"
#include "plan/plan.hpp"
#include "plan/text_measure.hpp"
#include "resolve/logo.hpp"
#include "resolve/logo_report.hpp"
#include "text/layout_fonts.hpp"
#include "validate/model.hpp"

namespace logogrid {

struct JobOptions {
  std::string participants = "participants.yaml";
  std::optional<std::string> layout;  // -l; else campaign.layout; else built-in
  unsigned threads = 0;               // logos resolved in parallel; 0 = one per core
  // check sets it: logos are resolved for their diagnostics only, without what build and
  // proof use (PNG print images, a third of check when they were made; content hashes).
  bool check_only = false;
  // Build only: the facts cache handed to resolve_logo, and a hook called on the
  // resolving thread right after each logo resolved (while its file is at hand); not
  // called when the layout did not load. Both must be thread-safe. The hook returns false
  // when it found the logo unusable (and reported why).
  struct Resolved {
    const Layout& layout;
    Size logo_area;          // the layout's logo area (every cell has the same)
    std::size_t logo_count;  // logos being resolved in this job
    LogoReport& report;      // for the logo being resolved
  };
  const LogoFacts* facts = nullptr;
  std::function<bool(Logo& logo, const Resolved& context)> after_resolve;
  // Parse SVGs for drawing in this process too (LogoRequest::svg_document). The commands
  // never do (fragments and previews are drawn in workers); tests that draw in-process do.
  bool svg_documents = false;
};

// Pages: entries in print order with the plan the planner made for them.
struct PagedJob {
  Plan plan;
  std::vector<std::size_t> participant_of_entry;  // PlanEntry index → participant index
};

struct Job {
  Diagnostics diagnostics;
  Model model;
  Layout layout;
  std::vector<std::optional<Logo>> logos;  // by participant index
  std::vector<std::optional<double>> ppi;  // effective ppi of raster logos
  std::string layout_file;                 // as used, "" for the built-in layout
  bool fatal_input = false;                // yaml-syntax: nothing beyond the file loaded
  std::shared_ptr<LayoutFonts> fonts;      // the layout's `fonts:`, registered while the job lives
  // The pages of the included entries, planned once by prepare_job when the layout loaded
  // (build prints exactly this plan).
  std::optional<PagedJob> included_pages;

  int count(Status status) const;
};

// The layout file a job uses: -l, else campaign.layout relative to the participants
// file's folder; either also looked up among the installed layouts. "" = built-in.
std::string layout_file_for(const JobOptions& options, const std::string& folder,
                            const Located& campaign_layout);

// Throws FatalError when the participants or layout file cannot be read at all.
Job prepare_job(const JobOptions& options, TextMeasure& measure);

// The pages of a job: entries with `status` in print order (German collation, or grouped
// by district), laid out by the planner. Adds caption-overflow warnings to the job.
PagedJob plan_job(Job& job, TextMeasure& measure, bool (*selected)(const Participant&));

bool is_included(const Participant& participant);

}  // namespace logogrid

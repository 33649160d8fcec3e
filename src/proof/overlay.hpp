// The proof marks drawn over each planned page (RenderJob::overlay) and in the slug of
// every page: the proof marker, trim, bleed and safe-area lines, cell frames, a note under
// each logo, placeholders for unusable logos, invalid-entry frames and change tags.
// All in trim coordinates (points, origin top-left of the TrimBox).
#pragma once

#include <cairo.h>

#include <cstddef>
#include <vector>

#include "app/job.hpp"
#include "plan/plan.hpp"
#include "proof/review.hpp"
#include "render/render.hpp"

namespace logogrid {

struct ProofPages {
  const Job* job = nullptr;
  const ProofReview* review = nullptr;
  std::vector<std::size_t> participant_of_entry;  // PlanEntry index → participant index
  std::size_t total_pages = 0;                    // planned + appendix
};

// Everything proof draws on planned page `page`.
void draw_page_marks(cairo_t* cr, const PagePlan& page, const ProofPages& pages);

// "KORREKTURABZUG – PROOF", file, date and page number in the slug above the bleed, and
// a legend of the marks in the slug below it. `index` is 0-based over all pages.
void draw_slug_marker(cairo_t* cr, const PageFrame& frame, const ProofReview& review,
                      std::size_t index, std::size_t total_pages);

// Hatched, crossed box naming why there is no logo (e.g. "logo-corrupt").
void draw_logo_placeholder(cairo_t* cr, const Rect& area, const std::string& reason);

}  // namespace logogrid

// Page drawing: text blocks and logos from the plan, then the overlay hook.
#include "render/page_painter.hpp"

#include <algorithm>

#include "render/text_painter.hpp"

namespace logogrid {

std::size_t page_count(const RenderJob& job) {
  return job.plan.pages.size() + job.appendix_pages.size();
}

namespace {

void paint_planned_page(cairo_t* cr, const RenderJob& job, const PagePlan& page,
                        RenderTarget target, LogoSurfaceCache& cache) {
  const PageFrame frame = page_frame(job.plan.page);
  cairo_save(cr);
  cairo_rectangle(cr, -frame.bleed, -frame.bleed, frame.trim_width + 2 * frame.bleed,
                  frame.trim_height + 2 * frame.bleed);
  cairo_clip(cr);
  if (page.heading) paint_text_block(cr, *page.heading);
  for (const TextBlock& heading : page.district_headings) paint_text_block(cr, heading);
  for (const Placement& placement : page.placements) {
    const Logo* logo = placement.entry < job.logos.size() ? job.logos[placement.entry] : nullptr;
    if (logo != nullptr) paint_logo(cr, *logo, placement.logo, target, cache);
    paint_text_block(cr, placement.caption);
  }
  if (page.page_number) paint_text_block(cr, *page.page_number);
  cairo_restore(cr);

  if (job.overlay) {
    cairo_save(cr);
    job.overlay(cr, page);
    cairo_restore(cr);
  }
}

}  // namespace

void paint_page(cairo_t* cr, const RenderJob& job, std::size_t index, RenderTarget target,
                LogoSurfaceCache& cache) {
  if (index < job.plan.pages.size()) {
    paint_planned_page(cr, job, job.plan.pages[index], target, cache);
    return;
  }
  const std::size_t appendix = index - job.plan.pages.size();
  if (appendix < job.appendix_pages.size() && job.appendix_pages[appendix]) {
    cairo_save(cr);
    job.appendix_pages[appendix](cr);
    cairo_restore(cr);
  }
}

void paint_crop_marks(cairo_t* cr, const PageFrame& frame) {
  const double m = frame.margin();
  const double offset = std::max(frame.bleed, kCropMarkMinOffset);
  const double length = std::max(kCropMarkMinOffset, m - offset - 2.0 * kPointsPerMm);
  const double left = m;
  const double top = m;
  const double right = m + frame.trim_width;
  const double bottom = m + frame.trim_height;

  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);
  cairo_set_line_width(cr, 0.25);
  cairo_set_line_cap(cr, CAIRO_LINE_CAP_BUTT);
  for (const double y : {top, bottom}) {  // horizontal marks, left and right of the page
    cairo_move_to(cr, left - offset, y);
    cairo_line_to(cr, left - offset - length, y);
    cairo_move_to(cr, right + offset, y);
    cairo_line_to(cr, right + offset + length, y);
  }
  for (const double x : {left, right}) {  // vertical marks, above and below the page
    cairo_move_to(cr, x, top - offset);
    cairo_line_to(cr, x, top - offset - length);
    cairo_move_to(cr, x, bottom + offset);
    cairo_line_to(cr, x, bottom + offset + length);
  }
  cairo_stroke(cr);
  cairo_restore(cr);
}

}  // namespace logogrid

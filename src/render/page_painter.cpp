// Page drawing: text blocks and logos from the plan, then the overlay hook.
#include "render/page_painter.hpp"

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

}  // namespace logogrid

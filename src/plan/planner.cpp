// The page planner: the grid is fixed or chosen for the entries (`auto`), cells of one size
// on every page, rows flowing down the grid area, pages balanced when asked; optional
// district headings between groups; heading and folio in the margins. Everything here is
// arithmetic on points: no fonts, no Cairo.
#include <algorithm>
#include <cmath>

#include "plan/caption_fit.hpp"
#include "plan/grid_choice.hpp"
#include "plan/grid_geometry.hpp"
#include "plan/page_flow.hpp"
#include "plan/plan.hpp"

namespace logogrid {
namespace {

constexpr double kTolerance = 1e-6;
constexpr double kSafeArea = 5.0 * kPointsPerMm;  // text and logos stay this far inside trim
constexpr double kMinCaptionSize = 6.0;

// align: the rows of a page that is not full are centred in the grid area, or spread over
// it (the space between rows grows; a district heading moves with the row below it).
void align_rows(const Layout& layout, const GridGeometry& g, Plan& plan) {
  if (layout.grid.align == Layout::Align::top) return;
  for (PagePlan& page : plan.pages) {
    if (page.placements.empty()) continue;
    const Rect area = grid_area(layout, g, page.recto);
    std::vector<double> tops;
    double bottom = area.y;
    for (const Placement& p : page.placements) {
      if (tops.empty() || p.cell.y > tops.back() + kTolerance) tops.push_back(p.cell.y);
      bottom = std::max(bottom, p.cell.bottom());
    }
    const double free = area.bottom() - bottom;
    if (free <= kTolerance) continue;
    const bool spread = layout.grid.align == Layout::Align::spread && tops.size() > 1;
    const auto shift_of_row = [&](double top) {
      if (!spread) return free / 2;
      std::size_t i = 0;
      while (i + 1 < tops.size() && tops[i] + kTolerance < top) ++i;
      return free * static_cast<double>(i) / static_cast<double>(tops.size() - 1);
    };
    for (Placement& p : page.placements) p.cell.y += shift_of_row(p.cell.y);
    for (TextBlock& d : page.district_headings) {
      const double shift = shift_of_row(d.box.y);
      d.box.y += shift;
      d.first_baseline += shift;
    }
  }
}

// Fills each cell: logo area, the logo fitted into it, the caption set below.
void dress(const Layout& layout, const GridGeometry& g, const std::vector<PlanEntry>& entries,
           TextMeasure& measure, std::vector<CaptionOverflow>* overflows, Plan& plan) {
  CaptionRule rule;
  rule.face = g.caption.spec.face;
  rule.size = g.caption.spec.size;
  rule.max_lines = std::max(1, layout.caption.max_lines);
  rule.min_size = kMinCaptionSize;
  for (PagePlan& page : plan.pages) {
    for (Placement& p : page.placements) {
      const PlanEntry& entry = entries[p.entry];
      p.logo_area = logo_area_in(p.cell, g, layout.logo.padding);
      p.logo = fit_logo(layout.logo, p.logo_area, entry.ink_width, entry.ink_height);
      SetCaption set = set_caption(entry.caption, p.cell.w, rule, measure);
      // The caption box is fixed in the cell, and the first baseline is that of the
      // layout's size: captions of a row share it even when one of them had to shrink.
      const double box_top = p.cell.bottom() - g.caption_h;
      p.caption.lines = std::move(set.lines);
      p.caption.font = rule.face;
      p.caption.size = set.size;
      p.caption.line_height = set.metrics.line_height > 0
                                  ? set.metrics.line_height
                                  : set.metrics.ascent + set.metrics.descent;
      p.caption.first_baseline = box_top + g.caption.metrics.ascent;
      p.caption.box = {p.cell.x, box_top, p.cell.w, g.caption_h};
      p.caption.align = TextBlock::Align::center;
      p.caption_overflow = set.shrunk || set.broken_in_word || set.truncated;
      if (p.caption_overflow && overflows != nullptr) overflows->push_back({p.entry, set.size});
    }
  }
}

// The page heading sits in the top margin, left-aligned with the grid, its last baseline
// one line above the grid: close enough to belong to it, clear of the logos. Long titles
// wrap to the grid width and grow upwards; the block never leaves the safe area.
TextBlock page_heading(const std::string& text, const SetFont& font, const Rect& area,
                       TextMeasure& measure) {
  WrappedText wrapped = measure.wrap(text, font.spec.face, font.spec.size, area.w);
  if (wrapped.lines.empty()) wrapped.lines.push_back(text);
  const LineMetrics& m = font.metrics;
  const double extra = static_cast<double>(wrapped.lines.size() - 1) * m.line_height;
  double first_baseline = area.y - m.line_height - extra;
  const double lowest = area.y - m.descent - extra;  // last line just touching the grid
  if (first_baseline - m.ascent < kSafeArea) {
    first_baseline = std::min(kSafeArea + m.ascent, std::max(first_baseline, lowest));
  }
  return text_block(std::move(wrapped.lines), font, area.x, area.w, first_baseline,
                    TextBlock::Align::left);
}

// The folio is centred in the bottom margin, pulled up if needed to stay in the safe area.
TextBlock page_number(const Layout& layout, const PagePlan& page, const SetFont& font,
                      const Rect& area) {
  const LineMetrics& m = font.metrics;
  const double text_h = m.ascent + m.descent;
  const double centred = area.bottom() + (layout.margins.bottom - text_h) / 2;
  const double top =
      std::max(area.bottom(), std::min(centred, layout.page.height - kSafeArea - text_h));
  TextBlock::Align align = TextBlock::Align::center;
  if (layout.page_numbers.position == Layout::PageNumberPosition::outside) {
    align = page.recto ? TextBlock::Align::right : TextBlock::Align::left;
  }
  return text_block({std::to_string(page.number)}, font, area.x, area.w, top + m.ascent, align);
}

}  // namespace

std::string heading_text(const Layout& layout, const std::string& title) {
  static const std::string kPlaceholder = "{title}";
  std::string text = layout.heading.text;
  for (std::size_t at = text.find(kPlaceholder); at != std::string::npos;
       at = text.find(kPlaceholder, at + title.size())) {
    text.replace(at, kPlaceholder.size(), title);
  }
  return text;
}

Rect fit_logo(const Layout::Logo& logo, const Rect& logo_area, double ink_width,
              double ink_height) {
  const double area_w = std::max(0.0, logo_area.w);
  const double area_h = std::max(0.0, logo_area.h);
  double ratio = ink_width / ink_height;
  if (!std::isfinite(ratio) || ratio <= 0) ratio = 1;  // unknown ink: treat as square

  double w = 0;
  double h = 0;
  if (logo.fit == Layout::Fit::contain) {
    if (area_h > 0 && area_w / area_h > ratio) {
      h = area_h;
      w = area_h * ratio;
    } else {
      w = area_w;
      h = area_w / ratio;
    }
  } else {
    const double side = std::max(0.0, logo.base) * std::min(area_w, area_h);
    w = side * std::sqrt(ratio);
    h = side / std::sqrt(ratio);
    if (w > area_w || h > area_h) {
      const double scale = std::min(area_w / w, area_h / h);
      w *= scale;
      h *= scale;
    }
  }
  if (!std::isfinite(w) || !std::isfinite(h)) w = h = 0;
  return {logo_area.x + (area_w - w) / 2, logo_area.y + (area_h - h) / 2, w, h};
}

Size logo_area_size(const Layout& layout, TextMeasure& measure,
                    const std::vector<PlanEntry>& entries) {
  const GridFonts fonts = grid_fonts(layout, measure);
  const GridChoice choice = choose_grid(
      layout, fonts, entries, widest_caption_word(layout, fonts.caption, entries, measure));
  const Rect area =
      logo_area_in({0, 0, choice.g.cell_w, choice.g.cell_h}, choice.g, layout.logo.padding);
  return {area.w, area.h};
}

Plan plan_pages(const Layout& layout, const std::string& title,
                const std::vector<PlanEntry>& entries, TextMeasure& measure,
                std::vector<CaptionOverflow>* overflows) {
  Plan plan;
  plan.page = layout.page;
  const GridFonts fonts = grid_fonts(layout, measure);
  const GridChoice choice = choose_grid(
      layout, fonts, entries, widest_caption_word(layout, fonts.caption, entries, measure));
  const GridGeometry& g = choice.g;
  plan.columns = g.columns;
  plan.rows = g.rows;
  plan.overflow_fit = choice.overflow_fit;

  // An overflowing plan is not balanced: its first pages show what the limit holds.
  const bool balance = layout.grid.balance == Layout::Balance::pages && !plan.overflow_fit;
  std::vector<std::size_t> quotas;
  int max_rows = g.rows;
  if (balance && g.districts) {
    max_rows = balanced_rows(layout, g, entries);
  } else if (balance) {
    quotas = page_quotas(g, entries.size());
  }
  flow_entries(layout, g, max_rows, entries, quotas, plan);
  align_rows(layout, g, plan);
  dress(layout, g, entries, measure, overflows, plan);

  const std::string heading = heading_text(layout, title);
  const SetFont heading_font = set_font(layout.heading.font, 18, measure);
  const SetFont folio_font = set_font(layout.page_numbers.font, 7, measure);
  for (PagePlan& page : plan.pages) {
    const Rect area = grid_area(layout, g, page.recto);
    if (!heading.empty() && (page.index == 0 || !layout.heading.first_page_only)) {
      page.heading = page_heading(heading, heading_font, area, measure);
    }
    if (layout.page_numbers.position != Layout::PageNumberPosition::none) {
      page.page_number = page_number(layout, page, folio_font, area);
    }
  }
  return plan;
}

}  // namespace logogrid

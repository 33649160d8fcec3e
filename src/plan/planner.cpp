// The page planner: cells of one size on every page, rows flowing down the grid area, one
// page after another; optional district headings between groups; heading and folio in the
// margins. Everything here is arithmetic on points: no fonts, no Cairo.
#include <algorithm>
#include <cmath>
#include <limits>

#include "plan/caption_fit.hpp"
#include "plan/plan.hpp"
#include "text/font_description.hpp"

namespace logogrid {
namespace {

constexpr double kTolerance = 1e-6;
constexpr double kSafeArea = 5.0 * kPointsPerMm;  // text and logos stay this far inside trim
constexpr double kMinCaptionSize = 6.0;
const char* const kContinued = " (Fortsetzung)";  // district heading repeated on a new page

struct SetFont {
  FontSpec spec;
  LineMetrics metrics;
};

SetFont set_font(const std::string& description, double fallback_size, TextMeasure& measure) {
  SetFont font;
  font.spec = font_spec_or(description, fallback_size);
  font.metrics = measure.metrics(font.spec.face, font.spec.size);
  if (font.metrics.line_height <= 0) {
    font.metrics.line_height = font.metrics.ascent + font.metrics.descent;
  }
  return font;
}

// Everything about the grid that is the same on every page.
struct GridGeometry {
  int columns = 1;
  int rows = 1;
  double gutter = 0;
  double area_w = 0;
  double area_h = 0;
  double cell_w = 0;
  double cell_h = 0;
  double caption_h = 0;   // max_lines caption lines at the layout's size
  double logo_box_h = 0;  // cell minus caption block and gap
  SetFont caption;
  // order: district only
  bool districts = false;
  SetFont district;
  double band_top = 0;     // district heading at the top of the grid: text + space below it
  double space_above = 0;  // from the previous row's bottom to a district heading's top
};

GridGeometry grid_geometry(const Layout& layout, TextMeasure& measure) {
  GridGeometry g;
  g.columns = std::max(1, layout.grid.columns);
  g.rows = std::max(1, layout.grid.rows);
  g.gutter = std::max(0.0, layout.grid.gutter);
  g.area_w = layout.page.width - layout.margins.inside - layout.margins.outside;
  g.area_h = layout.page.height - layout.margins.top - layout.margins.bottom;
  g.cell_w = std::max(0.0, (g.area_w - (g.columns - 1) * g.gutter) / g.columns);
  g.cell_h = std::max(0.0, (g.area_h - (g.rows - 1) * g.gutter) / g.rows);

  g.districts = layout.grid.order == Layout::Order::district;
  if (g.districts) {
    // A heading sits close to the row it introduces and farther from the row above it, so
    // the eye groups it with its own district (proximity). Cells stay the size `rows`
    // gives; a page simply holds fewer rows. The cap keeps heading + one row on a page.
    g.district = set_font(layout.district_heading.font, 10, measure);
    const LineMetrics& m = g.district.metrics;
    const double below = std::max(0.5 * g.gutter, 0.5 * m.line_height);
    g.band_top = m.ascent + m.descent + below;
    g.space_above = std::max(1.5 * g.gutter, m.line_height);
    g.cell_h = std::max(0.0, std::min(g.cell_h, g.area_h - g.band_top));
  }

  g.caption = set_font(layout.caption.font, 8, measure);
  g.caption_h = std::max(1, layout.caption.max_lines) * g.caption.metrics.line_height;
  g.logo_box_h = std::max(0.0, g.cell_h - g.caption_h - std::max(0.0, layout.caption.gap));
  return g;
}

Rect grid_area(const Layout& layout, const GridGeometry& g, bool recto) {
  const double left = recto ? layout.margins.inside : layout.margins.outside;
  return {left, layout.margins.top, g.area_w, g.area_h};
}

Rect logo_area_in(const Rect& cell, const GridGeometry& g, double padding) {
  padding = std::max(0.0, padding);
  return {cell.x + padding, cell.y + padding, std::max(0.0, cell.w - 2 * padding),
          std::max(0.0, g.logo_box_h - 2 * padding)};
}

// A left-aligned block of one or more lines whose first baseline is `first_baseline`.
TextBlock text_block(std::vector<std::string> lines, const SetFont& font, double x, double width,
                     double first_baseline, TextBlock::Align align) {
  TextBlock block;
  block.font = font.spec.face;
  block.size = font.spec.size;
  block.line_height = font.metrics.line_height;
  block.first_baseline = first_baseline;
  block.align = align;
  const double extra = lines.empty() ? 0 : static_cast<double>(lines.size() - 1);
  block.box = {x, first_baseline - font.metrics.ascent, width,
               extra * font.metrics.line_height + font.metrics.ascent + font.metrics.descent};
  block.lines = std::move(lines);
  return block;
}

bool is_recto(int number) { return ((number % 2) + 2) % 2 == 1; }

class Flow {
 public:
  Flow(const Layout& layout, const GridGeometry& g, const std::vector<PlanEntry>& entries,
       TextMeasure& measure, std::vector<CaptionOverflow>* overflows, Plan& plan)
      : layout_(layout),
        g_(g),
        entries_(entries),
        measure_(measure),
        overflows_(overflows),
        plan_(plan) {}

  // Places entries [first, last) as one group, under `district` when non-empty.
  void group(std::size_t first, std::size_t last, const std::string& district) {
    const std::size_t columns = static_cast<std::size_t>(g_.columns);
    const bool headed = g_.districts && !district.empty();
    for (std::size_t start = first; start < last; start += columns) {
      const std::size_t count = std::min(columns, last - start);
      double top = 0;
      if (start == first && headed) {
        top = district_heading_then_rows(district, (last - first + columns - 1) / columns);
      } else if (!fits_row_here()) {
        new_page();
        top = headed ? district_heading_at(area().y, district + kContinued) : area().y;
      } else {
        top = at_top() ? area().y : last_bottom_ + g_.gutter;
      }
      row(start, count, top, start + count == last);
    }
  }

 private:
  PagePlan& page() { return plan_.pages.back(); }
  bool at_top() const { return plan_.pages.empty() || rows_on_page_ == 0; }
  Rect area() { return grid_area(layout_, g_, page().recto); }

  void new_page() {
    PagePlan next;
    next.index = static_cast<int>(plan_.pages.size());
    next.number = layout_.page_numbers.first + next.index;
    next.recto = is_recto(next.number);
    plan_.pages.push_back(std::move(next));
    rows_on_page_ = 0;
    last_bottom_ = 0;
  }

  bool fits_row_here() {
    if (plan_.pages.empty()) return false;
    if (at_top()) return true;
    if (rows_on_page_ >= g_.rows) return false;
    return last_bottom_ + g_.gutter + g_.cell_h <= area().bottom() + kTolerance;
  }

  // Height of a district heading followed by `rows` rows of cells.
  double group_height(std::size_t rows) const {
    const double n = static_cast<double>(rows);
    return g_.band_top + n * g_.cell_h + (n - 1) * g_.gutter;
  }

  // A district is kept together on one page when it fits on a page of its own; a longer
  // one starts where at least its first row fits below the heading (a heading is never
  // left alone at the foot of a page). Returns the top of the first row.
  double district_heading_then_rows(const std::string& text, std::size_t rows) {
    if (plan_.pages.empty()) new_page();
    if (!at_top()) {
      const std::size_t max_rows = static_cast<std::size_t>(g_.rows);
      const bool whole_fits_a_page =
          rows <= max_rows && area().y + group_height(rows) <= area().bottom() + kTolerance;
      const std::size_t needed = whole_fits_a_page ? rows : 1;
      const double heading_top = last_bottom_ + g_.space_above;
      if (static_cast<std::size_t>(rows_on_page_) + needed <= max_rows &&
          heading_top + group_height(needed) <= area().bottom() + kTolerance) {
        return district_heading_at(heading_top, text);
      }
      new_page();
    }
    return district_heading_at(area().y, text);
  }

  double district_heading_at(double top, const std::string& text) {
    const Rect a = area();
    page().district_headings.push_back(text_block(
        {text}, g_.district, a.x, a.w, top + g_.district.metrics.ascent, TextBlock::Align::left));
    return top + g_.band_top;
  }

  void row(std::size_t start, std::size_t count, double top, bool last_of_group) {
    const Rect a = area();
    double x = a.x;
    const std::size_t columns = static_cast<std::size_t>(g_.columns);
    if (last_of_group && count < columns && layout_.grid.last_row == Layout::LastRow::center) {
      x += static_cast<double>(columns - count) * (g_.cell_w + g_.gutter) / 2;
    }
    for (std::size_t i = 0; i < count; ++i) {
      Rect cell{x + static_cast<double>(i) * (g_.cell_w + g_.gutter), top, g_.cell_w, g_.cell_h};
      page().placements.push_back(place(start + i, cell));
    }
    ++rows_on_page_;
    last_bottom_ = top + g_.cell_h;
  }

  Placement place(std::size_t index, const Rect& cell) {
    const PlanEntry& entry = entries_[index];
    Placement p;
    p.entry = index;
    p.cell = cell;
    p.logo_area = logo_area_in(cell, g_, layout_.logo.padding);
    p.logo = fit_logo(layout_.logo, p.logo_area, entry.ink_width, entry.ink_height);

    CaptionRule rule;
    rule.face = g_.caption.spec.face;
    rule.size = g_.caption.spec.size;
    rule.max_lines = std::max(1, layout_.caption.max_lines);
    rule.min_size = kMinCaptionSize;
    SetCaption set = set_caption(entry.caption, cell.w, rule, measure_);
    // The caption box is fixed in the cell, and the first baseline is that of the layout's
    // size: captions of a row share it even when one of them had to shrink.
    const double box_top = cell.bottom() - g_.caption_h;
    p.caption.lines = std::move(set.lines);
    p.caption.font = rule.face;
    p.caption.size = set.size;
    p.caption.line_height = set.metrics.line_height > 0 ? set.metrics.line_height
                                                        : set.metrics.ascent + set.metrics.descent;
    p.caption.first_baseline = box_top + g_.caption.metrics.ascent;
    p.caption.box = {cell.x, box_top, cell.w, g_.caption_h};
    p.caption.align = TextBlock::Align::center;
    p.caption_overflow = set.shrunk || set.broken_in_word || set.truncated;
    if (p.caption_overflow && overflows_ != nullptr) {
      overflows_->push_back({index, set.size});
    }
    return p;
  }

  const Layout& layout_;
  const GridGeometry& g_;
  const std::vector<PlanEntry>& entries_;
  TextMeasure& measure_;
  std::vector<CaptionOverflow>* overflows_;
  Plan& plan_;
  int rows_on_page_ = 0;
  double last_bottom_ = 0;
};

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

Size logo_area_size(const Layout& layout, TextMeasure& measure) {
  const GridGeometry g = grid_geometry(layout, measure);
  const Rect area = logo_area_in({0, 0, g.cell_w, g.cell_h}, g, layout.logo.padding);
  return {area.w, area.h};
}

Plan plan_pages(const Layout& layout, const std::string& title,
                const std::vector<PlanEntry>& entries, TextMeasure& measure,
                std::vector<CaptionOverflow>* overflows) {
  Plan plan;
  plan.page = layout.page;
  const GridGeometry g = grid_geometry(layout, measure);

  Flow flow(layout, g, entries, measure, overflows, plan);
  std::size_t first = 0;
  while (first < entries.size()) {
    std::size_t last = first + 1;
    if (g.districts) {
      while (last < entries.size() && entries[last].district == entries[first].district) ++last;
    } else {
      last = entries.size();
    }
    flow.group(first, last, g.districts ? entries[first].district : std::string());
    first = last;
  }

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

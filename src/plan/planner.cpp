// The page planner: the grid is fixed or chosen for the entries (`auto`), cells of one size
// on every page, rows flowing down the grid area, pages balanced when asked; optional
// district headings between groups; heading and folio in the margins. Everything here is
// arithmetic on points: no fonts, no Cairo.
#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "plan/caption_fit.hpp"
#include "plan/grid_geometry.hpp"
#include "plan/plan.hpp"

namespace logogrid {
namespace {

constexpr double kTolerance = 1e-6;
constexpr double kSafeArea = 5.0 * kPointsPerMm;  // text and logos stay this far inside trim
constexpr double kMinCaptionSize = 6.0;
constexpr int kMaxAutoRows = 40;
const char* const kContinued = " (Fortsetzung)";  // district heading repeated on a new page

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

// Puts cells (and district headings) on pages; what goes into a cell comes later (dress).
class Flow {
 public:
  // `max_rows`: rows a page may take (the grid's rows, or fewer to balance pages).
  Flow(const Layout& layout, const GridGeometry& g, int max_rows, Plan& plan)
      : layout_(layout), g_(g), max_rows_(std::max(1, max_rows)), plan_(plan) {}

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
        if (headed) ++splits_;
        top = headed ? district_heading_at(area().y, district + kContinued) : area().y;
      } else {
        top = at_top() ? area().y : last_bottom_ + g_.gutter;
      }
      row(start, count, top, start + count == last);
    }
  }

  // The next entries start on a fresh page.
  void break_page() { new_page(); }

  // Districts continued on another page (each repeats its heading).
  std::size_t splits() const { return splits_; }

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
    if (rows_on_page_ >= max_rows_) return false;
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
      const std::size_t max_rows = static_cast<std::size_t>(max_rows_);
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
      Placement p;
      p.entry = start + i;
      p.cell = {x + static_cast<double>(i) * (g_.cell_w + g_.gutter), top, g_.cell_w, g_.cell_h};
      page().placements.push_back(std::move(p));
    }
    ++rows_on_page_;
    last_bottom_ = top + g_.cell_h;
  }

  const Layout& layout_;
  const GridGeometry& g_;
  int max_rows_;
  Plan& plan_;
  int rows_on_page_ = 0;
  double last_bottom_ = 0;
  std::size_t splits_ = 0;
};

// Flows every entry, district by district (order: district) or all as one group. With
// `quotas`, page i takes the next quotas[i] entries (order: name, balanced pages).
std::size_t flow_entries(const Layout& layout, const GridGeometry& g, int max_rows,
                         const std::vector<PlanEntry>& entries,
                         const std::vector<std::size_t>& quotas, Plan& plan) {
  Flow flow(layout, g, max_rows, plan);
  if (!quotas.empty()) {
    std::size_t first = 0;
    for (std::size_t quota : quotas) {
      flow.break_page();
      flow.group(first, first + quota, std::string());
      first += quota;
    }
    return 0;
  }
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
  return flow.splits();
}

// What a plain flow (no balancing) of the entries comes to.
struct FlowCount {
  std::size_t pages = 0;
  std::size_t splits = 0;
  std::size_t fit = 0;  // entries on the first `limit` pages
};

FlowCount count_flow(const Layout& layout, const GridGeometry& g, int max_rows,
                     const std::vector<PlanEntry>& entries, std::size_t limit) {
  Plan scratch;
  FlowCount count;
  count.splits = flow_entries(layout, g, max_rows, entries, {}, scratch);
  count.pages = scratch.pages.size();
  for (std::size_t i = 0; i < std::min(limit, scratch.pages.size()); ++i)
    count.fit += scratch.pages[i].placements.size();
  return count;
}

// The grid the entries are planned in; an auto dimension is chosen here.
struct GridChoice {
  GridGeometry g;
  std::optional<std::size_t> overflow_fit;
};

// Auto grids: among the grids whose logo areas are at least min_logo_height on each side
// (and at most max_columns wide), those that hold the entries within the page budget —
// grid.pages, else the fewest pages any of them needs — and of these the one whose cells,
// taken at the target cell_aspect, leave the largest logo area. Cells then fill the frame.
GridChoice choose_grid(const Layout& layout, const GridFonts& fonts,
                       const std::vector<PlanEntry>& entries) {
  const Layout::Grid& grid = layout.grid;
  const std::size_t limit = grid.pages > 0 ? static_cast<std::size_t>(grid.pages)
                                           : std::numeric_limits<std::size_t>::max();
  const bool auto_columns = grid.columns == Layout::kAuto;
  const bool auto_rows = grid.rows == Layout::kAuto;
  if (!auto_columns && !auto_rows) {
    GridChoice choice{grid_geometry(layout, fonts, grid.columns, grid.rows), std::nullopt};
    if (grid.pages > 0) {
      const FlowCount count = count_flow(layout, choice.g, choice.g.rows, entries, limit);
      if (count.pages > limit) choice.overflow_fit = count.fit;
    }
    return choice;
  }

  struct Candidate {
    GridGeometry g;
    FlowCount count;
    double aimed_area;   // logo area of the cell at the target aspect
    double filled_area;  // logo area of the cell as it fills the frame
  };
  const double padding = std::max(0.0, layout.logo.padding);
  const double aspect = grid.cell_aspect > 0 ? grid.cell_aspect : 1;
  std::vector<Candidate> feasible;
  const int max_columns = auto_columns ? std::max(1, grid.max_columns) : grid.columns;
  const int max_rows = auto_rows ? kMaxAutoRows : grid.rows;
  for (int c = auto_columns ? 1 : grid.columns; c <= max_columns; ++c) {
    for (int r = auto_rows ? 1 : grid.rows; r <= max_rows; ++r) {
      Candidate k{grid_geometry(layout, fonts, c, r), {}, 0, 0};
      const Rect area = logo_area_in({0, 0, k.g.cell_w, k.g.cell_h}, k.g, padding);
      if (std::min(area.w, area.h) + kTolerance < grid.min_logo_height) continue;
      const double w = std::min(k.g.cell_w, k.g.cell_h * aspect);
      const double h = std::min(k.g.cell_h, k.g.cell_w / aspect);
      const double aimed_h = h - (k.g.cell_h - k.g.logo_box_h) - 2 * padding;
      k.aimed_area = std::max(0.0, w - 2 * padding) * std::max(0.0, aimed_h);
      k.filled_area = area.w * area.h;
      k.count = count_flow(layout, k.g, r, entries, limit);
      feasible.push_back(std::move(k));
    }
  }
  if (feasible.empty()) {  // not even one cell reaches the minimum: nothing fits
    GridGeometry g =
        grid_geometry(layout, fonts, std::max(1, grid.columns), std::max(1, grid.rows));
    return {g, entries.empty() ? std::nullopt : std::optional<std::size_t>(0)};
  }
  std::size_t budget = limit;
  if (grid.pages == 0) {
    budget = std::numeric_limits<std::size_t>::max();
    for (const Candidate& k : feasible) budget = std::min(budget, k.count.pages);
  }
  // Larger logos first; then fewer pages, fewer cells, fewer columns (a fixed order).
  const auto better = [](const Candidate& a, const Candidate& b) {
    const auto key = [](const Candidate& k) {
      return std::make_tuple(-k.aimed_area, -k.filled_area, k.count.pages, k.g.columns * k.g.rows,
                             k.g.columns);
    };
    return key(a) < key(b);
  };
  const Candidate* best = nullptr;
  for (const Candidate& k : feasible) {
    if (k.count.pages <= budget && (!best || better(k, *best))) best = &k;
  }
  if (best) return {best->g, std::nullopt};
  // Over the limit even at the minimum size: the grid that holds the most, flowing on.
  for (const Candidate& k : feasible) {
    if (!best || k.count.fit > best->count.fit ||
        (k.count.fit == best->count.fit && better(k, *best)))
      best = &k;
  }
  return {best->g, best->count.fit};
}

// balance: pages, order: name. The pages a plain flow needs, each taking an equal share
// (the first ones one more): pages differ by at most one entry, so by at most one row.
std::vector<std::size_t> page_quotas(const GridGeometry& g, std::size_t entries) {
  const std::size_t per_page =
      static_cast<std::size_t>(g.columns) * static_cast<std::size_t>(g.rows);
  if (entries == 0 || per_page == 0) return {};
  const std::size_t pages = (entries + per_page - 1) / per_page;
  std::vector<std::size_t> quotas(pages, entries / pages);
  for (std::size_t i = 0; i < entries % pages; ++i) ++quotas[i];
  return quotas;
}

// balance: pages, order: district. The fewest rows per page that still give the same
// pages and keep every district as whole as the plain flow does.
int balanced_rows(const Layout& layout, const GridGeometry& g,
                  const std::vector<PlanEntry>& entries) {
  const std::size_t none = std::numeric_limits<std::size_t>::max();
  const FlowCount plain = count_flow(layout, g, g.rows, entries, none);
  for (int rows = 1; rows < g.rows; ++rows) {
    const FlowCount count = count_flow(layout, g, rows, entries, none);
    if (count.pages == plain.pages && count.splits == plain.splits) return rows;
  }
  return g.rows;
}

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
      p.caption_overflow = set.shrunk || set.truncated;
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
  const GridChoice choice = choose_grid(layout, grid_fonts(layout, measure), entries);
  const Rect area =
      logo_area_in({0, 0, choice.g.cell_w, choice.g.cell_h}, choice.g, layout.logo.padding);
  return {area.w, area.h};
}

Plan plan_pages(const Layout& layout, const std::string& title,
                const std::vector<PlanEntry>& entries, TextMeasure& measure,
                std::vector<CaptionOverflow>* overflows) {
  Plan plan;
  plan.page = layout.page;
  const GridChoice choice = choose_grid(layout, grid_fonts(layout, measure), entries);
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

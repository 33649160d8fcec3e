// Rows flow down the grid area page after page; a district heading always has its first
// row below it on the same page, and a district that fits a page is moved whole.
#include "plan/page_flow.hpp"

#include <algorithm>

namespace logogrid {
namespace {

constexpr double kTolerance = 1e-6;
const char* const kContinued = " (Fortsetzung)";  // district heading repeated on a new page

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

}  // namespace

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

}  // namespace logogrid

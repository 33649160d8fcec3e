// The auto-grid choice: every grid within the limits is tried (a dry run of the page flow
// counts its pages), the one with the largest logo area within the page budget wins.
#include "plan/grid_choice.hpp"

#include <algorithm>
#include <limits>
#include <tuple>

#include "plan/page_flow.hpp"

namespace logogrid {
namespace {

constexpr double kTolerance = 1e-6;
constexpr int kMaxAutoRows = 40;

}  // namespace

double widest_caption_word(const Layout& layout, const SetFont& caption,
                           const std::vector<PlanEntry>& entries, TextMeasure& measure) {
  if (layout.grid.columns != Layout::kAuto && layout.grid.rows != Layout::kAuto) return 0;
  double widest = 0;
  const auto measure_piece = [&](const std::string& piece) {
    if (piece.empty()) return;
    widest = std::max(widest, measure.wrap(piece, caption.spec.face, caption.spec.size, 0).width);
  };
  for (const PlanEntry& entry : entries) {
    // Captions break at spaces and after the hyphen of a double name (Nachrodt-|Wiblingwerde).
    std::string piece;
    for (const char c : entry.caption) {
      if (c == ' ' || c == '\n') {
        measure_piece(piece);
        piece.clear();
        continue;
      }
      piece += c;
      if (c == '-') {
        measure_piece(piece);
        piece.clear();
      }
    }
    measure_piece(piece);
  }
  return widest;
}

GridChoice choose_grid(const Layout& layout, const GridFonts& fonts,
                       const std::vector<PlanEntry>& entries, double min_cell_width) {
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
      if (std::min(area.w, area.h) + kTolerance < grid.min_logo_height ||
          k.g.cell_w + kTolerance < min_cell_width)
        continue;
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

std::vector<std::size_t> page_quotas(const GridGeometry& g, std::size_t entries) {
  const std::size_t per_page =
      static_cast<std::size_t>(g.columns) * static_cast<std::size_t>(g.rows);
  if (entries == 0 || per_page == 0) return {};
  const std::size_t pages = (entries + per_page - 1) / per_page;
  std::vector<std::size_t> quotas(pages, entries / pages);
  for (std::size_t i = 0; i < entries % pages; ++i) ++quotas[i];
  return quotas;
}

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

}  // namespace logogrid

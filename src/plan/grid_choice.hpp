// Which grid the entries are planned in (an `auto` dimension chosen for them) and how a
// balanced document shares them out over its pages.
#pragma once

#include <cstddef>
#include <optional>
#include <vector>

#include "plan/grid_geometry.hpp"
#include "plan/plan.hpp"

namespace logogrid {

struct GridChoice {
  GridGeometry g;
  std::optional<std::size_t> overflow_fit;  // grid.pages cannot hold them all: how many fit
};

// Auto grids: among the grids whose logo areas are at least min_logo_height on each side
// (and at most max_columns wide) and whose cells are at least `min_cell_width` wide,
// those that hold the entries within the page budget — grid.pages, else the fewest pages
// any of them needs — and of these the one whose cells, taken at the target cell_aspect,
// leave the largest logo area. Cells then fill the frame.
GridChoice choose_grid(const Layout& layout, const GridFonts& fonts,
                       const std::vector<PlanEntry>& entries, double min_cell_width);

// The widest piece of any caption that cannot be broken (a word, or the part of a double
// name up to its hyphen), at the layout's caption size: an auto grid keeps its cells this wide, so
// no caption has to shrink because of the grid chosen. 0 for a fixed grid (nothing to choose).
double widest_caption_word(const Layout& layout, const SetFont& caption,
                           const std::vector<PlanEntry>& entries, TextMeasure& measure);

// balance: pages, order: name. The pages a plain flow needs, each taking an equal share
// (the first ones one more): pages differ by at most one entry, so by at most one row.
std::vector<std::size_t> page_quotas(const GridGeometry& g, std::size_t entries);

// balance: pages, order: district. The fewest rows per page that still give the same
// pages and keep every district as whole as the plain flow does.
int balanced_rows(const Layout& layout, const GridGeometry& g,
                  const std::vector<PlanEntry>& entries);

}  // namespace logogrid

// The page flow: cells (and district headings) put on pages row by row, a district kept
// whole where it fits a page. Only boxes: what goes into a cell is filled in later.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "plan/grid_geometry.hpp"
#include "plan/plan.hpp"

namespace logogrid {

// Flows every entry into `plan` (placements get `entry` and `cell` only), district by
// district (order: district) or all as one group, at most `max_rows` rows a page. With
// `quotas`, page i takes the next quotas[i] entries (order: name, balanced pages).
// Returns how many districts were continued on another page.
std::size_t flow_entries(const Layout& layout, const GridGeometry& g, int max_rows,
                         const std::vector<PlanEntry>& entries,
                         const std::vector<std::size_t>& quotas, Plan& plan);

// What a plain flow (no quotas) of the entries comes to.
struct FlowCount {
  std::size_t pages = 0;
  std::size_t splits = 0;  // districts continued on another page
  std::size_t fit = 0;     // entries on the first `limit` pages
};
FlowCount count_flow(const Layout& layout, const GridGeometry& g, int max_rows,
                     const std::vector<PlanEntry>& entries, std::size_t limit);

}  // namespace logogrid

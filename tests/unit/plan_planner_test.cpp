// Properties the planner guarantees, asserted directly (the golden tests pin exact numbers).
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "plan/fixed_text_measure.hpp"
#include "plan/plan.hpp"
#include "plan_support.hpp"

namespace logogrid {
namespace {

constexpr double kEps = 1e-6;

std::vector<PlanEntry> entries(int count, const std::string& district = {}) {
  std::vector<PlanEntry> result;
  const double ratios[] = {0.5, 1.0, 1.5, 2.0, 3.0, 5.0, 0.8};
  for (int i = 0; i < count; ++i) {
    result.push_back({"Gemeinde " + std::to_string(i + 1), district, ratios[i % 7], 1});
  }
  return result;
}

Plan plan(const Layout& layout, const std::vector<PlanEntry>& e,
          std::vector<CaptionOverflow>* overflows = nullptr) {
  FixedTextMeasure measure;
  return plan_pages(layout, "Unsere Mitmacherkommunen", e, measure, overflows);
}

bool inside(const Rect& inner, const Rect& outer) {
  return inner.x >= outer.x - kEps && inner.y >= outer.y - kEps &&
         inner.right() <= outer.right() + kEps && inner.bottom() <= outer.bottom() + kEps;
}

Layout district_layout() {
  Layout layout;
  layout.grid.order = Layout::Order::district;
  return layout;
}

std::vector<PlanEntry> district_entries() {
  std::vector<PlanEntry> e;
  for (const auto& [district, count] : testing::kRegionDistricts) {
    for (PlanEntry& entry : entries(count, district)) e.push_back(entry);
  }
  return e;
}

Layout a3_landscape() {
  Layout layout;
  layout.page.width = 420 * kPointsPerMm;
  layout.page.height = 297 * kPointsPerMm;
  layout.grid.columns = 7;
  layout.grid.rows = 4;
  layout.heading.first_page_only = false;
  layout.caption.font = "DejaVu Sans 11";
  return layout;
}

TEST(fit_logo, balanced_gives_equal_area_when_unclamped) {
  Layout::Logo logo;  // balanced, base 0.75
  const Rect area{10, 20, 100, 80};
  const double side = 0.75 * 80;
  for (double ratio : {0.8, 1.0, 1.2, 1.5}) {
    const Rect r = fit_logo(logo, area, ratio * 30, 30);
    EXPECT_NEAR(r.w * r.h, side * side, 1e-9) << ratio;
    EXPECT_NEAR(r.w / r.h, ratio, 1e-9);
  }
}

TEST(fit_logo, balanced_shrinks_uniformly_only_when_too_big) {
  Layout::Logo logo;
  const Rect area{0, 0, 100, 80};
  const Rect wide = fit_logo(logo, area, 5, 1);  // B·√5 = 134 > 100: clamped
  EXPECT_NEAR(wide.w, 100, 1e-9);
  EXPECT_NEAR(wide.w / wide.h, 5, 1e-9);
  EXPECT_LT(wide.w * wide.h, 60.0 * 60.0);
  const Rect tall = fit_logo(logo, area, 1, 2);
  EXPECT_NEAR(tall.h, 80, 1e-9);
  EXPECT_NEAR(tall.w / tall.h, 0.5, 1e-9);
}

TEST(fit_logo, contain_fills_one_side_and_fits) {
  Layout::Logo logo;
  logo.fit = Layout::Fit::contain;
  const Rect area{5, 5, 100, 50};
  for (double ratio : {0.3, 1.0, 2.0, 2.5, 7.0}) {
    const Rect r = fit_logo(logo, area, ratio, 1);
    EXPECT_TRUE(inside(r, area)) << ratio;
    EXPECT_TRUE(std::abs(r.w - 100) < 1e-9 || std::abs(r.h - 50) < 1e-9) << ratio;
    EXPECT_NEAR(r.w / r.h, ratio, 1e-9);
  }
}

TEST(fit_logo, centred_in_the_logo_area) {
  Layout::Logo logo;
  const Rect area{33, 44, 90, 60};
  for (Layout::Fit fit : {Layout::Fit::contain, Layout::Fit::balanced}) {
    logo.fit = fit;
    for (double ratio : {0.5, 1.0, 4.0}) {
      const Rect r = fit_logo(logo, area, ratio, 1);
      EXPECT_NEAR(r.x + r.w / 2, area.x + area.w / 2, 1e-9);
      EXPECT_NEAR(r.y + r.h / 2, area.y + area.h / 2, 1e-9);
    }
  }
}

TEST(fit_logo, degenerate_ink_is_treated_as_square) {
  Layout::Logo logo;
  const Rect r = fit_logo(logo, {0, 0, 100, 100}, 0, 0);
  EXPECT_NEAR(r.w, 75, 1e-9);
  EXPECT_NEAR(r.h, 75, 1e-9);
}

TEST(plan_pages, every_box_lies_inside_the_trim_box) {
  const std::vector<std::pair<Layout, std::vector<PlanEntry>>> cases = {
      {Layout{}, entries(30)},
      {a3_landscape(), entries(54)},
      {district_layout(), district_entries()}};
  for (const auto& [layout, e] : cases) {
    const Plan p = plan(layout, e);
    const Rect trim{0, 0, layout.page.width, layout.page.height};
    const Rect safe{5 * kPointsPerMm, 5 * kPointsPerMm, trim.w - 10 * kPointsPerMm,
                    trim.h - 10 * kPointsPerMm};
    ASSERT_FALSE(p.pages.empty());
    std::size_t placed = 0;
    for (const PagePlan& page : p.pages) {
      for (const Placement& pl : page.placements) {
        EXPECT_TRUE(inside(pl.cell, trim));
        EXPECT_TRUE(inside(pl.logo_area, pl.cell));
        EXPECT_TRUE(inside(pl.logo, pl.logo_area));
        EXPECT_TRUE(inside(pl.caption.box, pl.cell));
        EXPECT_LE(pl.logo_area.bottom(), pl.caption.box.y + kEps);
        ++placed;
      }
      if (page.heading) {
        EXPECT_TRUE(inside(page.heading->box, safe));
      }
      if (page.page_number) {
        EXPECT_TRUE(inside(page.page_number->box, safe));
      }
      for (const TextBlock& d : page.district_headings) EXPECT_TRUE(inside(d.box, trim));
    }
    EXPECT_EQ(placed, e.size());
  }
}

TEST(plan_pages, cells_have_one_size_on_every_page) {
  for (const Layout& layout : {Layout{}, district_layout()}) {
    const Plan p = plan(
        layout, layout.grid.order == Layout::Order::district ? district_entries() : entries(60));
    ASSERT_GE(p.pages.size(), 2U);
    const Rect first = p.pages[0].placements[0].cell;
    for (const PagePlan& page : p.pages) {
      for (const Placement& pl : page.placements) {
        EXPECT_DOUBLE_EQ(pl.cell.w, first.w);
        EXPECT_DOUBLE_EQ(pl.cell.h, first.h);
      }
    }
  }
}

TEST(plan_pages, cell_size_follows_columns_rows_and_gutter) {
  const Layout layout;
  const Plan p = plan(layout, entries(1));
  const double area_w = layout.page.width - layout.margins.inside - layout.margins.outside;
  const double area_h = layout.page.height - layout.margins.top - layout.margins.bottom;
  EXPECT_NEAR(p.pages[0].placements[0].cell.w, (area_w - 3 * layout.grid.gutter) / 4, 1e-9);
  EXPECT_NEAR(p.pages[0].placements[0].cell.h, (area_h - 5 * layout.grid.gutter) / 6, 1e-9);
}

TEST(plan_pages, rows_per_page_come_from_the_grid) {
  Layout layout;
  layout.grid.balance = Layout::Balance::none;
  const Plan p = plan(layout, entries(49));
  ASSERT_EQ(p.pages.size(), 3U);
  EXPECT_EQ(p.pages[0].placements.size(), 24U);
  EXPECT_EQ(p.pages[1].placements.size(), 24U);
  EXPECT_EQ(p.pages[2].placements.size(), 1U);
  EXPECT_EQ(p.pages[2].placements[0].entry, 48U);
}

TEST(plan_pages, captions_of_a_row_share_the_first_baseline) {
  std::vector<PlanEntry> e = entries(4);
  e[1].caption = "Stadt Schmallenberg Gemeinde der Ferienregion im Hochsauerland Kreis";
  e[2].caption = "Hansestadt Attendorn im Kreis Olpe";
  const Plan p = plan(Layout{}, e);
  const auto& pl = p.pages[0].placements;
  ASSERT_EQ(pl.size(), 4U);
  EXPECT_LT(pl[1].caption.size, 8.0);  // really shrunk
  for (const Placement& x : pl) {
    EXPECT_DOUBLE_EQ(x.caption.first_baseline, pl[0].caption.first_baseline);
    EXPECT_DOUBLE_EQ(x.caption.box.y, pl[0].caption.box.y);
  }
}

TEST(plan_pages, caption_overflow_is_reported_per_entry) {
  std::vector<PlanEntry> e = entries(3);
  e[2].caption = "Donaudampfschifffahrtsgesellschaftskapitänswitwe";
  std::vector<CaptionOverflow> overflows;
  const Plan p = plan(Layout{}, e, &overflows);
  ASSERT_EQ(overflows.size(), 1U);
  EXPECT_EQ(overflows[0].entry, 2U);
  EXPECT_DOUBLE_EQ(overflows[0].size, 6.0);
  const Placement& pl = p.pages[0].placements[2];
  EXPECT_TRUE(pl.caption_overflow);
  // No break between words can make it fit, so it breaks inside the word (no ellipsis).
  ASSERT_EQ(pl.caption.lines.size(), 2U);
  EXPECT_EQ(pl.caption.lines[0] + pl.caption.lines[1], e[2].caption);
  EXPECT_FALSE(p.pages[0].placements[0].caption_overflow);
}

TEST(plan_pages, inside_margin_is_left_on_recto_and_right_on_verso) {
  Layout layout;
  layout.margins.inside = 25 * kPointsPerMm;
  layout.margins.outside = 15 * kPointsPerMm;
  const Plan p = plan(layout, entries(30));
  ASSERT_EQ(p.pages.size(), 2U);
  EXPECT_TRUE(p.pages[0].recto);
  EXPECT_FALSE(p.pages[1].recto);
  EXPECT_DOUBLE_EQ(p.pages[0].placements[0].cell.x, layout.margins.inside);
  EXPECT_DOUBLE_EQ(p.pages[1].placements[0].cell.x, layout.margins.outside);
  layout.page_numbers.first = 2;               // the participant pages start on a left-hand page
  const Plan even = plan(layout, entries(4));  // a full row: no centring
  EXPECT_FALSE(even.pages[0].recto);
  EXPECT_EQ(even.pages[0].number, 2);
  EXPECT_DOUBLE_EQ(even.pages[0].placements[0].cell.x, layout.margins.outside);
}

TEST(plan_pages, page_numbers_outside_center_none) {
  Layout layout;
  const Plan outside = plan(layout, entries(30));
  ASSERT_TRUE(outside.pages[0].page_number && outside.pages[1].page_number);
  EXPECT_EQ(outside.pages[0].page_number->lines, std::vector<std::string>{"1"});
  EXPECT_EQ(outside.pages[1].page_number->lines, std::vector<std::string>{"2"});
  EXPECT_EQ(outside.pages[0].page_number->align, TextBlock::Align::right);
  EXPECT_EQ(outside.pages[1].page_number->align, TextBlock::Align::left);
  const double grid_bottom = layout.page.height - layout.margins.bottom;
  EXPECT_GT(outside.pages[0].page_number->box.y, grid_bottom);

  layout.page_numbers.position = Layout::PageNumberPosition::center;
  layout.page_numbers.first = 7;
  const Plan center = plan(layout, entries(30));
  EXPECT_EQ(center.pages[1].page_number->lines, std::vector<std::string>{"8"});
  EXPECT_EQ(center.pages[1].page_number->align, TextBlock::Align::center);

  layout.page_numbers.position = Layout::PageNumberPosition::none;
  for (const PagePlan& page : plan(layout, entries(30)).pages) {
    EXPECT_FALSE(page.page_number);
  }
}

TEST(plan_pages, heading_sits_above_the_grid_aligned_with_it) {
  Layout layout;
  const Plan p = plan(layout, entries(30));
  ASSERT_TRUE(p.pages[0].heading);
  EXPECT_FALSE(p.pages[1].heading);  // first_page_only
  const TextBlock& h = *p.pages[0].heading;
  EXPECT_EQ(h.lines, std::vector<std::string>{"Unsere Mitmacherkommunen"});
  EXPECT_EQ(h.size, 18);
  EXPECT_EQ(h.font, "DejaVu Sans Bold");
  EXPECT_DOUBLE_EQ(h.box.x, p.pages[0].placements[0].cell.x);
  EXPECT_LT(h.box.bottom(), layout.margins.top);
  EXPECT_GE(h.box.y, 5 * kPointsPerMm);

  layout.heading.first_page_only = false;
  const Plan every = plan(layout, entries(30));
  ASSERT_TRUE(every.pages[1].heading);
  EXPECT_DOUBLE_EQ(every.pages[1].heading->box.x, layout.margins.outside);
}

TEST(plan_pages, heading_text_replaces_the_title) {
  Layout layout;
  layout.heading.text = "{title} – Stand {title}";
  EXPECT_EQ(heading_text(layout, "A{title}"), "A{title} – Stand A{title}");
  layout.heading.text = "";
  const Plan p = plan(layout, entries(2));
  EXPECT_FALSE(p.pages[0].heading);
}

TEST(plan_pages, last_row_center_and_left) {
  Layout layout;
  const Plan centred = plan(layout, entries(6));
  const auto& c = centred.pages[0].placements;
  // Row 2 has two cells: centred, they sit where columns 1.5 and 2.5 would be.
  const double pitch = c[1].cell.x - c[0].cell.x;
  EXPECT_NEAR(c[4].cell.x, c[0].cell.x + pitch, 1e-9);
  EXPECT_NEAR(c[5].cell.x, c[0].cell.x + 2 * pitch, 1e-9);
  layout.grid.last_row = Layout::LastRow::left;
  const Plan left = plan(layout, entries(6));
  const auto& l = left.pages[0].placements;
  EXPECT_DOUBLE_EQ(l[4].cell.x, l[0].cell.x);
}

TEST(plan_pages, district_groups_start_a_row_under_their_heading) {
  const Layout layout = district_layout();
  const std::vector<PlanEntry> e = district_entries();
  const Plan p = plan(layout, e);
  std::map<std::string, int> headings;
  for (const PagePlan& page : p.pages) {
    for (const TextBlock& d : page.district_headings) {
      ++headings[d.lines.at(0)];
      // Never alone at the foot of a page: a row of its group follows right below.
      bool row_below = false;
      for (const Placement& pl : page.placements) {
        const double gap = pl.cell.y - d.box.bottom();
        if (gap > 0 && gap < pl.cell.h / 2 && pl.cell.x == page.placements[0].cell.x) {
          row_below = e[pl.entry].district == d.lines[0].substr(0, e[pl.entry].district.size());
        }
      }
      EXPECT_TRUE(row_below) << d.lines[0] << " on page " << page.number;
    }
  }
  EXPECT_EQ(headings.size(), 5U);  // each district fits a page of its own: none is split
  // Each group's first entry starts at the left of a row.
  for (const PagePlan& page : p.pages) {
    for (const Placement& pl : page.placements) {
      if (pl.entry == 0 || e[pl.entry - 1].district != e[pl.entry].district) {
        EXPECT_DOUBLE_EQ(pl.cell.x, page.placements[0].cell.x) << pl.entry;
      }
    }
  }
}

TEST(plan_pages, district_that_fits_a_page_is_moved_whole_to_the_next) {
  Layout layout = district_layout();
  layout.grid.rows = 4;
  std::vector<PlanEntry> e = entries(layout.grid.columns * 2, "Kreis A");  // two rows
  for (PlanEntry& x : entries(layout.grid.columns * 2, "Kreis B")) e.push_back(x);
  const Plan p = plan(layout, e);
  ASSERT_EQ(p.pages.size(), 2U);
  for (const PagePlan& page : p.pages) {
    ASSERT_EQ(page.district_headings.size(), 1U);
    EXPECT_EQ(page.district_headings[0].lines[0].find("Fortsetzung"), std::string::npos);
    for (const Placement& pl : page.placements)
      EXPECT_EQ(e[pl.entry].district, page.district_headings[0].lines[0]);
  }
}

TEST(plan_pages, district_heading_is_never_left_alone_at_the_foot) {
  Layout layout = district_layout();
  layout.grid.rows = 3;  // only one group row fits after a full group: forces page breaks
  std::vector<PlanEntry> e = entries(8, "Kreis A");
  for (PlanEntry& x : entries(3, "Kreis B")) e.push_back(x);
  const Plan p = plan(layout, e);
  for (const PagePlan& page : p.pages) {
    for (const TextBlock& d : page.district_headings) {
      double lowest_cell = 0;
      for (const Placement& pl : page.placements) lowest_cell = std::max(lowest_cell, pl.cell.y);
      EXPECT_LT(d.box.bottom(), lowest_cell) << page.number;
    }
  }
}

TEST(plan_pages, logo_area_size_matches_the_plan) {
  for (const Layout& layout : {Layout{}, district_layout(), a3_landscape()}) {
    FixedTextMeasure measure;
    const Size s = logo_area_size(layout, measure, entries(3, "Kreis Olpe"));
    const Plan p = plan(layout, entries(3, "Kreis Olpe"));
    EXPECT_DOUBLE_EQ(s.w, p.pages[0].placements[0].logo_area.w);
    EXPECT_DOUBLE_EQ(s.h, p.pages[0].placements[0].logo_area.h);
    EXPECT_GT(s.h, 0);
  }
}

Layout auto_poster() {
  Layout layout = a3_landscape();
  layout.grid.columns = Layout::kAuto;
  layout.grid.rows = Layout::kAuto;
  layout.grid.pages = 1;
  return layout;
}

TEST(plan_pages, auto_poster_puts_everything_on_one_sheet_with_larger_logos) {
  const Plan fixed = plan(a3_landscape(), entries(14));  // 7 × 4: two rows, half the sheet
  for (int count : {1, 5, 14, 30, 54}) {
    const Plan p = plan(auto_poster(), entries(count));
    ASSERT_EQ(p.pages.size(), 1U) << count;
    EXPECT_FALSE(p.overflow_fit) << count;
    EXPECT_EQ(p.pages[0].placements.size(), static_cast<std::size_t>(count));
    EXPECT_GE(p.columns * p.rows, count);
    EXPECT_LE(p.columns, Layout{}.grid.max_columns);
    const Rect& area = p.pages[0].placements[0].logo_area;
    EXPECT_GE(std::min(area.w, area.h), 20 * kPointsPerMm - kEps) << count;
    if (count == 14) {
      const Rect& small = fixed.pages[0].placements[0].logo_area;
      EXPECT_GT(std::min(area.w, area.h), 1.3 * std::min(small.w, small.h));
    }
  }
}

TEST(plan_pages, auto_grid_respects_max_columns_and_min_logo_height) {
  Layout layout = auto_poster();
  layout.grid.max_columns = 4;
  const Plan p = plan(layout, entries(12));
  EXPECT_LE(p.columns, 4);
  layout.grid.min_logo_height = 60 * kPointsPerMm;
  layout.grid.max_columns = 12;
  const Plan big = plan(layout, entries(4));
  EXPECT_GE(big.pages[0].placements[0].logo_area.h, 60 * kPointsPerMm - kEps);
}

TEST(plan_pages, auto_grid_keeps_cells_as_wide_as_the_widest_caption_word) {
  std::vector<PlanEntry> e = entries(54);
  const Plan plain = plan(auto_poster(), e);
  // 21 code points at 0.5 × 11 pt: 115.5 pt, wider than the 54 plain cells.
  e[7].caption = "Hochsauerlandgemeinde";
  const Plan wide = plan(auto_poster(), e);
  EXPECT_LT(plain.pages[0].placements[0].cell.w, 115.5);
  EXPECT_GE(wide.pages[0].placements[0].cell.w, 115.5);
  EXPECT_TRUE(wide.overflow_fit);  // 54 such cells do not fit one sheet
  // A double name breaks after its hyphen: only its longer part counts.
  e[7].caption = "Hochsauerland-Gemeinde";
  const Plan hyphen = plan(auto_poster(), e);
  EXPECT_EQ(hyphen.columns, plain.columns);
  EXPECT_FALSE(hyphen.overflow_fit);
}

TEST(plan_pages, auto_poster_overflow_says_how_many_fit_and_still_places_all) {
  const Plan p = plan(auto_poster(), entries(200));
  ASSERT_TRUE(p.overflow_fit);
  EXPECT_EQ(*p.overflow_fit, static_cast<std::size_t>(p.columns * p.rows));
  EXPECT_EQ(p.pages[0].placements.size(), *p.overflow_fit);  // the sheet holds that many
  std::size_t placed = 0;
  for (const PagePlan& page : p.pages) placed += page.placements.size();
  EXPECT_EQ(placed, 200U);
}

TEST(plan_pages, fixed_grid_with_a_page_limit_overflows_too) {
  Layout layout;
  layout.grid.pages = 2;
  EXPECT_FALSE(plan(layout, entries(48)).overflow_fit);
  const Plan p = plan(layout, entries(49));
  ASSERT_TRUE(p.overflow_fit);
  EXPECT_EQ(*p.overflow_fit, 48U);
}

TEST(plan_pages, auto_rows_without_a_limit_take_the_fewest_pages) {
  Layout layout;
  layout.grid.rows = Layout::kAuto;
  const Plan p = plan(layout, entries(40));
  EXPECT_EQ(p.columns, 4);
  // At most 6 rows leave logo areas of 20 mm, so 40 need two pages; of the grids that
  // need no more, 4 × 5 has the largest cells.
  EXPECT_EQ(p.pages.size(), 2U);
  EXPECT_EQ(p.rows, 5);
}

TEST(plan_pages, logo_area_size_of_an_auto_grid_matches_the_plan) {
  FixedTextMeasure measure;
  for (int count : {3, 14, 54}) {
    const Size s = logo_area_size(auto_poster(), measure, entries(count));
    const Plan p = plan(auto_poster(), entries(count));
    EXPECT_DOUBLE_EQ(s.w, p.pages[0].placements[0].logo_area.w);
    EXPECT_DOUBLE_EQ(s.h, p.pages[0].placements[0].logo_area.h);
  }
}

TEST(plan_pages, balanced_pages_differ_by_at_most_one_entry_with_one_cell_size) {
  for (int count = 1; count <= 100; ++count) {
    const Plan p = plan(Layout{}, entries(count));
    ASSERT_EQ(p.pages.size(), static_cast<std::size_t>((count + 23) / 24)) << count;
    std::size_t fewest = 1000;
    std::size_t most = 0;
    for (const PagePlan& page : p.pages) {
      fewest = std::min(fewest, page.placements.size());
      most = std::max(most, page.placements.size());
      for (const Placement& pl : page.placements) {
        EXPECT_DOUBLE_EQ(pl.cell.w, p.pages[0].placements[0].cell.w);
        EXPECT_DOUBLE_EQ(pl.cell.h, p.pages[0].placements[0].cell.h);
      }
    }
    EXPECT_LE(most - fewest, 1U) << count;
  }
}

TEST(plan_pages, balanced_districts_keep_whole_districts_on_as_many_pages) {
  Layout plain = district_layout();
  plain.grid.balance = Layout::Balance::none;
  const Plan unbalanced = plan(plain, district_entries());
  const Plan balanced = plan(district_layout(), district_entries());
  EXPECT_EQ(balanced.pages.size(), unbalanced.pages.size());
  const auto continued = [](const Plan& p) {
    int n = 0;
    for (const PagePlan& page : p.pages)
      for (const TextBlock& d : page.district_headings)
        n += d.lines[0].find("Fortsetzung") != std::string::npos;
    return n;
  };
  EXPECT_EQ(continued(balanced), continued(unbalanced));
}

TEST(plan_pages, align_center_and_spread_use_the_free_space_of_a_short_page) {
  Layout layout;
  const double area_top = layout.margins.top;
  const double area_bottom = layout.page.height - layout.margins.bottom;
  layout.grid.align = Layout::Align::center;
  const Plan centred = plan(layout, entries(10));  // three rows of six
  const Rect first = centred.pages[0].placements.front().cell;
  const Rect last = centred.pages[0].placements.back().cell;
  EXPECT_NEAR(first.y - area_top, area_bottom - last.bottom(), 1e-6);
  EXPECT_GT(first.y, area_top + 1);

  layout.grid.align = Layout::Align::spread;
  const Plan spread = plan(layout, entries(10));
  const auto& cells = spread.pages[0].placements;
  EXPECT_NEAR(cells.front().cell.y, area_top, 1e-6);
  EXPECT_NEAR(cells.back().cell.bottom(), area_bottom, 1e-6);
  const double gap1 = cells[4].cell.y - cells[0].cell.bottom();
  const double gap2 = cells[8].cell.y - cells[4].cell.bottom();
  EXPECT_NEAR(gap1, gap2, 1e-6);
  EXPECT_GT(gap1, layout.grid.gutter);
  // Captions and logos move with their cells.
  EXPECT_NEAR(cells.back().caption.box.bottom(), area_bottom, 1e-6);
  EXPECT_GE(cells.back().logo_area.y, cells.back().cell.y);
}

TEST(plan_pages, odd_layouts_do_not_crash) {
  EXPECT_TRUE(plan(Layout{}, {}).pages.empty());
  Layout layout;
  layout.grid.columns = -2;
  layout.grid.rows = -3;
  layout.caption.max_lines = 0;
  layout.caption.font = "no size at all";
  layout.logo.padding = 1000;
  const Plan p = plan(layout, entries(5));
  EXPECT_EQ(p.pages.size(), 5U);
  EXPECT_EQ(p.pages[0].placements[0].logo.w, 0);
}

}  // namespace
}  // namespace logogrid

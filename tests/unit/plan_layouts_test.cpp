// The shipped layouts: every font they name is installed (DejaVu) or travels with them
// (`fonts:`), and each one plans cleanly with real font metrics.
#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

#include "load/layout.hpp"
#include "plan/plan.hpp"
#include "plan_support.hpp"
#include "text/layout_fonts.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

std::string layout_path(const std::string& name) {
  return std::string(LOGOGRID_SOURCE_DIR) + "/layouts/" + name;
}

Layout read(const std::string& name) {
  Diagnostics diagnostics;
  Layout layout = load_layout(layout_path(name), diagnostics);
  EXPECT_EQ(diagnostics.items().size(), 0u) << name;
  return layout;
}

// The layout's own fonts, registered while this lives (as a job does).
std::unique_ptr<LayoutFonts> register_fonts(const Layout& layout) {
  std::vector<std::string> files;
  for (const Layout::FontFile& font : layout.fonts) files.push_back(font.path);
  std::vector<std::string> unreadable;
  auto fonts = std::make_unique<LayoutFonts>(files, unreadable);
  EXPECT_TRUE(unreadable.empty());
  return fonts;
}

const char* const kLayouts[] = {"rahmenstrategie-a4.yaml", "rahmenstrategie-a4-districts.yaml",
                                "rahmenstrategie-a3-poster.yaml"};

TEST(plan_layouts, every_font_named_is_installed) {
  for (const char* name : kLayouts) {
    const Layout l = read(name);
    const auto registered = register_fonts(l);
    for (const std::string& font :
         {l.heading.font, l.caption.font, l.page_numbers.font, l.district_heading.font}) {
      std::string family;
      EXPECT_TRUE(check_font(font, family)) << name << ": " << font << " -> " << family;
    }
  }
}

// The 54 municipalities that can become Mitmacherkommunen, by district (pioneers removed).
std::vector<PlanEntry> region() {
  std::vector<PlanEntry> e;
  for (const auto& [district, count] : testing::kRegionDistricts) {
    for (int i = 0; i < count; ++i) e.push_back({"Nachrodt-Wiblingwerde", district, 2, 1});
  }
  return e;
}

TEST(plan_layouts, each_layout_plans_the_region_inside_its_safe_area) {
  for (const char* name : kLayouts) {
    const Layout l = read(name);
    const auto registered = register_fonts(l);
    PangoTextMeasure measure;
    std::vector<CaptionOverflow> overflows;
    const Plan p = plan_pages(l, "Unsere Mitmacherkommunen", region(), measure, &overflows);
    EXPECT_TRUE(overflows.empty()) << name;  // the longest name in the region fits
    const double safe = 5 * kPointsPerMm;
    for (const PagePlan& page : p.pages) {
      for (const Placement& pl : page.placements) {
        EXPECT_GE(pl.cell.x, safe) << name;
        EXPECT_LE(pl.cell.right(), l.page.width - safe) << name;
        // Below ~18 mm of logo area (a 13.5 mm balanced square) coats of arms lose detail.
        EXPECT_GE(pl.logo_area.h, 18 * kPointsPerMm) << name << ": logos too small to print";
      }
    }
    if (l.grid.order == Layout::Order::district) {
      EXPECT_EQ(p.pages.size(), 3U);
      for (const PagePlan& page : p.pages) {
        for (const TextBlock& d : page.district_headings) {
          EXPECT_EQ(d.lines[0].find("Fortsetzung"), std::string::npos) << "district split";
        }
      }
    }
  }
}

}  // namespace
}  // namespace logogrid

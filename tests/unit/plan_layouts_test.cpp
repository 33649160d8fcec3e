// The shipped layouts: the A4 file equals the built-in default, every font they name is
// installed (DejaVu only), and each one plans cleanly with real font metrics. The YAML is read
// here with a small reader of its own so this test does not depend on the layout loader.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <regex>

#include "load/layout.hpp"
#include "plan/plan.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

std::string layout_path(const std::string& name) {
  return std::string(LOGOGRID_SOURCE_DIR) + "/layouts/" + name;
}

double length(const YAML::Node& node) {
  const std::string text = node.as<std::string>();
  std::smatch m;
  static const std::regex re(R"(^\s*([0-9]+(?:\.[0-9]+)?)\s*(mm|cm|pt|in)\s*$)");
  if (!std::regex_match(text, m, re)) {
    ADD_FAILURE() << "length without unit: " << text;
    return 0;
  }
  const double v = std::stod(m[1].str());
  const std::string unit = m[2].str();
  if (unit == "mm") return v * kPointsPerMm;
  if (unit == "cm") return v * 10 * kPointsPerMm;
  if (unit == "in") return v * 72;
  return v;
}

Layout read(const std::string& name) {
  const YAML::Node y = YAML::LoadFile(layout_path(name));
  Layout l;
  const std::string size = y["page"]["size"].as<std::string>();
  const double a_short[] = {297, 210, 148};  // A3, A4, A5 short side in mm
  const int index = size == "A3" ? 0 : (size == "A4" ? 1 : 2);
  double w = a_short[index] * kPointsPerMm;
  double h = (index == 0 ? 420 : (index == 1 ? 297 : 210)) * kPointsPerMm;
  if (y["page"]["orientation"].as<std::string>() == "landscape") std::swap(w, h);
  l.page.width = w;
  l.page.height = h;
  l.page.bleed = length(y["page"]["bleed"]);
  l.margins = {length(y["margins"]["top"]), length(y["margins"]["bottom"]),
               length(y["margins"]["inside"]), length(y["margins"]["outside"])};
  l.heading = {y["heading"]["text"].as<std::string>(), y["heading"]["font"].as<std::string>(),
               y["heading"]["first_page_only"].as<bool>()};
  l.grid.columns = y["grid"]["columns"].as<int>();
  l.grid.rows = y["grid"]["rows"].as<int>();
  l.grid.gutter = length(y["grid"]["gutter"]);
  l.grid.order = y["grid"]["order"].as<std::string>() == "district" ? Layout::Order::district
                                                                    : Layout::Order::name;
  l.grid.last_row = y["grid"]["last_row"].as<std::string>() == "left" ? Layout::LastRow::left
                                                                      : Layout::LastRow::center;
  if (y["district_heading"])
    l.district_heading.font = y["district_heading"]["font"].as<std::string>();
  l.logo.fit = y["logo"]["fit"].as<std::string>() == "contain" ? Layout::Fit::contain
                                                               : Layout::Fit::balanced;
  l.logo.base = y["logo"]["base"].as<double>();
  l.logo.trim = y["logo"]["trim"].as<bool>();
  l.logo.padding = length(y["logo"]["padding"]);
  l.caption = {y["caption"]["font"].as<std::string>(), length(y["caption"]["gap"]),
               y["caption"]["max_lines"].as<int>()};
  const std::string position = y["page_numbers"]["position"].as<std::string>();
  l.page_numbers = {y["page_numbers"]["first"].as<int>(),
                    position == "none"     ? Layout::PageNumberPosition::none
                    : position == "center" ? Layout::PageNumberPosition::center
                                           : Layout::PageNumberPosition::outside,
                    y["page_numbers"]["font"].as<std::string>()};
  l.pdf = {y["pdf"]["title"].as<std::string>(), y["pdf"]["author"].as<std::string>()};
  return l;
}

const char* const kLayouts[] = {"rahmenstrategie-a4.yaml", "rahmenstrategie-a4-districts.yaml",
                                "rahmenstrategie-a3-poster.yaml"};

TEST(plan_layouts, a4_file_is_the_built_in_default) {
  const Layout file = read("rahmenstrategie-a4.yaml");
  const Layout builtin = default_layout();
  EXPECT_TRUE(builtin.source.empty());
  EXPECT_NEAR(file.page.width, builtin.page.width, 1e-9);
  EXPECT_NEAR(file.page.height, builtin.page.height, 1e-9);
  EXPECT_NEAR(file.page.bleed, builtin.page.bleed, 1e-9);
  EXPECT_EQ(file.page.marks, builtin.page.marks);
  EXPECT_NEAR(file.margins.top, builtin.margins.top, 1e-9);
  EXPECT_NEAR(file.margins.bottom, builtin.margins.bottom, 1e-9);
  EXPECT_NEAR(file.margins.inside, builtin.margins.inside, 1e-9);
  EXPECT_NEAR(file.margins.outside, builtin.margins.outside, 1e-9);
  EXPECT_EQ(file.heading.text, builtin.heading.text);
  EXPECT_EQ(file.heading.font, builtin.heading.font);
  EXPECT_EQ(file.heading.first_page_only, builtin.heading.first_page_only);
  EXPECT_EQ(file.grid.columns, builtin.grid.columns);
  EXPECT_EQ(file.grid.rows, builtin.grid.rows);
  EXPECT_NEAR(file.grid.gutter, builtin.grid.gutter, 1e-9);
  EXPECT_EQ(file.grid.order, builtin.grid.order);
  EXPECT_EQ(file.grid.last_row, builtin.grid.last_row);
  EXPECT_EQ(file.logo.fit, builtin.logo.fit);
  EXPECT_EQ(file.logo.base, builtin.logo.base);
  EXPECT_EQ(file.logo.trim, builtin.logo.trim);
  EXPECT_NEAR(file.logo.padding, builtin.logo.padding, 1e-9);
  EXPECT_EQ(file.caption.font, builtin.caption.font);
  EXPECT_NEAR(file.caption.gap, builtin.caption.gap, 1e-9);
  EXPECT_EQ(file.caption.max_lines, builtin.caption.max_lines);
  EXPECT_EQ(file.page_numbers.first, builtin.page_numbers.first);
  EXPECT_EQ(file.page_numbers.position, builtin.page_numbers.position);
  EXPECT_EQ(file.page_numbers.font, builtin.page_numbers.font);
  EXPECT_EQ(file.pdf.title, builtin.pdf.title);
  EXPECT_EQ(file.pdf.author, builtin.pdf.author);
}

TEST(plan_layouts, every_font_named_is_installed) {
  for (const char* name : kLayouts) {
    const Layout l = read(name);
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
  const std::pair<const char*, int> groups[] = {{"Hochsauerlandkreis", 11},
                                                {"Kreis Olpe", 6},
                                                {"Kreis Siegen-Wittgenstein", 10},
                                                {"Kreis Soest", 13},
                                                {"Märkischer Kreis", 14}};
  for (const auto& [district, count] : groups) {
    for (int i = 0; i < count; ++i) e.push_back({"Nachrodt-Wiblingwerde", district, 2, 1});
  }
  return e;
}

TEST(plan_layouts, each_layout_plans_the_region_inside_its_safe_area) {
  PangoTextMeasure measure;
  for (const char* name : kLayouts) {
    const Layout l = read(name);
    std::vector<CaptionOverflow> overflows;
    const Plan p = plan_pages(l, "Unsere Mitmacherkommunen", region(), measure, &overflows);
    EXPECT_TRUE(overflows.empty()) << name;  // the longest name in the region fits
    const double safe = 5 * kPointsPerMm;
    for (const PagePlan& page : p.pages) {
      for (const Placement& pl : page.placements) {
        EXPECT_GE(pl.cell.x, safe) << name;
        EXPECT_LE(pl.cell.right(), l.page.width - safe) << name;
        EXPECT_GE(pl.logo_area.h, 20 * kPointsPerMm) << name << ": logos too small to print";
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

// Golden plans: fixed inputs planned with a fixed-proportion text measure, dumped as text
// (rounded to 0.01 pt) and compared with tests/fixtures/plan/<case>.txt.
// UPDATE_REFS=1 rewrites the reference files.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "load/layout.hpp"
#include "plan/fixed_text_measure.hpp"
#include "plan/plan.hpp"
#include "plan_support.hpp"

namespace logogrid {
namespace {

std::string num(double v) {
  char buffer[64];
  double rounded = std::round(v * 100) / 100;
  if (rounded == 0) rounded = 0;  // no "-0.00"
  std::snprintf(buffer, sizeof buffer, "%.2f", rounded);
  return buffer;
}

std::string rect(const Rect& r) {
  return "[" + num(r.x) + " " + num(r.y) + " " + num(r.w) + " " + num(r.h) + "]";
}

const char* align(TextBlock::Align a) {
  switch (a) {
    case TextBlock::Align::left:
      return "left";
    case TextBlock::Align::center:
      return "center";
    case TextBlock::Align::right:
      return "right";
  }
  return "?";
}

std::string block(const TextBlock& b) {
  std::string lines;
  for (const std::string& line : b.lines) lines += (lines.empty() ? "" : " | ") + line;
  return "\"" + lines + "\" font=\"" + b.font + "\" size=" + num(b.size) + " box=" + rect(b.box) +
         " baseline=" + num(b.first_baseline) + " leading=" + num(b.line_height) + " " +
         align(b.align);
}

std::string dump(const Plan& plan, const std::vector<CaptionOverflow>& overflows) {
  std::ostringstream out;
  out << "trim " << num(plan.page.width) << " x " << num(plan.page.height) << ", bleed "
      << num(plan.page.bleed) << ", " << plan.pages.size() << " pages\n";
  out << "grid " << plan.columns << " x " << plan.rows;
  if (plan.overflow_fit) out << ", OVERFLOW: " << *plan.overflow_fit << " fit";
  out << "\n";
  for (const PagePlan& page : plan.pages) {
    out << "page " << page.index << " number " << page.number << (page.recto ? " recto" : " verso")
        << "\n";
    if (page.heading) out << "  heading " << block(*page.heading) << "\n";
    for (const TextBlock& d : page.district_headings) out << "  district " << block(d) << "\n";
    for (const Placement& p : page.placements) {
      out << "  entry " << p.entry << " cell=" << rect(p.cell) << " area=" << rect(p.logo_area)
          << " logo=" << rect(p.logo) << (p.caption_overflow ? " OVERFLOW" : "") << "\n"
          << "    caption " << block(p.caption) << "\n";
    }
    if (page.page_number) out << "  folio " << block(*page.page_number) << "\n";
  }
  for (const CaptionOverflow& o : overflows) {
    out << "overflow entry " << o.entry << " at " << num(o.size) << "\n";
  }
  return out.str();
}

std::string reference_path(const std::string& name) {
  return std::string(LOGOGRID_FIXTURES) + "/plan/" + name + ".txt";
}

// Compares with the reference, naming the first differing line.
void expect_golden(const std::string& name, const std::string& actual) {
  const std::string path = reference_path(name);
  const char* update = std::getenv("UPDATE_REFS");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing reference " << path << " (run with UPDATE_REFS=1)";
  std::stringstream expected;
  expected << in.rdbuf();
  if (expected.str() == actual) return;
  std::istringstream e(expected.str());
  std::istringstream a(actual);
  std::string el;
  std::string al;
  for (int line = 1;; ++line) {
    const bool more_e = static_cast<bool>(std::getline(e, el));
    const bool more_a = static_cast<bool>(std::getline(a, al));
    if (!more_e && !more_a) break;
    if (!more_e || !more_a || el != al) {
      ADD_FAILURE() << path << ":" << line << " differs (UPDATE_REFS=1 regenerates)\n"
                    << "  expected: " << (more_e ? el : "<end>") << "\n"
                    << "  actual:   " << (more_a ? al : "<end>");
      return;
    }
  }
  ADD_FAILURE() << path << " differs in line endings";
}

PlanEntry entry(std::string caption, double w, double h, std::string district = {}) {
  return {std::move(caption), std::move(district), w, h};
}

std::string plan_and_dump(const Layout& layout, const std::vector<PlanEntry>& entries) {
  FixedTextMeasure measure;
  std::vector<CaptionOverflow> overflows;
  const Plan plan = plan_pages(layout, "Unsere Mitmacherkommunen", entries, measure, &overflows);
  return dump(plan, overflows);
}

std::vector<PlanEntry> numbered(int count) {
  std::vector<PlanEntry> entries;
  const double ratios[] = {0.5, 1.0, 1.5, 2.0, 3.0, 5.0};
  for (int i = 0; i < count; ++i) {
    entries.push_back(entry("Gemeinde " + std::to_string(i + 1), ratios[i % 6], 1));
  }
  return entries;
}

TEST(plan_golden, aspect_ratios) {
  // 14 logos from tall (1:2) to wide (5:1), balanced fit, last row centred.
  const std::vector<PlanEntry> entries = {
      entry("Altena", 1, 2),        entry("Anröchte", 2, 3),     entry("Attendorn", 1, 1),
      entry("Bad Laasphe", 4, 3),   entry("Balve", 3, 2),        entry("Burbach", 2, 1),
      entry("Drolshagen", 5, 2),    entry("Erndtebrück", 3, 1),  entry("Eslohe (Sauerland)", 4, 1),
      entry("Finnentrop", 5, 1),    entry("Hallenberg", 1, 1.5), entry("Iserlohn", 1, 1.2),
      entry("Kirchhundem", 2.2, 1), entry("Lennestadt", 0.8, 1)};
  expect_golden("aspect_ratios", plan_and_dump(Layout{}, entries));
}

TEST(plan_golden, aspect_ratios_contain) {
  Layout layout;
  layout.logo.fit = Layout::Fit::contain;
  const std::vector<PlanEntry> entries = {entry("Hoch", 1, 2), entry("Quadrat", 1, 1),
                                          entry("Breit", 5, 1)};
  expect_golden("aspect_ratios_contain", plan_and_dump(layout, entries));
}

TEST(plan_golden, two_pages) {
  // 30 entries at 4 × 6 per page: 24 + 6; heading on page 1 only; folios outside.
  expect_golden("two_pages", plan_and_dump(Layout{}, numbered(30)));
}

TEST(plan_golden, last_row_left) {
  Layout layout;
  layout.grid.last_row = Layout::LastRow::left;
  expect_golden("last_row_left", plan_and_dump(layout, numbered(7)));
}

TEST(plan_golden, last_row_center) {
  expect_golden("last_row_center", plan_and_dump(Layout{}, numbered(7)));
}

TEST(plan_golden, districts) {
  Layout layout;
  layout.grid.order = Layout::Order::district;
  std::vector<PlanEntry> entries;
  int n = 0;
  for (const auto& [district, count] : testing::kRegionDistricts) {
    for (int i = 0; i < count; ++i) {
      ++n;
      entries.push_back(entry("Kommune " + std::to_string(n), 1 + (n % 4), 1, district));
    }
  }
  expect_golden("districts", plan_and_dump(layout, entries));
}

TEST(plan_golden, long_captions) {
  // Fits; wraps to two lines; shrinks; overflows even at 6 pt (truncated with an ellipsis).
  const std::vector<PlanEntry> entries = {
      entry("Olpe", 1, 1), entry("Hansestadt Attendorn", 1, 1),
      entry("Gemeinde Kirchhundem im Kreis Olpe", 1, 1),
      entry("Stadt Schmallenberg Gemeinde der Ferienregion im Hochsauerland Kreis", 1, 1),
      entry("Donaudampfschifffahrtsgesellschaftskapitänswitwe", 1, 1)};
  expect_golden("long_captions", plan_and_dump(Layout{}, entries));
}

// The region's municipalities that can become Mitmacherkommunen (pioneer cities left out),
// from the project's register, in register order: real names, varied logo shapes.
std::vector<PlanEntry> region(std::size_t count) {
  std::ifstream in(std::string(LOGOGRID_SOURCE_DIR) + "/data/suedwestfalen-municipalities.csv");
  std::string line;
  std::getline(in, line);  // header
  std::vector<PlanEntry> entries;
  const double ratios[] = {0.8, 1.0, 2.5, 1.4, 4.0, 0.6};
  while (entries.size() < count && std::getline(in, line)) {
    std::vector<std::string> fields;
    std::stringstream row(line);
    for (std::string field; std::getline(row, field, ',');) fields.push_back(field);
    if (fields.size() < 6 || fields[5] == "yes") continue;
    entries.push_back(entry(fields[1], ratios[entries.size() % 6], 1, fields[3]));
  }
  return entries;
}

Layout shipped(const std::string& name) {
  Diagnostics diagnostics;
  Layout layout = load_layout(std::string(LOGOGRID_SOURCE_DIR) + "/layouts/" + name, diagnostics);
  EXPECT_EQ(diagnostics.errors(), 0) << name;
  return layout;
}

TEST(plan_golden, region_54_are_all_there) {
  EXPECT_EQ(region(100).size(), 54U);  // 59 municipalities less the five pioneer cities
}

TEST(plan_golden, a4_14) { expect_golden("a4_14", plan_and_dump(Layout{}, region(14))); }

TEST(plan_golden, a4_54_balanced) {
  // 54 in 4 × 6: three pages of 18 (four full rows and a centred pair), one cell size.
  expect_golden("a4_54_balanced", plan_and_dump(Layout{}, region(54)));
}

TEST(plan_golden, a4_54_unbalanced) {
  Layout layout;
  layout.grid.balance = Layout::Balance::none;
  expect_golden("a4_54_unbalanced", plan_and_dump(layout, region(54)));
}

TEST(plan_golden, a4_54_districts_balanced) {
  expect_golden("a4_54_districts_balanced",
                plan_and_dump(shipped("rahmenstrategie-a4-districts.yaml"), region(54)));
}

TEST(plan_golden, poster_14) {
  expect_golden("poster_14", plan_and_dump(shipped("rahmenstrategie-a3-poster.yaml"), region(14)));
}

TEST(plan_golden, poster_30) {
  expect_golden("poster_30", plan_and_dump(shipped("rahmenstrategie-a3-poster.yaml"), region(30)));
}

TEST(plan_golden, poster_54) {
  expect_golden("poster_54", plan_and_dump(shipped("rahmenstrategie-a3-poster.yaml"), region(54)));
}

TEST(plan_golden, poster_overflow) {
  // Twice the region: more than one sheet holds at the minimum logo height.
  std::vector<PlanEntry> entries = region(54);
  for (PlanEntry e : region(54)) {
    e.caption += " II";
    entries.push_back(e);
  }
  expect_golden("poster_overflow",
                plan_and_dump(shipped("rahmenstrategie-a3-poster.yaml"), entries));
}

TEST(plan_golden, align_center) {
  Layout layout;
  layout.grid.align = Layout::Align::center;
  expect_golden("align_center", plan_and_dump(layout, region(10)));
}

TEST(plan_golden, align_spread) {
  Layout layout;
  layout.grid.align = Layout::Align::spread;
  expect_golden("align_spread", plan_and_dump(layout, region(10)));
}

TEST(plan_golden, align_spread_districts) {
  Layout layout = shipped("rahmenstrategie-a4-districts.yaml");
  layout.grid.align = Layout::Align::spread;
  expect_golden("align_spread_districts", plan_and_dump(layout, region(17)));
}

TEST(plan_golden, golden_test_detects_a_change) {
  // A plan that differs by one cell must not match the reference of another.
  const std::string a = plan_and_dump(Layout{}, numbered(7));
  Layout shifted;
  shifted.grid.gutter += 0.01;
  EXPECT_NE(a, plan_and_dump(shifted, numbered(7)));
}

}  // namespace
}  // namespace logogrid

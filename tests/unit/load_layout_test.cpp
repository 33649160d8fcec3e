#include <gtest/gtest.h>

#include <cmath>

#include "load/layout.hpp"
#include "test_support.hpp"

namespace logogrid {
namespace {

using testing::find_code;
using testing::TempDir;

TEST(load_layout, parses_lengths_with_units_only) {
  double pt = 0;
  EXPECT_TRUE(parse_length("3mm", pt));
  EXPECT_NEAR(pt, 8.504, 0.001);
  EXPECT_TRUE(parse_length("1in", pt));
  EXPECT_DOUBLE_EQ(pt, 72);
  EXPECT_TRUE(parse_length("2.5 pt", pt));
  EXPECT_TRUE(parse_length("0.5cm", pt));
  EXPECT_NEAR(pt, 14.173, 0.001);
  EXPECT_FALSE(parse_length("3", pt));
  EXPECT_FALSE(parse_length("mm", pt));
  EXPECT_FALSE(parse_length("3 furlongs", pt));
}

TEST(load_layout, shipped_default_equals_builtin) {
  Diagnostics d;
  const Layout file =
      load_layout(std::string(LOGOGRID_SOURCE_DIR) + "/layouts/rahmenstrategie-a4.yaml", d);
  EXPECT_EQ(d.items().size(), 0u);
  const Layout builtin = default_layout();
  EXPECT_NEAR(file.page.width, builtin.page.width, 1e-9);
  EXPECT_NEAR(file.page.bleed, builtin.page.bleed, 1e-9);
  EXPECT_NEAR(file.margins.top, builtin.margins.top, 1e-9);
  EXPECT_EQ(file.grid.columns, builtin.grid.columns);
  EXPECT_EQ(file.grid.rows, builtin.grid.rows);
  EXPECT_EQ(file.caption.font, builtin.caption.font);
  EXPECT_EQ(file.heading.font, builtin.heading.font);
  EXPECT_EQ(file.logo.base, builtin.logo.base);
  EXPECT_EQ(file.pdf.title, builtin.pdf.title);
}

TEST(load_layout, every_shipped_layout_loads_cleanly) {
  for (const char* name : {"rahmenstrategie-a4.yaml", "rahmenstrategie-a4-districts.yaml",
                           "rahmenstrategie-a3-poster.yaml"}) {
    Diagnostics d;
    load_layout(std::string(LOGOGRID_SOURCE_DIR) + "/layouts/" + name, d);
    EXPECT_EQ(d.items().size(), 0u)
        << name << ": " << (d.items().empty() ? "" : d.items()[0].message);
  }
}

Diagnostics load_text(const std::string& yaml, Layout* out = nullptr) {
  TempDir dir;
  Diagnostics d;
  Layout l = load_layout(dir.write("layout.yaml", yaml), d);
  if (out) *out = l;
  return d;
}

TEST(load_layout, bare_number_is_invalid_with_position) {
  const Diagnostics d = load_text("page:\n  bleed: 3\n");
  const Diagnostic* e = find_code(d, "layout-invalid");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->pos, (Position{2, 10}));
}

TEST(load_layout, unknown_key_suggests_closest) {
  const Diagnostics d = load_text("grid:\n  colums: 4\n");
  const Diagnostic* e = find_code(d, "layout-invalid");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->pos, (Position{2, 3}));
  EXPECT_NE(e->hints[0].find("columns"), std::string::npos);
}

TEST(load_layout, svg_renderer_budget_is_set_per_layout) {
  Layout l;
  EXPECT_TRUE(load_text("logo:\n  render_time_limit: 60\n  render_memory_limit: 4096\n", &l)
                  .items()
                  .empty());
  EXPECT_DOUBLE_EQ(l.logo.render_time_limit, 60);
  EXPECT_DOUBLE_EQ(l.logo.render_memory_limit, 4096);
  EXPECT_TRUE(find_code(load_text("logo:\n  render_memory_limit: 10\n"), "layout-invalid"));
}

TEST(load_layout, margins_wider_than_page_are_invalid) {
  const Diagnostics d =
      load_text("margins: {top: 150mm, bottom: 150mm, inside: 20mm, outside: 20mm}\n");
  const Diagnostic* e = find_code(d, "layout-invalid");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->pos.line, 1);
}

TEST(load_layout, cells_smaller_than_caption_are_invalid) {
  const Diagnostics d = load_text("grid:\n  rows: 30\ncaption:\n  font: \"DejaVu Sans 12\"\n");
  const Diagnostic* e = find_code(d, "layout-invalid");
  ASSERT_TRUE(e);
  EXPECT_EQ(e->pos.line, 2);
  EXPECT_NE(e->message.find("too small"), std::string::npos);
}

TEST(load_layout, orientation_and_named_sizes) {
  Layout l;
  EXPECT_EQ(load_text("page: {size: A3, orientation: landscape}\n", &l).items().size(), 0u);
  EXPECT_NEAR(l.page.width, 420 * kPointsPerMm, 1e-9);
  EXPECT_NEAR(l.page.height, 297 * kPointsPerMm, 1e-9);
  EXPECT_EQ(load_text("page: {size: [300mm, 400mm]}\n", &l).items().size(), 0u);
  EXPECT_NEAR(l.page.width, 300 * kPointsPerMm, 1e-9);
  EXPECT_TRUE(find_code(load_text("page: {size: B5}\n"), "layout-invalid"));
  EXPECT_TRUE(find_code(load_text("logo: {fit: stretch}\n"), "layout-invalid"));
  EXPECT_TRUE(find_code(load_text("caption: {font: DejaVu Sans}\n"), "layout-invalid"));
}

TEST(load_layout, records_font_positions) {
  Layout l;
  load_text("caption:\n  font: \"Nope Sans 8\"\n", &l);
  EXPECT_EQ(l.font_positions.at("Nope Sans 8"), (Position{2, 9}));
}

}  // namespace
}  // namespace logogrid

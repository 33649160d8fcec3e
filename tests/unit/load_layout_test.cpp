#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

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

namespace logogrid {
namespace {

TEST(load_layout, grid_auto_page_limit_balance_and_align) {
  Layout l;
  const Diagnostics d = load_text(
      "grid:\n  columns: auto\n  rows: 3\n  pages: 1\n  cell_aspect: 1.5\n  max_columns: 8\n"
      "  min_logo_height: 25mm\n  balance: none\n  align: spread\n",
      &l);
  EXPECT_EQ(d.items().size(), 0u) << d.items()[0].message;
  EXPECT_EQ(l.grid.columns, Layout::kAuto);
  EXPECT_EQ(l.grid.rows, 3);
  EXPECT_EQ(l.grid.pages, 1);
  EXPECT_DOUBLE_EQ(l.grid.cell_aspect, 1.5);
  EXPECT_EQ(l.grid.max_columns, 8);
  EXPECT_NEAR(l.grid.min_logo_height, 25 * kPointsPerMm, 1e-9);
  EXPECT_EQ(l.grid.balance, Layout::Balance::none);
  EXPECT_EQ(l.grid.align, Layout::Align::spread);
  EXPECT_EQ(l.grid.position, (Position{2, 3}));
}

TEST(load_layout, bad_grid_values_are_invalid) {
  for (const char* yaml :
       {"grid: {columns: many}\n", "grid: {pages: 0}\n", "grid: {align: bottom}\n",
        "grid: {balance: rows}\n", "grid: {min_logo_height: 20}\n", "grid: {cell_aspect: 0}\n"}) {
    EXPECT_TRUE(find_code(load_text(yaml), "layout-invalid")) << yaml;
  }
}

TEST(load_layout, fonts_are_files_or_folders_next_to_the_layout) {
  TempDir dir;
  dir.write("fonts/b-Second.otf", "x");
  dir.write("fonts/a-First.ttf", "x");
  dir.write("fonts/readme.txt", "not a font");
  dir.write("fonts/nested/Deeper.ttf", "x");  // only the folder's own files
  dir.write("One.TTF", "x");
  Diagnostics d;
  const Layout l =
      load_layout(dir.write("layout.yaml", "fonts: [fonts, One.TTF, missing.ttf]\n"), d);
  ASSERT_EQ(l.fonts.size(), 3U);
  EXPECT_EQ(l.fonts[0].path, dir.file("fonts/a-First.ttf"));  // folders: in name order
  EXPECT_EQ(l.fonts[1].path, dir.file("fonts/b-Second.otf"));
  EXPECT_EQ(l.fonts[2].path, dir.file("One.TTF"));
  EXPECT_EQ(l.fonts[2].pos, (Position{1, 16}));
  const Diagnostic* missing = find_code(d, "layout-invalid");
  ASSERT_TRUE(missing);
  EXPECT_EQ(missing->pos, (Position{1, 25}));
  EXPECT_TRUE(find_code(load_text("fonts: lato\n"), "layout-invalid"));  // not a list
}

TEST(load_layout, pdf_print_keys) {
  TempDir dir;
  Diagnostics d;
  const Layout l = load_layout(
      dir.write("layout.yaml", "pdf: {standard: none, color: cmyk, logo_black: rich}\n"), d);
  EXPECT_EQ(d.items().size(), 0u);
  EXPECT_EQ(l.pdf.standard, Layout::Pdf::Standard::none);
  EXPECT_EQ(l.pdf.color, Layout::Pdf::Color::cmyk);
  EXPECT_EQ(l.pdf.logo_black, Layout::Pdf::LogoBlack::rich);
  const Layout builtin = default_layout();
  EXPECT_EQ(builtin.pdf.standard, Layout::Pdf::Standard::x4);
  EXPECT_EQ(builtin.pdf.color, Layout::Pdf::Color::rgb_managed);
  EXPECT_EQ(builtin.pdf.output_intent->condition, "FOGRA39");
}

TEST(load_layout, output_intent_profile_relative_to_the_layout) {
  TempDir dir;
  std::ofstream(dir.file("shop.icc"), std::ios::binary) << shipped_output_profile();
  Diagnostics d;
  const Layout l = load_layout(
      dir.write("layout.yaml",
                "pdf:\n  output_intent: {profile: shop.icc, condition: FOGRA39L, info: Shop}\n"),
      d);
  EXPECT_EQ(d.items().size(), 0u);
  EXPECT_EQ(l.pdf.output_intent->condition, "FOGRA39L");
  EXPECT_EQ(l.pdf.output_intent->info, "Shop");
  EXPECT_EQ(l.pdf.output_intent->profile.size(), shipped_output_profile().size());
}

TEST(load_layout, output_profile_problems_are_reported_at_the_profile) {
  TempDir dir;
  std::ofstream(dir.file("rgb.icc"), std::ios::binary) << srgb_profile();
  for (const char* profile : {"missing.icc", "rgb.icc", "layout.yaml"}) {
    Diagnostics d;
    const Layout l =
        load_layout(dir.write("layout.yaml", std::string("pdf:\n  output_intent:\n    profile: ") +
                                                 profile + "\n"),
                    d);
    const Diagnostic* bad = find_code(d, "output-profile-invalid");
    ASSERT_NE(bad, nullptr) << profile;
    EXPECT_EQ(bad->pos.line, 3);
    EXPECT_EQ(bad->pos.column, 14);
    EXPECT_EQ(l.pdf.output_intent->condition, "FOGRA39");  // unchanged
  }
}

}  // namespace
}  // namespace logogrid

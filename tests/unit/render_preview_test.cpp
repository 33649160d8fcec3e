// Reference-image tests: pages rasterised at low dpi (cairo previews and the finished PDF
// through pdftoppm) compared with tests/fixtures/render/*.png. UPDATE_REFS=1 regenerates.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>

#include "app/job.hpp"
#include "app/output.hpp"
#include "render/render.hpp"
#include "render_support.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

namespace fs = std::filesystem;
using namespace render_fixtures;

constexpr double kDpi = 30;

struct Logos {
  std::unique_ptr<Logo> svg = svg_logo(fixture("plain.svg"));
  std::unique_ptr<Logo> shadow = svg_logo(fixture("drop-shadow.svg"), true);
  std::unique_ptr<Logo> png = png_logo(240, 120);
};

// Heading, three logos (vector, filter, raster), captions, a right-aligned page number and
// a left-aligned note.
RenderJob sample_job(const Logos& logos) {
  RenderJob job = job_with({{{0, 2.0}, {1, 1.0}, {2, 2.0}}},
                           {logos.svg.get(), logos.shadow.get(), logos.png.get()});
  job.plan.pages[0].district_headings.push_back(
      text("Hochsauerlandkreis", {56.7, 250, 300, 12}, 10, TextBlock::Align::left));
  return job;
}

TEST(render_preview, page_matches_reference) {
  TempDir dir;
  Logos logos;
  const auto written = render_png_previews(sample_job(logos), dir.file("png"), kDpi);
  ASSERT_EQ(written.size(), 1u);
  const ImageComparison result = compare_with_reference(written[0], "preview-page-1.png");
  EXPECT_TRUE(result.matches) << result.message;
}

TEST(render_preview, finished_pdf_page_matches_reference) {
  TempDir dir;
  Logos logos;
  const std::string pdf = build(sample_job(logos), dir);
  const CommandResult raster =
      run("pdftoppm -r 30 -png -singlefile '" + pdf + "' '" + dir.file("page") + "'");
  ASSERT_EQ(raster.exit_code, 0) << raster.output;
  // pdftoppm renders the whole MediaBox: trim plus bleed.
  const ImageComparison result = compare_with_reference(dir.file("page.png"), "pdf-page-1.png");
  EXPECT_TRUE(result.matches) << result.message;
}

TEST(render_preview, poster_of_the_14_matches_reference) {
  // The shipped job on the shipped poster: an auto grid (5 × 3) filling the A3 sheet, set in
  // the layout's own Lato. Loading, planning and rendering as build does them.
  TempDir dir;
  PangoTextMeasure measure;
  JobOptions options;
  options.participants = std::string(LOGOGRID_SOURCE_DIR) + "/participants.yaml";
  options.layout = std::string(LOGOGRID_SOURCE_DIR) + "/layouts/rahmenstrategie-a3-poster.yaml";
  options.svg_documents = true;  // the preview draws the SVGs in this process
  Job job = prepare_job(options, measure);
  ASSERT_EQ(job.diagnostics.items().size(), 0U) << job.diagnostics.items()[0].message;
  const PagedJob paged = plan_job(job, measure, is_included);
  ASSERT_EQ(paged.plan.columns, 5);
  ASSERT_EQ(paged.plan.rows, 3);
  const auto written = render_png_previews(make_render_job(job, paged), dir.file("png"), 20);
  ASSERT_EQ(written.size(), 1u);
  const ImageComparison result = compare_with_reference(written[0], "poster-14.png");
  EXPECT_TRUE(result.matches) << result.message;
}

TEST(render_preview, comparison_detects_a_moved_logo) {
  TempDir dir;
  Logos logos;
  RenderJob job = sample_job(logos);
  job.plan.pages[0].placements[0].logo.x += 10;  // 10 pt ≈ 4 px at 30 dpi
  const auto written = render_png_previews(job, dir.file("png"), kDpi);
  const ImageComparison result =
      compare_with_reference(written.at(0), "preview-page-1.png", 8, ReferenceMode::probe);
  EXPECT_FALSE(result.matches) << result.message;
}

TEST(render_preview, pages_are_the_trim_size_and_numbered) {
  TempDir dir;
  Logos logos;
  RenderJob job = job_with({{{0, 2.0}}, {{2, 2.0}}}, {logos.svg.get(), nullptr, logos.png.get()});
  job.appendix_pages.push_back([](cairo_t*) {});
  const auto written = render_png_previews(job, dir.file("png"), 72);
  ASSERT_EQ(written.size(), 3u);
  EXPECT_EQ(fs::path(written[2]).filename(), "page-003.png");
  cairo_surface_t* page = cairo_image_surface_create_from_png(written[0].c_str());
  EXPECT_EQ(cairo_image_surface_get_width(page), 595);
  EXPECT_EQ(cairo_image_surface_get_height(page), 842);
  cairo_surface_destroy(page);
}

// Reads one pixel (0xRRGGBB) of a PNG.
unsigned pixel(const std::string& png, int x, int y) {
  cairo_surface_t* image = cairo_image_surface_create_from_png(png.c_str());
  cairo_surface_flush(image);
  const unsigned char* data = cairo_image_surface_get_data(image);
  const int stride = cairo_image_surface_get_stride(image);
  const auto* row = reinterpret_cast<const std::uint32_t*>(data + y * stride);
  const unsigned value = row[x] & 0xffffffu;
  cairo_surface_destroy(image);
  return value;
}

TEST(render_preview, logo_is_clipped_to_its_box) {
  // The SVG's red background lies outside the ink box (the blue square): it must not show
  // around the placed logo, where a neighbour could be.
  TempDir dir;
  auto logo = svg_logo(fixture("background-outside-ink.svg"));
  logo->ink = {100, 100, 100, 100};
  RenderJob job = job_with({{}}, {logo.get()});
  Placement p;
  p.logo = {100, 200, 72, 72};  // 1 in square: 72 px at 72 dpi
  job.plan.pages[0].placements.push_back(p);
  const auto written = render_png_previews(job, dir.file("png"), 72);
  const std::string& png = written.at(0);
  EXPECT_EQ(pixel(png, 136, 236), 0x0000ffu);  // centre: blue ink
  EXPECT_EQ(pixel(png, 101, 201), 0x0000ffu);  // just inside the corner
  EXPECT_EQ(pixel(png, 98, 236), 0xffffffu);   // just left: paper, not red
  EXPECT_EQ(pixel(png, 136, 273), 0xffffffu);  // just below
}

TEST(render_preview, filter_effects_render_without_the_pdf_workaround) {
  // Previews draw filter SVGs with librsvg at the preview's resolution: the shadow shows.
  TempDir dir;
  auto logo = svg_logo(fixture("drop-shadow.svg"), true);
  RenderJob job = job_with({{}}, {logo.get()});
  Placement p;
  p.logo = {0, 0, 120, 120};
  job.plan.pages[0].placements.push_back(p);
  const auto written = render_png_previews(job, dir.file("png"), 72);
  // Shadow: 4 px right/below the 85 px square at 15..100, blurred grey, not white, not green.
  const unsigned shadow = pixel(written.at(0), 102, 60);
  EXPECT_NE(shadow, 0xffffffu);
  EXPECT_EQ((shadow >> 16) & 0xff, (shadow >> 8) & 0xff);  // grey
}

}  // namespace
}  // namespace logogrid

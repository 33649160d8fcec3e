// prepare_job: what check and build share. check must measure logos exactly as build
// does (same ink raster), and the plan it vets is the one build prints.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include "app/job.hpp"
#include "resolve/svg_logo.hpp"
#include "test_support.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

using testing::TempDir;

std::string svg(int width, int margin) {
  const int w = width - 2 * margin;
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + std::to_string(width) +
         " 100\"><rect x=\"" + std::to_string(margin) + "\" y=\"10\" width=\"" + std::to_string(w) +
         "\" height=\"80\" fill=\"#1f3a5f\"/></svg>\n";
}

// Three participants with SVG logos of different sizes and margins.
std::string write_set(const TempDir& dir) {
  std::string yaml =
      "campaign:\n  title: Test\n  deadline: 2021-10-15\n  region: none\nparticipants:\n";
  for (int i = 1; i <= 3; ++i) {
    const std::string logo = "logos/l" + std::to_string(i) + ".svg";
    dir.write(logo, svg(100 * i + 37, 7 * i));
    yaml += "  - name: Gemeinde " + std::to_string(i) + "\n    logo: " + logo +
            "\n    commitment:\n      kind: letter_of_intent\n      date: 2021-09-01\n";
  }
  return dir.write("participants.yaml", yaml);
}

TEST(app_job, check_measures_svg_ink_on_the_raster_build_uses) {
  TempDir dir;
  JobOptions options;
  options.participants = write_set(dir);
  PangoTextMeasure measure;
  const Job job = prepare_job(options, measure);  // as check calls it: no render hook
  ASSERT_FALSE(job.diagnostics.has_errors());
  ASSERT_TRUE(job.included_pages.has_value());
  const Rect& area = job.included_pages->plan.pages.at(0).placements.at(0).logo_area;
  const int build_side = svg_ink_side_for(std::max(area.w, area.h));
  ASSERT_LT(build_side, kSvgInkRenderSide);  // else the test proves nothing
  for (const auto& logo : job.logos) {
    ASSERT_TRUE(logo);
    EXPECT_EQ(logo->ink_side, build_side) << logo->path;
  }
}

TEST(app_job, the_plan_of_included_entries_is_made_once_and_is_the_one_planned_again) {
  TempDir dir;
  JobOptions options;
  options.participants = write_set(dir);
  PangoTextMeasure measure;
  Job job = prepare_job(options, measure);
  ASSERT_TRUE(job.included_pages.has_value());
  const PagedJob again = plan_job(job, measure, is_included);
  EXPECT_EQ(job.included_pages->participant_of_entry, again.participant_of_entry);
  ASSERT_EQ(job.included_pages->plan.pages.size(), again.plan.pages.size());
  for (std::size_t p = 0; p < again.plan.pages.size(); ++p) {
    const auto& a = job.included_pages->plan.pages[p].placements;
    const auto& b = again.plan.pages[p].placements;
    ASSERT_EQ(a.size(), b.size());
    for (std::size_t k = 0; k < a.size(); ++k) {
      EXPECT_EQ(a[k].entry, b[k].entry);
      EXPECT_DOUBLE_EQ(a[k].logo.x, b[k].logo.x);
      EXPECT_DOUBLE_EQ(a[k].logo.w, b[k].logo.w);
    }
  }
}

TEST(app_job, results_do_not_depend_on_the_thread_count_or_the_order_of_work) {
  TempDir dir;
  JobOptions options;
  options.participants = write_set(dir);
  PangoTextMeasure measure;
  options.threads = 1;
  const Job serial = prepare_job(options, measure);
  options.threads = 3;
  const Job parallel = prepare_job(options, measure);
  ASSERT_EQ(serial.logos.size(), parallel.logos.size());
  for (std::size_t i = 0; i < serial.logos.size(); ++i) {
    ASSERT_TRUE(serial.logos[i] && parallel.logos[i]);
    EXPECT_EQ(serial.logos[i]->path, parallel.logos[i]->path);
    EXPECT_EQ(serial.logos[i]->ink.x, parallel.logos[i]->ink.x);
    EXPECT_EQ(serial.logos[i]->ink.width, parallel.logos[i]->ink.width);
  }
}

TEST(app_job, check_leaves_png_print_images_and_hashes_unmade_and_build_makes_them) {
  TempDir dir;
  JobOptions options;
  options.participants = write_set(dir);
  std::filesystem::copy_file(std::string(LOGOGRID_FIXTURES) + "/check/logos/print.png",
                             dir.path() / "logos/l2.svg",
                             std::filesystem::copy_options::overwrite_existing);
  PangoTextMeasure measure;
  const Job built = prepare_job(options, measure);
  options.check_only = true;  // as run_check calls it
  const Job checked = prepare_job(options, measure);
  ASSERT_FALSE(checked.diagnostics.has_errors());
  const auto& png_built = built.logos.at(1);
  const auto& png_checked = checked.logos.at(1);
  ASSERT_TRUE(png_built && png_checked);
  ASSERT_EQ(png_checked->format, LogoFormat::png);
  EXPECT_TRUE(png_built->png);
  EXPECT_FALSE(png_checked->png);  // compressing the samples was a third of check
  EXPECT_FALSE(png_built->content_hash.empty());
  EXPECT_TRUE(png_checked->content_hash.empty());
  EXPECT_EQ(png_checked->ink.x, png_built->ink.x);
  EXPECT_EQ(png_checked->ink.width, png_built->ink.width);
  EXPECT_EQ(png_checked->ink.height, png_built->ink.height);
}

}  // namespace
}  // namespace logogrid

// SVG logos through the real binary (issue 10): renderer faults end as diagnostics for
// their entries only, fine detail reaches the PDF at print resolution, and check and build
// agree on every SVG fixture (tests/fixtures/svg); text decorations print as thick as
// rsvg-convert draws them; previews draw SVG logos in workers only.
#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "cli_support.hpp"

namespace logogrid::cli {
namespace {

namespace fs = std::filesystem;

struct Entry {
  std::string name;
  std::string logo;
};

// A participants file with these entries (all qualifying, unless a pioneer city), with the
// SVG fixtures copied to logos/.
void write_job(const Sandbox& box, const std::vector<Entry>& entries,
               const std::string& layout = "") {
  std::string yaml = "campaign:\n  deadline: 2021-10-15\n";
  if (!layout.empty()) yaml += "  layout: layout.yaml\n";
  yaml += "participants:\n";
  for (const Entry& e : entries)
    yaml += "  - name: " + e.name + "\n    logo: logos/" + e.logo +
            "\n    commitment: {kind: letter_of_intent, date: 2021-09-01}\n";
  box.write("participants.yaml", yaml);
  if (!layout.empty()) box.write("layout.yaml", layout);
  for (const Entry& e : entries) box.write("logos/" + e.logo, slurp(fixture("svg/" + e.logo)));
}

// The diagnostic lines (and their hints) of a run's stderr, without the summary line.
std::vector<std::string> diagnostic_lines(const std::string& err) {
  std::vector<std::string> lines;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (line.rfind("check:", 0) != 0 && line.rfind("build:", 0) != 0) lines.push_back(line);
  return lines;
}

const std::string kFastLayout = "logo:\n  render_time_limit: 2\n";

TEST(svg_logos_cli, renderer_faults_are_reported_per_entry_and_the_run_goes_on) {
  Sandbox box;
  write_job(box,
            {{"Brilon", "crash-tile.svg"},
             {"Hemer", "crash-convolve.svg"},
             {"Werl", "slow-turbulence.svg"},
             {"Balve", "link.svg"},
             {"Sundern", "mask.svg"}},
            kFastLayout);
  const Result check = box.run("check");
  EXPECT_EQ(check.exit_code, 1) << check.err;
  EXPECT_NE(check.err.find("participants.yaml:6:11: error[logo-corrupt]: logos/crash-tile.svg: "
                           "the SVG renderer failed on this file: "),
            std::string::npos)
      << check.err;
  EXPECT_NE(check.err.find("error[logo-corrupt]: logos/crash-convolve.svg: the SVG renderer "
                           "failed on this file: "),
            std::string::npos)
      << check.err;
  EXPECT_NE(check.err.find("logos/slow-turbulence.svg: the SVG renderer took longer than 2 s"),
            std::string::npos)
      << check.err;
  EXPECT_NE(check.err.find("3 errors, 0 warnings"), std::string::npos) << check.err;

  const Result json = box.run("check --format json");
  EXPECT_EQ(json.exit_code, 1);
  const auto report = nlohmann::json::parse(json.out);
  EXPECT_EQ(report["summary"]["invalid"], 3);
  EXPECT_EQ(report["summary"]["included"], 2);

  const Result proof = box.run("proof -o proof.pdf");
  EXPECT_EQ(proof.exit_code, 0) << proof.err;
  EXPECT_TRUE(fs::exists(box.dir() / "proof.pdf"));
}

TEST(svg_logos_cli, build_goes_on_past_a_crashing_logo_of_an_excluded_entry) {
  Sandbox box;
  // Arnsberg is a pioneer city: excluded, its logo problems are warnings.
  write_job(box, {{"Arnsberg", "crash-tile.svg"}, {"Balve", "link.svg"}});
  const Result build = box.run("build -o out.pdf");
  EXPECT_EQ(build.exit_code, 0) << build.err;
  EXPECT_NE(build.err.find("warning[logo-corrupt]: logos/crash-tile.svg: the SVG renderer "
                           "failed on this file"),
            std::string::npos)
      << build.err;
  EXPECT_TRUE(fs::exists(box.dir() / "out.pdf"));
}

TEST(svg_logos_cli, fine_pattern_and_mask_reach_the_pdf_at_print_resolution) {
  Sandbox box;
  write_job(box, {{"Brilon", "fine-pattern.svg"}, {"Hemer", "mask.svg"}});
  const Result build = box.run("build -o out.pdf --report report.json");
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const std::string pdf = (box.dir() / "out.pdf").string();
  // Every image librsvg made (the mask) is at least 300 ppi at the placed size.
  std::istringstream images(shell("pdfimages -list '" + pdf + "' | tail -n +3"));
  int count = 0;
  for (std::string line; std::getline(images, line); ++count) {
    std::istringstream fields(line);
    std::vector<std::string> f{std::istream_iterator<std::string>(fields), {}};
    ASSERT_GE(f.size(), 13u) << line;
    EXPECT_GE(std::stoi(f[12]), 300) << line;
    EXPECT_GE(std::stoi(f[13]), 300) << line;
  }
  EXPECT_GE(count, 1);
  // The checker inside the disc prints: about half of the disc's middle is dark.
  const auto report = nlohmann::json::parse(slurp(box.dir() / "report.json"));
  std::vector<double> logo;
  for (const auto& page : report["pages"])
    for (const auto& placed : page["placements"])
      if (placed["participant"] == "Brilon") logo = placed["logo"].get<std::vector<double>>();
  ASSERT_EQ(logo.size(), 4u);
  const int dpi = 600;
  const double cx = logo[0] + logo[2] / 2, cy = logo[1] + logo[3] / 2;
  const int x = static_cast<int>((cx - logo[2] / 6) / 72 * dpi);
  const int y = static_cast<int>((cy - logo[3] / 6) / 72 * dpi);
  const int side = static_cast<int>(logo[2] / 3 / 72 * dpi);
  const std::string gray =
      shell("pdftoppm -gray -r 600 -f 1 -l 1 -x " + std::to_string(x) + " -y " + std::to_string(y) +
            " -W " + std::to_string(side) + " -H " + std::to_string(side) + " '" + pdf + "'");
  const auto header_end = gray.find('\n', gray.find('\n', gray.find('\n') + 1) + 1);
  ASSERT_NE(header_end, std::string::npos);
  int dark = 0, all = 0;
  for (std::size_t i = header_end + 1; i < gray.size(); ++i, ++all)
    dark += static_cast<unsigned char>(gray[i]) < 128 ? 1 : 0;
  ASSERT_GT(all, 100);
  EXPECT_GT(dark, all / 4) << dark << " of " << all;
  EXPECT_LT(dark, all * 3 / 4) << dark << " of " << all;
}

TEST(svg_logos_cli, embedded_raster_below_the_ppi_rule_names_its_line) {
  Sandbox box;
  write_job(box, {{"Brilon", "embedded-low.svg"}, {"Hemer", "embedded-print.svg"}});
  const Result check = box.run("check");
  EXPECT_NE(check.err.find("logos/embedded-low.svg: the image embedded at line 3 of the SVG "
                           "is 40×40 px, which prints at"),
            std::string::npos)
      << check.err;
  EXPECT_EQ(check.err.find("embedded-print.svg"), std::string::npos) << check.err;
}

// A grey raster, 0 = ink, 255 = paper.
struct Grey {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
  unsigned char at(int x, int y) const {
    return pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                  static_cast<std::size_t>(x)];
  }
};

Grey read_pgm(const std::string& pgm) {
  std::istringstream in(pgm);
  std::string magic;
  int max = 0;
  Grey grey;
  in >> magic >> grey.width >> grey.height >> max;
  in.get();
  grey.pixels.resize(static_cast<std::size_t>(grey.width) * static_cast<std::size_t>(grey.height));
  in.read(reinterpret_cast<char*>(grey.pixels.data()),
          static_cast<std::streamsize>(grey.pixels.size()));
  if (magic != "P5" || max != 255 || !in) grey.width = grey.height = 0;
  return grey;
}

Grey read_png(const fs::path& path) {
  Grey grey;
  cairo_surface_t* image = cairo_image_surface_create_from_png(path.c_str());
  if (cairo_surface_status(image) == CAIRO_STATUS_SUCCESS) {
    grey.width = cairo_image_surface_get_width(image);
    grey.height = cairo_image_surface_get_height(image);
    const unsigned char* data = cairo_image_surface_get_data(image);
    const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(image));
    for (int y = 0; y < grey.height; ++y)
      for (int x = 0; x < grey.width; ++x)  // opaque (drawn on white): green of BGRA
        grey.pixels.push_back(
            data[static_cast<std::size_t>(y) * stride + 4 * static_cast<std::size_t>(x) + 1]);
  }
  cairo_surface_destroy(image);
  return grey;
}

// Thickness of each line crossing the middle column of the ink, as a fraction of the ink's
// width (so renderings at different scales compare), top to bottom.
std::vector<double> line_thicknesses(const Grey& grey) {
  int x0 = grey.width, x1 = -1;
  for (int y = 0; y < grey.height; ++y)
    for (int x = 0; x < grey.width; ++x)
      if (grey.at(x, y) < 128) {
        x0 = std::min(x0, x);
        x1 = std::max(x1, x);
      }
  std::vector<double> lines;
  if (x1 < x0) return lines;
  const int middle = (x0 + x1) / 2;
  double ink = 0;
  for (int y = 0; y <= grey.height; ++y) {
    const double cover = y < grey.height ? (255 - grey.at(middle, y)) / 255.0 : 0;
    if (cover > 0.02) {
      ink += cover;
    } else if (ink > 0) {
      lines.push_back(ink / (x1 + 1 - x0));
      ink = 0;
    }
  }
  return lines;
}

TEST(svg_logos_cli, text_decorations_print_as_thick_as_rsvg_convert_draws_them) {
  Sandbox box;
  write_job(box, {{"Brilon", "text-decoration.svg"}});
  const Result build = box.run("build -o out.pdf --report report.json");
  ASSERT_EQ(build.exit_code, 0) << build.err;
  const auto report = nlohmann::json::parse(slurp(box.dir() / "report.json"));
  const auto logo = report["pages"][0]["placements"][0]["logo"].get<std::vector<double>>();
  ASSERT_EQ(logo.size(), 4u);
  // The report's origin is the TrimBox's top-left corner; pdftoppm's is the MediaBox's.
  std::istringstream boxes(shell("pdfinfo -box '" + (box.dir() / "out.pdf").string() + "'"));
  double media_top = 0, trim_left = 0, trim_top = 0;
  for (std::string line; std::getline(boxes, line);) {
    std::istringstream fields(line);
    std::string name;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    fields >> name >> x0 >> y0 >> x1 >> y1;
    if (name == "MediaBox:") media_top = y1;
    if (name == "TrimBox:") trim_left = x0, trim_top = y1;
  }
  ASSERT_GT(media_top, 0);
  // The logo with a margin of 2 pt (its caption is further away).
  const double dpi = 1200, margin = 2;
  const auto px = [&](double pt) { return std::to_string(std::lround(pt / 72 * dpi)); };
  const Grey printed = read_pgm(
      shell("pdftoppm -gray -r 1200 -f 1 -l 1 -x " + px(trim_left + logo[0] - margin) + " -y " +
            px(media_top - trim_top + logo[1] - margin) + " -W " + px(logo[2] + 2 * margin) +
            " -H " + px(logo[3] + 2 * margin) + " '" + (box.dir() / "out.pdf").string() + "'"));
  ASSERT_GT(printed.width, 0);
  // librsvg's own raster rendering, at about the same number of pixels across.
  const fs::path png = box.dir() / "rsvg.png";
  const std::string command = "rsvg-convert -b white -z 8 -o '" + png.string() + "' '" +
                              fixture("svg/text-decoration.svg").string() + "'";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  const std::vector<double> expected = line_thicknesses(read_png(png));
  const std::vector<double> got = line_thicknesses(printed);
  ASSERT_EQ(expected.size(), 3u);  // underline, overline, line-through
  ASSERT_EQ(got.size(), expected.size());
  for (std::size_t i = 0; i < got.size(); ++i)
    EXPECT_NEAR(got[i], expected[i], 0.15 * expected[i]) << "line " << i;
}

// The dynamic linker's record of the symbols each process of a run bound (LD_DEBUG=bindings;
// the binary binds lazily, so a function is bound when first called): {main process's
// record, the workers' records}. Workers run as "logogrid-svg-worker" (their argv[0]).
// ld.so's bindings per process: {main process, workers}. Each program ld.so starts writes
// `process.<pid>`; processes forked from it (the zygote's workers) write into the same
// file, each line led by its own pid. A spawned worker's file names it by its argv[0].
std::pair<std::string, std::vector<std::string>> bindings_by_process(const fs::path& folder) {
  std::pair<std::string, std::vector<std::string>> records;
  for (const auto& entry : fs::directory_iterator(folder)) {
    const std::string name = entry.path().filename().string();
    const std::string own = name.substr(name.rfind('.') + 1);
    std::map<std::string, std::string> by_pid;
    std::istringstream lines(slurp(entry.path()));
    for (std::string line; std::getline(lines, line);) {
      const std::size_t start = line.find_first_not_of(' ');
      const std::size_t colon = line.find(':');
      if (start == std::string::npos || colon == std::string::npos || colon < start) continue;
      by_pid[line.substr(start, colon - start)] += line + "\n";
    }
    for (auto& [pid, text] : by_pid) {
      if (pid != own || text.find("binding file logogrid-svg-worker ") != std::string::npos)
        records.second.push_back(std::move(text));
      else
        records.first = std::move(text);
    }
  }
  return records;
}

TEST(svg_logos_cli, previews_draw_svg_logos_in_workers_only) {
  Sandbox box;
  // Arnsberg is a pioneer city: excluded, its crashing logo a warning; the run goes on.
  write_job(box, {{"Arnsberg", "crash-tile.svg"}, {"Balve", "mask.svg"}, {"Brilon", "link.svg"}});
  for (const std::string command :
       {"build -o out.pdf --png png", "proof -o proof.pdf --png proof"}) {
    const fs::path trace = box.dir() / ("trace-" + command.substr(0, 5));
    fs::create_directories(trace);
    const Result run = box.run(
        command, "LD_DEBUG=bindings LD_DEBUG_OUTPUT='" + (trace / "process").string() + "'");
    ASSERT_EQ(run.exit_code, 0) << command << "\n" << run.err;
    const std::string folder = command.substr(command.rfind(' ') + 1);
    EXPECT_TRUE(fs::exists(box.dir() / folder / "page-001.png")) << command;
    const auto [main_process, workers] = bindings_by_process(trace);
    ASSERT_FALSE(main_process.empty()) << command;
    EXPECT_EQ(main_process.find("symbol `rsvg_"), std::string::npos) << command;
    bool drawn_in_a_worker = false;
    for (const std::string& worker : workers)
      drawn_in_a_worker = drawn_in_a_worker ||
                          worker.find("symbol `rsvg_handle_render_document'") != std::string::npos;
    EXPECT_TRUE(drawn_in_a_worker) << command;
  }
  // The previews show the mask logo (#036): navy pixels on the page.
  for (const char* page : {"png/page-001.png", "proof/page-001.png"}) {
    cairo_surface_t* image = cairo_image_surface_create_from_png((box.dir() / page).c_str());
    ASSERT_EQ(cairo_surface_status(image), CAIRO_STATUS_SUCCESS) << page;
    const unsigned char* data = cairo_image_surface_get_data(image);
    const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(image));
    int navy = 0;
    for (int y = 0; y < cairo_image_surface_get_height(image); ++y)
      for (int x = 0; x < cairo_image_surface_get_width(image); ++x) {
        const unsigned char* p = data + static_cast<std::size_t>(y) * stride + 4 * x;
        navy += p[0] > p[2] + 40 ? 1 : 0;  // BGRA: blue well above red
      }
    cairo_surface_destroy(image);
    EXPECT_GT(navy, 100) << page;
  }
}

// Workers come from the zygote: forked, they load no library of their own, so ld.so
// starts one program only (one trace file), while SVGs are drawn in other processes.
TEST(svg_logos_cli, workers_are_forked_ready_not_started_again) {
  Sandbox box;
  write_job(box, {{"Balve", "mask.svg"}, {"Brilon", "link.svg"}});
  for (const std::string command : {"check", "build -o out.pdf", "proof -o proof.pdf"}) {
    const fs::path trace = box.dir() / ("files-" + command.substr(0, 5));
    fs::create_directories(trace);
    const Result run = box.run(
        command, "LD_DEBUG=bindings LD_DEBUG_OUTPUT='" + (trace / "process").string() + "'");
    ASSERT_EQ(run.exit_code, 0) << command << "\n" << run.err;
    EXPECT_EQ(std::distance(fs::directory_iterator(trace), fs::directory_iterator()), 1)
        << command << ": a worker was started as a program of its own";
    const auto [main_process, workers] = bindings_by_process(trace);
    bool drawn_in_a_worker = false;
    for (const std::string& worker : workers)
      drawn_in_a_worker = drawn_in_a_worker ||
                          worker.find("symbol `rsvg_handle_render_document'") != std::string::npos;
    EXPECT_TRUE(drawn_in_a_worker) << command;
    EXPECT_EQ(main_process.find("symbol `rsvg_"), std::string::npos) << command;
  }
}

TEST(svg_logos_cli, check_and_build_agree_on_every_svg_fixture) {
  // Every SVG the tests hold (these fixtures, the check fixtures, the fuzz corpus), one
  // entry each, named after the region's municipalities that are not pioneer cities.
  std::vector<std::string> names;
  std::istringstream csv(
      slurp(fs::path(LOGOGRID_SOURCE_DIR) / "data/suedwestfalen-municipalities.csv"));
  std::string row;
  std::getline(csv, row);
  while (std::getline(csv, row)) {
    std::vector<std::string> cells;
    std::istringstream fields(row);
    for (std::string cell; std::getline(fields, cell, ',');) cells.push_back(cell);
    if (cells.size() >= 6 && cells[5] == "no") names.push_back(cells[1]);
  }
  std::vector<fs::path> files;
  for (const fs::path& folder : {fixture("svg"), fixture("check/logos"),
                                 fs::path(LOGOGRID_SOURCE_DIR) / "tests/fuzz/corpus/svg_logo"})
    for (const auto& file : fs::directory_iterator(folder)) {
      const std::string ext = file.path().extension().string();
      if (ext == ".svg" || ext == ".svgz" || ext == ".xml") files.push_back(file.path());
    }
  std::sort(files.begin(), files.end());
  ASSERT_LE(files.size(), names.size());
  Sandbox box;
  std::string yaml = "campaign:\n  deadline: 2021-10-15\n  layout: layout.yaml\nparticipants:\n";
  for (std::size_t i = 0; i < files.size(); ++i) {
    const std::string logo = "logos/" + std::to_string(i) + "-" + files[i].filename().string();
    box.write(logo, slurp(files[i]));
    yaml += "  - name: " + names[i] + "\n    logo: " + logo +
            "\n    commitment: {kind: letter_of_intent, date: 2021-09-01}\n";
  }
  box.write("participants.yaml", yaml);
  box.write("layout.yaml", kFastLayout);
  const Result check = box.run("check");
  const Result build = box.run("build -o out.pdf");
  EXPECT_EQ(check.exit_code, 1);
  EXPECT_EQ(build.exit_code, 1);
  EXPECT_EQ(diagnostic_lines(check.err), diagnostic_lines(build.err)) << check.err << build.err;
  EXPECT_NE(check.err.find("slow-turbulence.svg"), std::string::npos);
}

}  // namespace
}  // namespace logogrid::cli

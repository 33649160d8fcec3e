// `logogrid build` through the real binary: the shipped job, reproducibility, atomic
// failure, previews, the report and the ink that lands where the report says.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <nlohmann/json.hpp>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <set>
#include <sstream>
#include <thread>

#include "cli_support.hpp"

namespace logogrid::cli {
namespace {

constexpr double kBleed = 3.0 * 72.0 / 25.4;

std::string source(const std::string& relative) {
  return std::string(LOGOGRID_SOURCE_DIR) + "/" + relative;
}

// A binary PPM (P6) as written by pdftoppm.
struct Pixmap {
  int width = 0;
  int height = 0;
  std::string rgb;
  bool ink(int x, int y) const {
    const auto i = (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                    static_cast<std::size_t>(x)) *
                   3;
    return static_cast<unsigned char>(rgb[i]) < 230 ||
           static_cast<unsigned char>(rgb[i + 1]) < 230 ||
           static_cast<unsigned char>(rgb[i + 2]) < 230;
  }
};

Pixmap read_ppm(const std::filesystem::path& file) {
  std::istringstream in(slurp(file));
  std::string magic;
  int max = 0;
  Pixmap p;
  in >> magic >> p.width >> p.height >> max;
  in.get();
  p.rgb.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return p;
}

TEST(build_cli, shipped_job_prints_14_logos_in_german_order) {
  Sandbox box;
  copy_project_inputs(box);
  const Result run = box.run("build --report out/report.json");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.out,
            "build: 1 page, 14 included, 0 excluded, 0 warnings -> out/participants.pdf\n");
  ASSERT_TRUE(std::filesystem::exists(box.dir() / "out/participants.pdf"));
  const auto report = nlohmann::json::parse(slurp(box.dir() / "out/report.json"));
  std::vector<std::string> order;
  for (const auto& p : report["pages"][0]["placements"]) order.push_back(p["participant"]);
  const std::vector<std::string> expected{
      "Attendorn",   "Brilon",      "Burbach", "Drolshagen", "Hemer",   "Iserlohn", "Lippstadt",
      "Lüdenscheid", "Plettenberg", "Siegen",  "Wenden",     "Werdohl", "Werl",     "Winterberg"};
  EXPECT_EQ(order, expected);
}

TEST(build_cli, pdf_has_boxes_embedded_fonts_and_only_the_png_logos_as_images) {
  Sandbox box;
  copy_project_inputs(box);
  ASSERT_EQ(box.run("build -o page.pdf").exit_code, 0);
  const std::string pdf = shell_quote((box.dir() / "page.pdf").string());
  const std::string boxes = shell("pdfinfo -box " + pdf);
  EXPECT_NE(boxes.find("TrimBox:             8.50     8.50   603.78   850.39"), std::string::npos)
      << boxes;
  EXPECT_NE(boxes.find("BleedBox:            0.00     0.00   612.28   858.90"), std::string::npos);
  EXPECT_NE(boxes.find("Creator:         logogrid 0.1.0"), std::string::npos);
  const std::string fonts = shell("pdffonts " + pdf + " | tail -n +3");
  EXPECT_FALSE(fonts.empty());
  std::istringstream rows(fonts);
  for (std::string row; std::getline(rows, row);)
    EXPECT_NE(row.find(" yes yes "), std::string::npos) << row;
  // Four PNG logos (two with alpha: image and soft mask each) and the one SVG with a blur
  // filter, rasterised at print resolution (image and mask): eight image rows.
  const std::string images = shell("pdfimages -list " + pdf + " | tail -n +3 | wc -l");
  EXPECT_EQ(std::stoi(images), 8) << shell("pdfimages -list " + pdf);
  EXPECT_EQ(std::system(("qpdf --check " + pdf + " >/dev/null").c_str()), 0);
}

TEST(build_cli, poster_embeds_the_font_that_only_its_fonts_folder_has) {
  // tests/fonts.conf knows DejaVu only: Lato comes from fonts/lato through `fonts:`.
  ASSERT_EQ(shell("fc-list Lato"), "") << "the test set-up must not have Lato installed";
  Sandbox box;
  copy_project_inputs(box);
  const Result run = box.run("build -l layouts/rahmenstrategie-a3-poster.yaml -o poster.pdf");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_EQ(run.err, "");  // no font-missing, no caption shrunk
  const std::string fonts =
      shell("pdffonts " + shell_quote((box.dir() / "poster.pdf").string()) + " | tail -n +3");
  EXPECT_NE(fonts.find("+Lato-Bold "), std::string::npos) << fonts;     // heading
  EXPECT_NE(fonts.find("+Lato-Regular "), std::string::npos) << fonts;  // captions
  EXPECT_EQ(fonts.find("DejaVu"), std::string::npos) << fonts;
  std::istringstream rows(fonts);
  for (std::string row; std::getline(rows, row);)
    EXPECT_NE(row.find(" yes yes "), std::string::npos) << row;
}

TEST(build_cli, layout_fonts_are_part_of_the_output_and_reproducible) {
  Sandbox box;
  copy_project_inputs(box);
  const std::string poster = "build -l layouts/rahmenstrategie-a3-poster.yaml ";
  ASSERT_EQ(box.run(poster + "-o a.pdf", "SOURCE_DATE_EPOCH=1634256000").exit_code, 0);
  ASSERT_EQ(box.run(poster + "-o b.pdf", "SOURCE_DATE_EPOCH=1634256000").exit_code, 0);
  EXPECT_EQ(slurp(box.dir() / "a.pdf"), slurp(box.dir() / "b.pdf"));  // warm cache, same bytes
}

TEST(build_cli, more_entries_than_the_page_limit_holds_is_layout_overflow) {
  Sandbox box;
  copy_project_inputs(box);
  box.write("small.yaml", "grid: {columns: 2, rows: 2, pages: 3}\n");
  const Result run = box.run("build -l small.yaml -o small.pdf");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("small.yaml:1:7: error[layout-overflow]: 14 entries do not fit on 3 "
                         "pages of 2 × 2 cells: 12 fit"),
            std::string::npos)
      << run.err;
  EXPECT_FALSE(std::filesystem::exists(box.dir() / "small.pdf"));
}

TEST(build_cli, same_inputs_and_epoch_give_identical_bytes) {
  Sandbox box;
  copy_project_inputs(box);
  ASSERT_EQ(box.run("build -o a.pdf", "SOURCE_DATE_EPOCH=1634256000").exit_code, 0);
  // A second apart, so nothing that depends on the clock can agree by chance.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  ASSERT_EQ(box.run("build -o b.pdf", "SOURCE_DATE_EPOCH=1634256000").exit_code, 0);
  const std::string a = slurp(box.dir() / "a.pdf");
  EXPECT_EQ(a, slurp(box.dir() / "b.pdf"));
  EXPECT_NE(a.find("/CreationDate (D:20211015000000Z)"), std::string::npos);
  ASSERT_EQ(box.run("build -o c.pdf", "SOURCE_DATE_EPOCH=1634256001").exit_code, 0);
  EXPECT_NE(a, slurp(box.dir() / "c.pdf"));
}

TEST(build_cli, failing_build_leaves_the_last_good_pdf_untouched) {
  Sandbox box;
  copy_project_inputs(box);
  ASSERT_EQ(box.run("build").exit_code, 0);
  const std::string good = slurp(box.dir() / "out/participants.pdf");
  // Break one logo: exit 1, nothing written.
  box.write("logos/brilon.svg", "<svg xmlns='http://www.w3.org/2000/svg'><rect</svg>");
  const Result failed = box.run("build --report out/participants.json");
  EXPECT_EQ(failed.exit_code, 1);
  EXPECT_NE(failed.err.find("error[logo-corrupt]"), std::string::npos) << failed.err;
  EXPECT_NE(failed.err.find("was not written"), std::string::npos);
  EXPECT_EQ(slurp(box.dir() / "out/participants.pdf"), good);
  EXPECT_FALSE(std::filesystem::exists(box.dir() / "out/participants.json"));
  std::vector<std::string> left;
  for (const auto& e : std::filesystem::directory_iterator(box.dir() / "out"))
    left.push_back(e.path().filename().string());
  EXPECT_EQ(left, std::vector<std::string>{"participants.pdf"});
}

TEST(build_cli, unwritable_output_is_exit_2_and_leaves_no_scratch_files) {
  Sandbox box;
  copy_project_inputs(box);
  std::filesystem::create_directories(box.dir() / "out/participants.pdf");  // a folder in the way
  const Result run = box.run("build");
  EXPECT_EQ(run.exit_code, 2) << run.err;
  for (const auto& e : std::filesystem::directory_iterator(box.dir() / "out"))
    EXPECT_EQ(e.path().filename(), "participants.pdf");
}

TEST(build_cli, corrupt_pngs_are_logo_corrupt_in_check_and_build_without_a_pdf) {
  const std::string good = slurp(source("logos/burbach.png"));
  struct Damage {
    const char* what;
    std::string bytes;
    const char* says;
  };
  std::vector<Damage> damages;
  std::string bad_crc = good;
  bad_crc[29] = static_cast<char>(bad_crc[29] ^ 0x01);  // IHDR's CRC
  damages.push_back({"bad CRC", bad_crc, "CRC error in chunk IHDR"});
  damages.push_back({"truncated", good.substr(0, good.size() / 2), "is not a valid PNG"});
  std::string bad_ihdr = good;
  bad_ihdr[11] = 14;  // IHDR's length
  damages.push_back({"bad IHDR", bad_ihdr, "the first chunk is not IHDR"});
  std::string signature = good;
  signature[2] = 'M';
  damages.push_back({"broken signature", signature, "is a damaged PNG"});
  std::string zero = good;
  for (int i = 16; i < 20; ++i) zero[static_cast<std::size_t>(i)] = 0;  // width 0
  damages.push_back({"zero size", zero, "a size of 0×"});
  for (const Damage& damage : damages) {
    SCOPED_TRACE(damage.what);
    Sandbox box;
    copy_project_inputs(box);
    box.write("logos/burbach.png", damage.bytes);
    for (const char* command : {"check", "build"}) {
      const Result run = box.run(command);
      EXPECT_EQ(run.exit_code, 1) << command << ": " << run.err;
      EXPECT_NE(run.err.find("error[logo-corrupt]"), std::string::npos) << command << run.err;
      EXPECT_NE(run.err.find(damage.says), std::string::npos) << command << run.err;
      EXPECT_FALSE(std::filesystem::exists(box.dir() / "out/participants.pdf")) << command;
    }
  }
}

// Reads every image XObject of `pdf` with the given size: colour space (a name, or the ICC
// profile's bytes) and samples decoded to 8-bit RGBA.
struct PrintedImage {
  std::string color_space;
  std::vector<int> rgba;
};

std::vector<PrintedImage> images_of_size(const std::filesystem::path& pdf_file, int width,
                                         int height) {
  QPDF pdf;
  pdf.processFile(pdf_file.c_str());
  std::vector<PrintedImage> found;
  std::set<QPDFObjGen> masks;  // soft masks are read with their image
  for (QPDFObjectHandle object : pdf.getAllObjects())
    if (object.isStream() && object.getDict().hasKey("/SMask"))
      masks.insert(object.getDict().getKey("/SMask").getObjGen());
  for (QPDFObjectHandle object : pdf.getAllObjects()) {
    if (!object.isStream() || masks.count(object.getObjGen()) > 0) continue;
    QPDFObjectHandle dict = object.getDict();
    if (!dict.getKey("/Subtype").isNameAndEquals("/Image") || !dict.getKey("/Width").isInteger() ||
        dict.getKey("/Width").getIntValue() != width ||
        dict.getKey("/Height").getIntValue() != height || !dict.hasKey("/ColorSpace"))
      continue;
    PrintedImage image;
    QPDFObjectHandle space = dict.getKey("/ColorSpace");
    int components = 1;
    if (space.isName()) {
      image.color_space = space.getName();
      components = image.color_space == "/DeviceRGB" ? 3 : 1;
    } else {
      QPDFObjectHandle profile = space.getArrayItem(1);
      components = static_cast<int>(profile.getDict().getKey("/N").getIntValue());
      auto bytes = profile.getStreamData(qpdf_dl_all);
      image.color_space =
          space.getArrayItem(0).getName() + std::to_string(components) +
          std::string(reinterpret_cast<const char*>(bytes->getBuffer()), bytes->getSize());
    }
    const int bits = static_cast<int>(dict.getKey("/BitsPerComponent").getIntValue());
    auto samples = object.getStreamData(qpdf_dl_all);
    const unsigned char* data = samples->getBuffer();
    const std::size_t pixels = std::size_t(width) * std::size_t(height);
    EXPECT_EQ(samples->getSize(), pixels * std::size_t(components * bits / 8));
    std::shared_ptr<Buffer> alpha;
    if (dict.hasKey("/SMask")) alpha = dict.getKey("/SMask").getStreamData(qpdf_dl_all);
    image.rgba.resize(pixels * 4);
    for (std::size_t p = 0;
         p < pixels && (p + 1) * std::size_t(components * bits / 8) <= samples->getSize(); ++p) {
      for (std::size_t c = 0; c < 3; ++c) {
        const std::size_t i = p * std::size_t(components) + (components == 1 ? 0 : c);
        image.rgba[p * 4 + c] =
            bits == 16 ? (data[2 * i] * 256 + data[2 * i + 1] + 128) / 257 : data[i];
      }
      image.rgba[p * 4 + 3] = alpha && p < alpha->getSize() ? alpha->getBuffer()[p] : 255;
    }
    found.push_back(std::move(image));
  }
  return found;
}

TEST(build_cli, png_saved_every_way_prints_the_same_pixels_in_one_colour_space) {
  // One picture (tests/png_matrix.py) with gAMA 1.0, saved as RGB (8/16 bit, plain and
  // interlaced: IDAT passes through or is decoded), as palette (4/8 bit) and with alpha.
  const std::vector<std::string> opaque{
      "c2-8bit-gamma10", "c2-16bit-gamma10", "c2-8bit-adam7-gamma10", "c2-16bit-adam7-gamma10",
      "c3-4bit-gamma10", "c3-8bit-gamma10",  "c3-8bit-adam7-gamma10"};
  const std::vector<std::string> translucent{"c6-8bit-gamma10", "c6-16bit-adam7-gamma10",
                                             "c3-8bit-trns-adam7-gamma10"};
  Sandbox box;
  copy_project_inputs(box);
  std::string command = "python3 " + shell_quote(source("tests/png_matrix.py")) + " " +
                        shell_quote((box.dir() / "matrix").string()) + " 520x440";
  for (const auto& list : {opaque, translucent})
    for (const auto& name : list) command += " " + name;
  ASSERT_EQ(std::system(command.c_str()), 0);
  std::vector<std::filesystem::path> logos;
  for (const auto& entry : std::filesystem::directory_iterator(box.dir() / "logos"))
    logos.push_back(entry.path());
  std::sort(logos.begin(), logos.end());
  std::size_t next = 0;
  for (const auto& list : {opaque, translucent})
    for (const auto& name : list)  // the PNG takes an existing logo's place (and name)
      std::filesystem::copy_file(box.dir() / "matrix" / (name + ".png"), logos.at(next++),
                                 std::filesystem::copy_options::overwrite_existing);
  for (; next < logos.size(); ++next)  // the other logos draw no image of this size
    std::filesystem::copy_file(source("logos/siegen.svg"), logos[next],
                               std::filesystem::copy_options::overwrite_existing);
  const Result run = box.run("build");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("warning[logo-png-gamma]"), std::string::npos) << run.err;

  const std::vector<PrintedImage> images =
      images_of_size(box.dir() / "out/participants.pdf", 520, 440);
  ASSERT_EQ(images.size(), opaque.size() + translucent.size());
  const auto picture = [&](const std::string& name) {
    const std::string bytes = slurp(box.dir() / "matrix" / (name + ".rgba"));
    std::vector<int> rgba;
    for (const char byte : bytes) rgba.push_back(static_cast<unsigned char>(byte));
    return rgba;
  };
  const std::vector<int> opaque_picture = picture(opaque.front());
  const std::vector<int> translucent_picture = picture(translucent.front());
  std::size_t translucent_images = 0;
  for (const PrintedImage& image : images) {
    EXPECT_EQ(image.color_space.substr(0, 10), "/ICCBased3");
    EXPECT_EQ(image.color_space, images.front().color_space);
    bool translucent_image = false;
    for (std::size_t p = 3; p < image.rgba.size(); p += 4)
      translucent_image |= image.rgba[p] != 255;
    translucent_images += translucent_image ? 1 : 0;
    const std::vector<int>& want = translucent_image ? translucent_picture : opaque_picture;
    ASSERT_EQ(image.rgba.size(), want.size());
    int worst = 0;
    for (std::size_t i = 0; i < want.size(); ++i)
      worst = std::max(worst, std::abs(image.rgba[i] - want[i]));
    EXPECT_LE(worst, 1) << (translucent_image ? "translucent" : "opaque") << " picture";
  }
  EXPECT_EQ(translucent_images, translucent.size());
}

TEST(build_cli, strict_refuses_on_warnings) {
  Sandbox box;
  box.copy_from(fixture("check"));
  const Result run = box.run("build --strict -p deadline-boundary.yaml -o x.pdf");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_FALSE(std::filesystem::exists(box.dir() / "x.pdf"));
  const Result lax = box.run("build -p deadline-boundary.yaml -o x.pdf");
  EXPECT_EQ(lax.exit_code, 0) << lax.err;
  EXPECT_NE(lax.out.find("1 included, 1 excluded, 1 warning -> x.pdf"), std::string::npos)
      << lax.out;
}

TEST(build_cli, nothing_to_print_is_an_error) {
  Sandbox box;
  box.write("p.yaml", "campaign: {deadline: 2021-10-15}\nparticipants: []\n");
  EXPECT_EQ(box.run("check -p p.yaml").exit_code, 0);
  const Result run = box.run("build -p p.yaml");
  EXPECT_EQ(run.exit_code, 1);
  EXPECT_NE(run.err.find("error[nothing-to-print]"), std::string::npos) << run.err;
  EXPECT_FALSE(std::filesystem::exists(box.dir() / "out"));
}

TEST(build_cli, png_previews_one_file_per_page_at_dpi) {
  Sandbox box;
  copy_project_inputs(box);
  box.write("two-pages.yaml", "grid: {rows: 3}\n");  // 12 per page: 14 logos make 2 pages
  const Result run = box.run("build -l two-pages.yaml --png prev --dpi 50");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(box.dir() / "prev/page-001.png"));
  EXPECT_TRUE(std::filesystem::exists(box.dir() / "prev/page-002.png"));
  const std::string size = shell("file " + shell_quote((box.dir() / "prev/page-001.png").string()));
  EXPECT_NE(size.find("413 x 585"), std::string::npos) << size;  // A4 trim at 50 dpi
}

TEST(build_cli, crop_marks_grow_the_media_box_by_a_slug) {
  Sandbox box;
  copy_project_inputs(box);
  box.write("crop.yaml", "page: {size: A4, bleed: 3mm, marks: crop}\n");
  ASSERT_EQ(box.run("build -l crop.yaml -o crop.pdf").exit_code, 0);
  const std::string boxes = shell("pdfinfo -box " + shell_quote((box.dir() / "crop.pdf").string()));
  EXPECT_NE(boxes.find("MediaBox:            0.00     0.00   668.98   915.59"), std::string::npos)
      << boxes;
  EXPECT_NE(boxes.find("TrimBox:            36.85    36.85   632.13   878.74"), std::string::npos);
}

// The report's logo rectangles are where the ink is: rasterise the page and compare each
// rectangle with the bounding box of non-white pixels around it.
TEST(build_cli, report_logo_boxes_agree_with_the_ink_on_the_page) {
  Sandbox box;
  copy_project_inputs(box);
  ASSERT_EQ(box.run("build -o page.pdf --report report.json").exit_code, 0);
  constexpr int kDpi = 72;
  ASSERT_EQ(
      std::system(("pdftoppm -r 72 -f 1 -l 1 " + shell_quote((box.dir() / "page.pdf").string()) +
                   " " + shell_quote((box.dir() / "page").string()))
                      .c_str()),
      0);
  const Pixmap page = read_ppm(box.dir() / "page-1.ppm");
  const auto report = nlohmann::json::parse(slurp(box.dir() / "report.json"));
  const double scale = kDpi / 72.0;
  for (const auto& placement : report["pages"][0]["placements"]) {
    const auto& logo = placement["logo"];
    const double x = (logo[0].get<double>() + kBleed) * scale;
    const double y = (logo[1].get<double>() + kBleed) * scale;
    const double w = logo[2].get<double>() * scale;
    const double h = logo[3].get<double>() * scale;
    int left = page.width, top = page.height, right = -1, bottom = -1;
    // Search the logo area (with a margin) for ink: the logo must fill its box and not
    // spill out of it.
    const auto& area = placement["logo_area"];
    const int ax0 = static_cast<int>((area[0].get<double>() + kBleed) * scale) - 2;
    const int ay0 = static_cast<int>((area[1].get<double>() + kBleed) * scale) - 2;
    const int ax1 =
        static_cast<int>((area[0].get<double>() + area[2].get<double>() + kBleed) * scale) + 2;
    const int ay1 =
        static_cast<int>((area[1].get<double>() + area[3].get<double>() + kBleed) * scale) + 2;
    for (int py = ay0; py < ay1; ++py)
      for (int px = ax0; px < ax1; ++px)
        if (page.ink(px, py)) {
          left = std::min(left, px);
          right = std::max(right, px + 1);
          top = std::min(top, py);
          bottom = std::max(bottom, py + 1);
        }
    const std::string who = placement["participant"];
    ASSERT_GE(right, 0) << who << ": no ink in its logo area";
    EXPECT_NEAR(left, x, 2.5) << who;
    EXPECT_NEAR(top, y, 2.5) << who;
    EXPECT_NEAR(right, x + w, 2.5) << who;
    EXPECT_NEAR(bottom, y + h, 2.5) << who;
  }
}

}  // namespace
}  // namespace logogrid::cli

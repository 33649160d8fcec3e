// Print colour of real builds and proofs (issue 8): the PDF/X-4 structure of the files the
// own writer makes, for the shipped job and layouts in both colour modes; K-only text on
// Ghostscript separations; cmyk mode with nothing RGB left and logo black on K only.
#include <gtest/gtest.h>
#include <zlib.h>

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <regex>
#include <string>
#include <vector>

#include "../pdfx_structure.hpp"
#include "cli_support.hpp"

namespace logogrid::cli {
namespace {

namespace fs = std::filesystem;
const fs::path kRoot = LOGOGRID_SOURCE_DIR;
const std::string kProfile = (kRoot / "profiles" / "ISOcoated_v2_300_bas.icc").string();

// `layout` with extra keys in its one-line `pdf:` mapping.
std::string layout_with_pdf_keys(const Sandbox& box, const std::string& layout,
                                 const std::string& keys) {
  const std::string text = slurp(box.dir() / "layouts" / (layout + ".yaml"));
  const std::string changed =
      std::regex_replace(text, std::regex("\npdf: \\{"), "\npdf: {" + keys + ", ");
  const std::string name = "layouts/" + layout + "-variant.yaml";
  box.write(name, changed);
  return name;
}

std::string run_ok(const Sandbox& box, const std::string& args) {
  const Result r = box.run(args, "SOURCE_DATE_EPOCH=1634256000");
  EXPECT_EQ(r.exit_code, 0) << args << "\n" << r.err;
  return r.err;
}

// One plate of a tiffsep output: 8-bit, uncompressed, little-endian strips; value 255 is
// no ink (BlackIsZero).
struct Plate {
  int width = 0, height = 0;
  std::vector<unsigned char> pixels;
  int ink(int x, int y) const {
    if (x < 0 || y < 0 || x >= width || y >= height) return 0;
    return 255 - pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                        static_cast<std::size_t>(x)];
  }
};

Plate read_plate(const fs::path& file) {
  const std::string d = slurp(file);
  auto u16 = [&](std::size_t at) {
    return static_cast<std::uint32_t>(static_cast<unsigned char>(d.at(at)) |
                                      static_cast<unsigned char>(d.at(at + 1)) << 8);
  };
  auto u32 = [&](std::size_t at) { return u16(at) | u16(at + 2) << 16; };
  Plate plate;
  if (d.size() < 8 || d.compare(0, 4, std::string("II*\0", 4)) != 0) return plate;
  const std::size_t ifd = u32(4);
  std::vector<std::uint32_t> offsets, counts;
  auto values = [&](std::size_t entry) {
    const std::uint32_t type = u16(entry + 2), n = u32(entry + 4);
    std::vector<std::uint32_t> v;
    const std::size_t size = type == 3 ? 2 : 4;
    const std::size_t at = n * size <= 4 ? entry + 8 : u32(entry + 8);
    for (std::uint32_t i = 0; i < n; ++i)
      v.push_back(size == 2 ? u16(at + 2 * i) : u32(at + 4 * i));
    return v;
  };
  for (std::uint32_t i = 0; i < u16(ifd); ++i) {
    const std::size_t entry = ifd + 2 + 12 * i;
    const std::uint32_t tag = u16(entry);
    if (tag == 256) plate.width = static_cast<int>(values(entry).at(0));
    if (tag == 257) plate.height = static_cast<int>(values(entry).at(0));
    if (tag == 259 && values(entry).at(0) != 1) return Plate{};
    if (tag == 273) offsets = values(entry);
    if (tag == 279) counts = values(entry);
  }
  for (std::size_t s = 0; s < offsets.size() && s < counts.size(); ++s)
    plate.pixels.insert(plate.pixels.end(), d.begin() + offsets[s],
                        d.begin() + offsets[s] + counts[s]);
  plate.pixels.resize(static_cast<std::size_t>(plate.width) *
                      static_cast<std::size_t>(plate.height));
  return plate;
}

constexpr double kDpi = 100;

struct Separations {
  Plate cyan, magenta, yellow, black;
};

// Page 1 of `pdf` as plates, made the way a press's RIP would with the output profile.
Separations separate(const Sandbox& box, const std::string& pdf) {
  const std::string command =
      "cd " + shell_quote(box.dir().string()) +
      " && gs -q -dSAFER -dBATCH -dNOPAUSE -sDEVICE=tiffsep -r100 -dFirstPage=1 -dLastPage=1 "
      "-sCompression=none -sOutputICCProfile=" +
      shell_quote(kProfile) + " -sDefaultCMYKProfile=" + shell_quote(kProfile) +
      " -sOutputFile=sep.tif " + shell_quote(pdf) + " >/dev/null 2>&1";
  EXPECT_EQ(std::system(command.c_str()), 0);
  return {read_plate(box.dir() / "sep(Cyan).tif"), read_plate(box.dir() / "sep(Magenta).tif"),
          read_plate(box.dir() / "sep(Yellow).tif"), read_plate(box.dir() / "sep(Black).tif")};
}

struct Word {
  double x0, y0, x1, y1;
  std::string text;
};

std::vector<Word> words(const Sandbox& box, const std::string& pdf) {
  const std::string command = "cd " + shell_quote(box.dir().string()) +
                              " && pdftotext -bbox -f 1 -l 1 " + shell_quote(pdf) + " words.html";
  EXPECT_EQ(std::system(command.c_str()), 0);
  const std::string html = slurp(box.dir() / "words.html");
  const std::regex word(
      "<word xMin=\"([0-9.]+)\" yMin=\"([0-9.]+)\" xMax=\"([0-9.]+)\" "
      "yMax=\"([0-9.]+)\">([^<]*)</word>");
  std::vector<Word> out;
  for (auto it = std::sregex_iterator(html.begin(), html.end(), word); it != std::sregex_iterator();
       ++it)
    out.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]),
                   std::stod((*it)[4]), (*it)[5]});
  return out;
}

// Glyph pixels (more than half K) of every word on page 1 and how many of them carry C, M
// or Y ink.
struct TextInk {
  int words = 0, glyph_pixels = 0, coloured_pixels = 0;
  std::string first_coloured;
};

TextInk text_ink(const Sandbox& box, const std::string& pdf) {
  const Separations s = separate(box, pdf);
  TextInk ink;
  for (const Word& w : words(box, pdf)) {
    ++ink.words;
    const double k = kDpi / 72;
    for (int y = static_cast<int>(w.y0 * k); y <= static_cast<int>(w.y1 * k); ++y)
      for (int x = static_cast<int>(w.x0 * k); x <= static_cast<int>(w.x1 * k); ++x) {
        if (s.black.ink(x, y) < 128) continue;
        ++ink.glyph_pixels;
        if (s.cyan.ink(x, y) > 0 || s.magenta.ink(x, y) > 0 || s.yellow.ink(x, y) > 0) {
          if (ink.coloured_pixels++ == 0)
            ink.first_coloured = w.text + " C" + std::to_string(s.cyan.ink(x, y)) + " M" +
                                 std::to_string(s.magenta.ink(x, y)) + " Y" +
                                 std::to_string(s.yellow.ink(x, y));
        }
      }
  }
  return ink;
}

struct LayoutCase {
  std::string layout;
  bool cmyk;
};

class print_colour_layouts : public ::testing::TestWithParam<LayoutCase> {};

TEST_P(print_colour_layouts, build_is_pdfx4_with_its_colour_rules) {
  Sandbox box;
  copy_project_inputs(box);
  const LayoutCase c = GetParam();
  const std::string layout =
      c.cmyk ? layout_with_pdf_keys(box, c.layout, "color: cmyk") : "layouts/" + c.layout + ".yaml";
  run_ok(box, "build -l " + layout + " -o out.pdf");
  testing::PdfxExpect expect;
  expect.cmyk = c.cmyk;
  EXPECT_EQ(testing::pdfx_problems((box.dir() / "out.pdf").string(), expect),
            std::vector<std::string>{});
}

INSTANTIATE_TEST_SUITE_P(shipped, print_colour_layouts,
                         ::testing::Values(LayoutCase{"rahmenstrategie-a4", false},
                                           LayoutCase{"rahmenstrategie-a4", true},
                                           LayoutCase{"rahmenstrategie-a4-districts", false},
                                           LayoutCase{"rahmenstrategie-a4-districts", true},
                                           LayoutCase{"rahmenstrategie-a3-poster", false},
                                           LayoutCase{"rahmenstrategie-a3-poster", true}),
                         [](const auto& test) {
                           std::string name =
                               test.param.layout + (test.param.cmyk ? "_cmyk" : "_rgb_managed");
                           for (char& ch : name)
                             if (ch == '-') ch = '_';
                           return name;
                         });

TEST(print_colour, proof_has_the_same_pdfx_structure) {
  Sandbox box;
  copy_project_inputs(box);
  run_ok(box, "proof -o proof.pdf");
  testing::PdfxExpect expect;
  expect.text_only_k = false;  // the proof's own marks stay in their RGB colours
  EXPECT_EQ(testing::pdfx_problems((box.dir() / "proof.pdf").string(), expect),
            std::vector<std::string>{});
}

TEST(print_colour, title_and_captions_print_on_the_black_plate_only) {
  Sandbox box;
  copy_project_inputs(box);
  run_ok(box, "build -o out.pdf");
  const TextInk ink = text_ink(box, "out.pdf");
  EXPECT_EQ(ink.words, 18);  // title (2 words), 14 captions (15 words), page number
  EXPECT_GT(ink.glyph_pixels, 2000);
  EXPECT_EQ(ink.coloured_pixels, 0) << "first: " << ink.first_coloured;
}

TEST(print_colour, plain_pdf_prints_text_in_four_colours) {
  // pdf.standard: none is today's RGB PDF: the same measurement must see rich black there,
  // or the test above could not fail.
  Sandbox box;
  copy_project_inputs(box);
  const std::string layout = layout_with_pdf_keys(box, "rahmenstrategie-a4", "standard: none");
  run_ok(box, "build -l " + layout + " -o out.pdf");
  const TextInk ink = text_ink(box, "out.pdf");
  EXPECT_GT(ink.coloured_pixels, ink.glyph_pixels / 2);
}

// A black PNG logo, `side` px square.
std::string black_png(std::uint32_t side) {
  auto chunk = [](const std::string& type, const std::string& data) {
    std::string out;
    const auto be = [&out](std::uint32_t v) {
      for (int s = 24; s >= 0; s -= 8) out += static_cast<char>((v >> s) & 0xff);
    };
    be(static_cast<std::uint32_t>(data.size()));
    const std::string body = type + data;
    out += body;
    be(static_cast<std::uint32_t>(
        crc32(0, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()))));
    return out;
  };
  std::string ihdr;
  for (std::uint32_t v : {side, side})
    for (int s = 24; s >= 0; s -= 8) ihdr += static_cast<char>((v >> s) & 0xff);
  ihdr += std::string("\x08\x02\x00\x00\x00", 5);  // 8-bit RGB
  std::string raw;
  for (std::uint32_t y = 0; y < side; ++y) raw += std::string(1 + 3 * side, '\0');
  uLongf size = compressBound(static_cast<uLong>(raw.size()));
  std::string idat(size, '\0');
  compress(reinterpret_cast<Bytef*>(idat.data()), &size, reinterpret_cast<const Bytef*>(raw.data()),
           static_cast<uLong>(raw.size()));
  idat.resize(size);
  return std::string("\x89PNG\r\n\x1a\n", 8) + chunk("IHDR", ihdr) + chunk("IDAT", idat) +
         chunk("IEND", "");
}

// Two logos, an SVG and a PNG, both pure #000000; a cmyk layout; --report for their boxes.
void black_logo_job(const Sandbox& box, const std::string& logo_black) {
  box.write("logos/black.svg",
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"100\" height=\"100\">"
            "<rect x=\"0\" y=\"0\" width=\"100\" height=\"100\" fill=\"#000000\"/></svg>");
  box.write("logos/black.png", black_png(800));
  box.write("layout.yaml", "pdf: {color: cmyk, logo_black: " + logo_black + "}\n");
  box.write("participants.yaml",
            "campaign: {deadline: 2021-10-15, layout: layout.yaml}\n"
            "participants:\n"
            "  - name: Brilon\n    logo: logos/black.svg\n"
            "    commitment: {kind: letter_of_intent, date: 2021-09-01}\n"
            "  - name: Hemer\n    logo: logos/black.png\n"
            "    commitment: {kind: letter_of_intent, date: 2021-09-01}\n");
}

// Inside each placed logo (2 px in from its edges): the least K and the most C+M+Y ink.
struct LogoInk {
  int least_k = 255, most_cmy = 0;
};

LogoInk logo_ink(const Sandbox& box) {
  const Separations s = separate(box, "out.pdf");
  const auto report = nlohmann::json::parse(slurp(box.dir() / "report.json"));
  const double bleed = 3.0 * 72 / 25.4, k = kDpi / 72;
  LogoInk ink;
  int logos = 0;
  for (const auto& placement : report["pages"][0]["placements"]) {
    ++logos;
    const auto& r = placement["logo"];
    const int x0 = static_cast<int>((r[0].get<double>() + bleed) * k) + 2;
    const int y0 = static_cast<int>((r[1].get<double>() + bleed) * k) + 2;
    const int x1 = static_cast<int>((r[0].get<double>() + r[2].get<double>() + bleed) * k) - 2;
    const int y1 = static_cast<int>((r[1].get<double>() + r[3].get<double>() + bleed) * k) - 2;
    for (int y = y0; y <= y1; ++y)
      for (int x = x0; x <= x1; ++x) {
        ink.least_k = std::min(ink.least_k, s.black.ink(x, y));
        ink.most_cmy =
            std::max(ink.most_cmy, s.cyan.ink(x, y) + s.magenta.ink(x, y) + s.yellow.ink(x, y));
      }
  }
  EXPECT_EQ(logos, 2);
  return ink;
}

TEST(print_colour, cmyk_logo_black_lands_on_the_black_plate_only) {
  Sandbox box;
  black_logo_job(box, "k");
  run_ok(box, "build -o out.pdf --report report.json");
  testing::PdfxExpect expect;
  expect.cmyk = true;
  EXPECT_EQ(testing::pdfx_problems((box.dir() / "out.pdf").string(), expect),
            std::vector<std::string>{});
  const LogoInk ink = logo_ink(box);
  EXPECT_EQ(ink.least_k, 255);
  EXPECT_EQ(ink.most_cmy, 0);
}

TEST(print_colour, cmyk_rich_logo_black_is_converted) {
  Sandbox box;
  black_logo_job(box, "rich");
  run_ok(box, "build -o out.pdf --report report.json");
  EXPECT_GT(logo_ink(box).most_cmy, 300);  // the profile's darkest black, four inks
}

TEST(print_colour, gradients_masks_patterns_and_images_convert_to_cmyk) {
  for (const char* mode : {"rgb-managed", "cmyk"}) {
    Sandbox box;
    fs::copy(fixture("print-colour") / "rich.svg", box.dir() / "rich.svg");
    box.write("layout.yaml", std::string("pdf: {color: ") + mode + "}\n");
    box.write("participants.yaml",
              "campaign: {deadline: 2021-10-15, layout: layout.yaml}\n"
              "participants:\n"
              "  - name: Brilon\n    logo: rich.svg\n"
              "    commitment: {kind: letter_of_intent, date: 2021-09-01}\n");
    run_ok(box, "build -o out.pdf");
    testing::PdfxExpect expect;
    expect.cmyk = std::string(mode) == "cmyk";
    EXPECT_EQ(testing::pdfx_problems((box.dir() / "out.pdf").string(), expect),
              std::vector<std::string>{})
        << mode;
    // What the fixture is for really reached the file.
    const std::string json = [&] {
      const std::string command = "cd " + shell_quote(box.dir().string()) +
                                  " && qpdf --json --json-stream-data=none out.pdf > out.json";
      EXPECT_EQ(std::system(command.c_str()), 0);
      return slurp(box.dir() / "out.json");
    }();
    for (const char* part : {"\"/ShadingType\": 2", "\"/ShadingType\": 3", "\"/PatternType\": 1",
                             "\"/S\": \"/Luminosity\"", "\"/Subtype\": \"/Image\""})
      EXPECT_NE(json.find(part), std::string::npos) << mode << ": " << part;
  }
}

TEST(print_colour, fragment_cache_keeps_colour_modes_apart) {
  Sandbox box;
  copy_project_inputs(box);
  run_ok(box, "build -o rgb.pdf");  // fills the cache with rgb-managed fragments
  const std::string layout = layout_with_pdf_keys(box, "rahmenstrategie-a4", "color: cmyk");
  run_ok(box, "build -l " + layout + " -o out.pdf");
  testing::PdfxExpect expect;
  expect.cmyk = true;
  EXPECT_EQ(testing::pdfx_problems((box.dir() / "out.pdf").string(), expect),
            std::vector<std::string>{});
}

TEST(print_colour, another_output_profile_by_path) {
  Sandbox box;
  copy_project_inputs(box);
  fs::copy(kProfile, box.dir() / "layouts" / "shop.icc");
  const std::string layout = layout_with_pdf_keys(
      box, "rahmenstrategie-a4",
      "output_intent: {profile: shop.icc, condition: FOGRA39L, info: \"Druckerei Beispiel\"}");
  run_ok(box, "build -l " + layout + " -o out.pdf");
  testing::PdfxExpect expect;
  expect.condition = "FOGRA39L";
  EXPECT_EQ(testing::pdfx_problems((box.dir() / "out.pdf").string(), expect),
            std::vector<std::string>{});
}

TEST(print_colour, plain_standard_has_no_output_intent) {
  Sandbox box;
  copy_project_inputs(box);
  const std::string layout = layout_with_pdf_keys(box, "rahmenstrategie-a4", "standard: none");
  run_ok(box, "build -l " + layout + " -o out.pdf");
  const auto problems = testing::pdfx_problems((box.dir() / "out.pdf").string(), {});
  EXPECT_NE(std::find(problems.begin(), problems.end(), "not exactly one /OutputIntents entry"),
            problems.end());
}

TEST(print_colour, damaged_profile_is_a_layout_error_at_its_position) {
  Sandbox box;
  copy_project_inputs(box);
  box.write("layouts/broken.icc", slurp(kProfile).substr(0, 5000));
  const std::string layout =
      layout_with_pdf_keys(box, "rahmenstrategie-a4", "output_intent: {profile: broken.icc}");
  const Result r = box.run("build -l " + layout + " -o out.pdf");
  EXPECT_EQ(r.exit_code, 1);
  // Reported at the line of the profile value in the layout written above.
  const std::string text = slurp(box.dir() / layout);
  const auto line =
      1 + std::count(text.begin(),
                     text.begin() + static_cast<std::ptrdiff_t>(text.find("broken.icc")), '\n');
  EXPECT_NE(r.err.find(layout + ":" + std::to_string(line) + ":"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("error[output-profile-invalid]"), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(box.dir() / "out.pdf"));
}

}  // namespace
}  // namespace logogrid::cli

// `logogrid proof` through the real binary: a fixture with a late entry, a pioneer city, a
// broken logo, a low-resolution PNG, an unknown name and changes against previous.yaml.
// Checked through the PDF's text (pdftotext -layout) and its pixels (pdftoppm).
#include <gtest/gtest.h>

#include <sstream>

#include "cli_support.hpp"

namespace logogrid::cli {
namespace {

// Text of a PDF (all pages, or one).
std::string pdf_text(const Sandbox& box, const std::string& pdf, int page = 0) {
  const std::string range =
      page > 0 ? " -f " + std::to_string(page) + " -l " + std::to_string(page) : "";
  const auto out = box.dir() / ".text";
  const std::string command = "pdftotext -layout" + range + " " +
                              shell_quote((box.dir() / pdf).string()) + " " +
                              shell_quote(out.string());
  if (std::system(command.c_str()) != 0) return {};
  return slurp(out);
}

// One page rasterised (binary PPM, whole MediaBox).
struct Raster {
  int width = 0;
  int height = 0;
  std::string rgb;
  const unsigned char* at(int x, int y) const {
    return reinterpret_cast<const unsigned char*>(rgb.data()) +
           3 * (static_cast<std::size_t>(y) * static_cast<std::size_t>(width) +
                static_cast<std::size_t>(x));
  }
};

Raster rasterise(const Sandbox& box, const std::string& pdf, int page, int dpi) {
  const auto stem = box.dir() / ".raster";
  const std::string command = "pdftoppm -r " + std::to_string(dpi) + " -f " + std::to_string(page) +
                              " -l " + std::to_string(page) + " -singlefile " +
                              shell_quote((box.dir() / pdf).string()) + " " +
                              shell_quote(stem.string());
  Raster r;
  if (std::system(command.c_str()) != 0) return r;
  std::istringstream in(slurp(stem.string() + ".ppm"));
  std::string magic;
  int max = 0;
  in >> magic >> r.width >> r.height >> max;
  in.get();
  r.rgb.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (magic != "P6" || r.rgb.size() < 3u * static_cast<std::size_t>(r.width * r.height)) return {};
  return r;
}

bool is_proof_magenta(const unsigned char* p) { return p[0] > 180 && p[1] < 90 && p[2] > 90; }
bool is_placeholder_orange(const unsigned char* p) {
  return p[0] > 235 && p[1] > 110 && p[1] < 175 && p[2] < 60;
}

struct Count {
  long pixels = 0;
  double sum_x = 0;
};

template <typename Predicate>
Count count_pixels(const Raster& r, int x0, int y0, int x1, int y1, Predicate matches) {
  Count c;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x)
      if (matches(r.at(x, y))) {
        ++c.pixels;
        c.sum_x += x;
      }
  return c;
}

class proof_fixture : public ::testing::Test {
 protected:
  void SetUp() override { box.copy_from(fixture("proof")); }
  Result run_proof(const std::string& extra = "") {
    return box.run("proof -p participants.yaml --previous previous.yaml" + extra,
                   "SOURCE_DATE_EPOCH=1634256000");
  }
  Sandbox box;
};

TEST_F(proof_fixture, writes_the_proof_despite_errors_and_exits_0) {
  const Result run = run_proof(" --png previews");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(box.dir() / "out/participants-proof.pdf"));
  EXPECT_TRUE(std::filesystem::exists(box.dir() / "previews/page-001.png"));
  EXPECT_TRUE(std::filesystem::exists(box.dir() / "previews/page-002.png"));
  EXPECT_NE(run.err.find("error[logo-corrupt]"), std::string::npos) << run.err;
  EXPECT_NE(run.err.find("warning[commitment-late]"), std::string::npos);
  EXPECT_NE(run.out.find("proof: 2 pages"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("2 invalid"), std::string::npos) << run.out;
  EXPECT_EQ(
      std::system(("qpdf --check " +
                   shell_quote((box.dir() / "out/participants-proof.pdf").string()) + " >/dev/null")
                      .c_str()),
      0);
}

TEST_F(proof_fixture, page_marks_notes_placeholders_and_tags_are_in_the_text) {
  ASSERT_EQ(run_proof().exit_code, 0);
  const std::string page = pdf_text(box, "out/participants-proof.pdf", 1);
  for (const char* expected :
       {"KORREKTURABZUG – PROOF", "participants.yaml · 2021-10-15 · Seite 1 von 2",
        "UNGÜLTIG: logo-corrupt", "KEIN LOGO", "UNGÜLTIG: name-unknown", "GEÄNDERT: Logo",
        "GEÄNDERT: Zusage", "GEÄNDERT: Beschriftung", "NEU", "WARNUNG: logo-low-resolution",
        "logos/iserlohn-small.png", "PNG 200×100 px", "ppi", "SVG (Vektor)",
        "Ratsbeschluss 2021-07-20", "Stadt Hemer"}) {
    EXPECT_NE(page.find(expected), std::string::npos) << expected << "\n" << page;
  }
  // Excluded entries are not on the pages.
  EXPECT_EQ(page.find("Lennestadt"), std::string::npos);
  EXPECT_EQ(page.find("Soest"), std::string::npos);
}

TEST_F(proof_fixture, appendix_lists_summary_changes_and_every_entry_invalid_first) {
  ASSERT_EQ(run_proof().exit_code, 0);
  const std::string text = pdf_text(box, "out/participants-proof.pdf", 2);
  for (const char* expected :
       {"Korrekturabzug – Anhang", "Einträge gesamt", "Stichtag", "2021-10-15",
        "Änderungen seit dem letzten Abzug", "ENTFERNT", "Finnentrop",
        "Logo: logos/old/drolshagen.svg",
        "Zusage: Absichtserklärung 2021-07-12 → Ratsbeschluss 2021-07-20",
        "Beschriftung: „Hemer“ → „Stadt Hemer“", "Warnung [commitment-late]",
        "Warnung [pioneer-city]", "Fehler [logo-corrupt]", "Fehler [name-unknown]",
        "Warnung [logo-low-resolution]", "ausgeschlossen", "ungültig"}) {
    EXPECT_NE(text.find(expected), std::string::npos) << expected << "\n" << text;
  }
  const auto table = text.find("Alle Einträge");
  ASSERT_NE(table, std::string::npos);
  const auto werl = text.find("Werl", table);
  const auto lennestadt = text.find("Lennestadt", table);
  const auto attendorn = text.find("Attendorn", table);
  ASSERT_NE(attendorn, std::string::npos);
  EXPECT_LT(werl, lennestadt);       // invalid before excluded
  EXPECT_LT(lennestadt, attendorn);  // excluded before included
  // The changes table: Siegen is new (it is not in previous.yaml), Attendorn unchanged.
  const auto changes = text.find("Änderungen seit dem letzten Abzug");
  const std::string change_list = text.substr(changes, table - changes);
  EXPECT_NE(change_list.find("Siegen"), std::string::npos);
  EXPECT_EQ(change_list.find("Attendorn"), std::string::npos);
}

TEST_F(proof_fixture, proof_marker_is_magenta_in_the_slug_outside_the_trim) {
  ASSERT_EQ(run_proof().exit_code, 0);
  const int dpi = 60;
  const Raster page = rasterise(box, "out/participants-proof.pdf", 1, dpi);
  ASSERT_GT(page.width, 0);
  const int slug = static_cast<int>(10.0 / 25.4 * dpi);        // slug outside the bleed
  const int margin = static_cast<int>(13.0 / 25.4 * dpi) + 1;  // slug + 3 mm bleed
  EXPECT_GT(count_pixels(page, 0, 0, page.width, slug, is_proof_magenta).pixels, 40);
  // Nothing magenta in the bleed band just outside the trim at the top.
  EXPECT_EQ(count_pixels(page, margin, slug + 1, page.width - margin, margin - 2, is_proof_magenta)
                .pixels,
            0);
}

TEST_F(proof_fixture, broken_logo_gets_a_hatched_placeholder_in_its_cell) {
  ASSERT_EQ(run_proof().exit_code, 0);
  const int dpi = 60;
  const int margin = static_cast<int>(13.0 / 25.4 * dpi) + 1;
  const Raster page = rasterise(box, "out/participants-proof.pdf", 1, dpi);
  ASSERT_GT(page.width, 0);
  const Count orange = count_pixels(page, margin, margin, page.width - margin, page.height - margin,
                                    is_placeholder_orange);
  EXPECT_GT(orange.pixels, 100);
  // Werl is the 8th entry in print order: the last column of the second row.
  EXPECT_GT(orange.sum_x / static_cast<double>(orange.pixels), 0.7 * page.width);

  // With a usable logo there is no placeholder.
  std::filesystem::copy_file(box.dir() / "logos/iserlohn-small.png", box.dir() / "logos/werl.png",
                             std::filesystem::copy_options::overwrite_existing);
  ASSERT_EQ(run_proof().exit_code, 0);
  const Raster fixed = rasterise(box, "out/participants-proof.pdf", 1, dpi);
  EXPECT_EQ(count_pixels(fixed, margin, margin, fixed.width - margin, fixed.height - margin,
                         is_placeholder_orange)
                .pixels,
            0);
}

TEST(proof_command, yaml_syntax_error_still_writes_a_proof_with_the_error_listed) {
  Sandbox box;
  box.write("participants.yaml", "campaign:\n  deadline: 2021-10-15\nparticipants: [\n");
  const Result run = box.run("proof -o proof.pdf");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("yaml-syntax"), std::string::npos);
  const std::string text = pdf_text(box, "proof.pdf");
  EXPECT_NE(text.find("Befunde zu den Dateien"), std::string::npos) << text;
  EXPECT_NE(text.find("[yaml-syntax]"), std::string::npos) << text;
  EXPECT_NE(text.find("Keine Einträge"), std::string::npos) << text;
}

TEST(proof_command, unreadable_participants_file_is_exit_2_and_writes_nothing) {
  Sandbox box;
  const Result run = box.run("proof -p missing.yaml");
  EXPECT_EQ(run.exit_code, 2);
  EXPECT_FALSE(std::filesystem::exists(box.dir() / "out"));
}

TEST(proof_command, unreadable_previous_file_is_reported_and_the_proof_still_written) {
  Sandbox box;
  box.copy_from(fixture("proof"));
  const Result run = box.run("proof --previous nope.yaml -o p.pdf");
  ASSERT_EQ(run.exit_code, 0) << run.err;
  EXPECT_NE(run.err.find("--previous"), std::string::npos) << run.err;
  EXPECT_NE(pdf_text(box, "p.pdf").find("Kein Vergleich"), std::string::npos);
}

}  // namespace
}  // namespace logogrid::cli

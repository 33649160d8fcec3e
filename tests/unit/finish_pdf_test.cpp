// finish_pdf on small PDFs drawn with cairo directly: boxes, Info/XMP agreement, IDs,
// dates, repair of cairo's duplicated XObject keys, and SOURCE_DATE_EPOCH parsing.
#include <cairo-pdf.h>
#include <gtest/gtest.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "../pdfx_structure.hpp"
#include "diag/fatal_error.hpp"
#include "finish/finish.hpp"
#include "test_support.hpp"

namespace logogrid {
namespace {

namespace fs = std::filesystem;

using testing::TempDir;

using testing::read_all;

using testing::exit_code;

// A5 trim, 3 mm bleed, two pages; on each a recording surface painted twice, which cairo
// 1.16 writes with a duplicated /XObject key (qpdf --check exit 3 before finishing).
constexpr double kTrimW = 419.5276;
constexpr double kTrimH = 595.2756;
constexpr double kBleed = 8.50394;

std::string cairo_pdf(const TempDir& dir, double trim_w = kTrimW) {
  const std::string path = dir.file("cairo.pdf");
  cairo_surface_t* pdf =
      cairo_pdf_surface_create(path.c_str(), trim_w + 2 * kBleed, kTrimH + 2 * kBleed);
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_MOD_DATE, "2000-01-01T00:00:00Z");
  cairo_surface_t* recording = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr);
  cairo_t* rc = cairo_create(recording);
  cairo_set_source_rgb(rc, 0.8, 0.1, 0.1);
  cairo_rectangle(rc, 0, 0, 50, 30);
  cairo_fill(rc);
  cairo_destroy(rc);
  cairo_t* cr = cairo_create(pdf);
  for (int page = 0; page < 2; ++page) {
    for (int i = 0; i < 2; ++i) {
      cairo_set_source_surface(cr, recording, 40 + 60 * i, 40);
      cairo_paint(cr);
    }
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_destroy(recording);
  cairo_surface_destroy(pdf);
  return path;
}

FinishOptions options(std::int64_t epoch = 1634256000) {
  FinishOptions o;
  o.page = {kTrimW, kTrimH, kBleed, 0};
  o.title = "Rahmenstrategie \u2013 <Mitmacher> & Co";
  o.author = "Smart Cities S\u00fcdwestfalen";
  o.creator = "logogrid 0.1.0";
  o.epoch = epoch;
  return o;
}

// Documents without logo forms are written by QPDFWriter: the same PDF/X-4 structure as
// builds (tests/cli/print_colour_test.cpp checks the own writer with the same list).
TEST(finish_pdf, pdfx4_structure_through_qpdfwriter) {
  TempDir dir;
  finish_pdf(read_all(cairo_pdf(dir)), dir.file("out.pdf"), options());
  EXPECT_EQ(testing::pdfx_problems(dir.file("out.pdf"), {}), std::vector<std::string>{});
}

TEST(finish_pdf, cmyk_leaves_nothing_rgb_through_qpdfwriter) {
  TempDir dir;
  FinishOptions o = options();
  o.colour.cmyk = true;
  finish_pdf(read_all(cairo_pdf(dir)), dir.file("out.pdf"), o);
  testing::PdfxExpect expect;
  expect.cmyk = true;
  EXPECT_EQ(testing::pdfx_problems(dir.file("out.pdf"), expect), std::vector<std::string>{});
}

TEST(finish_pdf, today_cairo_output_fails_the_pdfx_check) {
  TempDir dir;
  FinishOptions o = options();
  o.colour.pdfx = false;  // pdf.standard: none, today's plain PDF
  finish_pdf(read_all(cairo_pdf(dir)), dir.file("out.pdf"), o);
  const auto problems = testing::pdfx_problems(dir.file("out.pdf"), {});
  const auto has = [&](const std::string& p) {
    return std::find(problems.begin(), problems.end(), p) != problems.end();
  };
  EXPECT_TRUE(has("not exactly one /OutputIntents entry"));
  EXPECT_TRUE(has("a transparency group in /DeviceRGB"));
  EXPECT_TRUE(has("a form without /DefaultRGB (ICCBased)"));
}

TEST(finish_pdf, crop_marks_are_in_the_registration_colour) {
  TempDir dir;
  const std::string path = dir.file("slug.pdf");
  const double slug = 28.35;
  cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), kTrimW + 2 * (kBleed + slug),
                                                  kTrimH + 2 * (kBleed + slug));
  cairo_surface_destroy(pdf);  // one empty page
  FinishOptions o = options();
  o.page.slug = slug;
  finish_pdf(read_all(path), dir.file("out.pdf"), o);
  QPDF out;
  out.processFile(dir.file("out.pdf").c_str());
  QPDFPageObjectHelper page = QPDFPageDocumentHelper(out).getAllPages().at(0);
  QPDFObjectHandle space = page.getObjectHandle().getKey("/Resources").getKey("/ColorSpace");
  EXPECT_EQ(space.getKey("/Registration").getArrayItem(0).unparse(), "/Separation");
  EXPECT_EQ(space.getKey("/Registration").getArrayItem(1).unparse(), "/All");
  std::string content;
  for (QPDFObjectHandle& c : page.getPageContents()) content += testing::stream_text(c);
  EXPECT_NE(content.find("/Registration CS 1 SCN"), std::string::npos);
  EXPECT_EQ(std::count(content.begin(), content.end(), 'l'), 8);  // eight marks
}

TEST(finish_pdf, repairs_what_qpdf_check_reports_in_cairo_output) {
  TempDir dir;
  const std::string input = cairo_pdf(dir);
  EXPECT_EQ(exit_code("qpdf --check '" + input + "'"), 3);  // the known cairo 1.16 defect
  const auto warnings = finish_pdf(read_all(input), dir.file("out.pdf"), options());
  EXPECT_FALSE(warnings.empty());
  EXPECT_EQ(exit_code("qpdf --check '" + dir.file("out.pdf") + "'"), 0);
}

TEST(finish_pdf, info_and_xmp_agree_and_no_cairo_dates_survive) {
  TempDir dir;
  finish_pdf(read_all(cairo_pdf(dir)), dir.file("out.pdf"), options());
  QPDF pdf;
  pdf.processFile(dir.file("out.pdf").c_str());
  QPDFObjectHandle info = pdf.getTrailer().getKey("/Info");
  EXPECT_EQ(info.getKey("/Title").getUTF8Value(), "Rahmenstrategie \u2013 <Mitmacher> & Co");
  EXPECT_EQ(info.getKey("/Author").getUTF8Value(), "Smart Cities S\u00fcdwestfalen");
  EXPECT_EQ(info.getKey("/Creator").getUTF8Value(), "logogrid 0.1.0");
  EXPECT_EQ(info.getKey("/CreationDate").getUTF8Value(), "D:20211015000000Z");
  EXPECT_EQ(info.getKey("/ModDate").getUTF8Value(), "D:20211015000000Z");
  EXPECT_EQ(info.getKey("/Trapped").getName(), "/False");
  const std::string producer = info.getKey("/Producer").getUTF8Value();
  EXPECT_NE(producer.find("libqpdf"), std::string::npos);

  QPDFObjectHandle metadata = pdf.getRoot().getKey("/Metadata");
  ASSERT_TRUE(metadata.isStream());
  EXPECT_EQ(metadata.getDict().getKey("/Subtype").getName(), "/XML");
  const auto data = metadata.getStreamData();
  const std::string xmp(reinterpret_cast<const char*>(data->getBuffer()), data->getSize());
  EXPECT_NE(xmp.find("Rahmenstrategie \u2013 &lt;Mitmacher&gt; &amp; Co"), std::string::npos);
  EXPECT_NE(xmp.find("<rdf:li>Smart Cities S\u00fcdwestfalen</rdf:li>"), std::string::npos);
  EXPECT_NE(xmp.find("<xmp:CreatorTool>logogrid 0.1.0</xmp:CreatorTool>"), std::string::npos);
  EXPECT_NE(xmp.find("<xmp:CreateDate>2021-10-15T00:00:00Z</xmp:CreateDate>"), std::string::npos);
  EXPECT_NE(xmp.find("<xmp:ModifyDate>2021-10-15T00:00:00Z</xmp:ModifyDate>"), std::string::npos);
  EXPECT_NE(xmp.find("<pdf:Producer>" + producer + "</pdf:Producer>"), std::string::npos);
  EXPECT_NE(xmp.find("<pdf:Trapped>False</pdf:Trapped>"), std::string::npos);
  EXPECT_NE(xmp.find("<xmpMM:DocumentID>uuid:"), std::string::npos);

  const std::string bytes = read_all(dir.file("out.pdf"));
  EXPECT_EQ(bytes.find("2000"), std::string::npos);  // cairo's dates are gone
  EXPECT_EQ(bytes.rfind("%PDF-1.6", 0), 0u);
  EXPECT_TRUE(pdf.getTrailer().getKey("/ID").isArray());
}

TEST(finish_pdf, deterministic_for_the_same_epoch) {
  TempDir dir;
  const std::string input = cairo_pdf(dir);
  finish_pdf(read_all(input), dir.file("a.pdf"), options());
  finish_pdf(read_all(input), dir.file("b.pdf"), options());
  finish_pdf(read_all(input), dir.file("c.pdf"), options(1634256001));
  EXPECT_TRUE(read_all(dir.file("a.pdf")) == read_all(dir.file("b.pdf")));
  EXPECT_FALSE(read_all(dir.file("a.pdf")) == read_all(dir.file("c.pdf")));
}

TEST(finish_pdf, input_id_does_not_leak_into_the_output) {
  TempDir dir;
  const std::string input = cairo_pdf(dir);
  // Give the input a trailer /ID, as another producer would.
  ASSERT_EQ(exit_code("qpdf --warning-exit-0 --deterministic-id '" + input + "' '" +
                      dir.file("with-id.pdf") + "'"),
            0);
  QPDF with_id;
  with_id.processFile(dir.file("with-id.pdf").c_str());
  const std::string input_id = with_id.getTrailer().getKey("/ID").getArrayItem(0).getStringValue();
  finish_pdf(read_all(dir.file("with-id.pdf")), dir.file("out.pdf"), options());
  QPDF out;
  out.processFile(dir.file("out.pdf").c_str());
  EXPECT_NE(out.getTrailer().getKey("/ID").getArrayItem(0).getStringValue(), input_id);
}

TEST(finish_pdf, boxes_with_a_slug) {
  TempDir dir;
  const double slug = 28.3465;
  const std::string path = dir.file("slug.pdf");
  cairo_surface_t* pdf = cairo_pdf_surface_create(path.c_str(), kTrimW + 2 * (kBleed + slug),
                                                  kTrimH + 2 * (kBleed + slug));
  cairo_surface_show_page(pdf);
  cairo_surface_destroy(pdf);
  FinishOptions o = options();
  o.page.slug = slug;
  finish_pdf(read_all(path), dir.file("out.pdf"), o);
  QPDF out;
  out.processFile(dir.file("out.pdf").c_str());
  QPDFObjectHandle page = QPDFPageDocumentHelper(out).getAllPages().at(0).getObjectHandle();
  const auto trim = page.getKey("/TrimBox").getArrayAsRectangle();
  const auto bleed = page.getKey("/BleedBox").getArrayAsRectangle();
  EXPECT_NEAR(trim.llx, kBleed + slug, 1e-3);
  EXPECT_NEAR(trim.ury, kBleed + slug + kTrimH, 1e-3);
  EXPECT_NEAR(bleed.llx, slug, 1e-3);
  EXPECT_NEAR(bleed.urx, slug + 2 * kBleed + kTrimW, 1e-3);
}

TEST(finish_pdf, rejects_a_page_of_another_size) {
  TempDir dir;
  const std::string input = cairo_pdf(dir, kTrimW + 5);
  EXPECT_THROW(finish_pdf(read_all(input), dir.file("out.pdf"), options()), FatalError);
  EXPECT_FALSE(fs::exists(dir.file("out.pdf")));
}

TEST(finish_pdf, input_that_is_not_a_pdf_is_fatal) {
  TempDir dir;
  EXPECT_THROW(finish_pdf("", dir.file("out.pdf"), options()), FatalError);
  EXPECT_THROW(finish_pdf("not a pdf", dir.file("out.pdf"), options()), FatalError);
  EXPECT_FALSE(fs::exists(dir.file("out.pdf")));
}

TEST(finish_pdf, dates) {
  EXPECT_EQ(pdf_date(0), "D:19700101000000Z");
  EXPECT_EQ(pdf_date(1634299199), "D:20211015115959Z");
  EXPECT_EQ(xmp_date(1634299199), "2021-10-15T11:59:59Z");
  EXPECT_THROW(pdf_date(-1), FatalError);
  EXPECT_THROW(pdf_date(253402300800), FatalError);
}

TEST(finish_pdf, source_date_epoch_from_environment) {
  ::unsetenv("SOURCE_DATE_EPOCH");
  EXPECT_EQ(source_date_epoch_from_environment(), std::nullopt);
  ::setenv("SOURCE_DATE_EPOCH", "1634256000", 1);
  EXPECT_EQ(source_date_epoch_from_environment(), 1634256000);
  ::setenv("SOURCE_DATE_EPOCH", "", 1);
  EXPECT_EQ(source_date_epoch_from_environment(), std::nullopt);
  for (const char* bad : {"-5", "12abc", " 1", "99999999999999999999999"}) {
    ::setenv("SOURCE_DATE_EPOCH", bad, 1);
    EXPECT_THROW(source_date_epoch_from_environment(), FatalError) << bad;
  }
  ::unsetenv("SOURCE_DATE_EPOCH");
}

}  // namespace
}  // namespace logogrid

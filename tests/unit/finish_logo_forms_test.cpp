// Logo forms: a fragment PDF becomes a form package in a file; finishing copies its
// objects into the output with their stream data read from the file (never held in memory
// or re-encoded), stores each form once however often it is placed, and stays
// deterministic and `qpdf --check` clean.
#include <cairo-pdf.h>
#include <gtest/gtest.h>
#include <sys/wait.h>

#include <cstdlib>
#include <fstream>
#include <iterator>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "cache/sha256.hpp"
#include "codec/deflate.hpp"
#include "color/icc_profile.hpp"
#include "diag/fatal_error.hpp"
#include "finish/finish.hpp"
#include "finish/logo_forms.hpp"
#include "test_support.hpp"

namespace logogrid {
namespace {

using testing::TempDir;

constexpr double kTrimW = 419.5276;
constexpr double kTrimH = 595.2756;
constexpr double kBleed = 8.50394;

using testing::read_all;

using testing::exit_code;

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

// A one-page fragment: a rectangle, a translucent circle and an image (several streams).
std::string fragment_pdf() {
  std::string pdf;
  cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &pdf, 60, 40);
  cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
  cairo_t* cr = cairo_create(surface);
  cairo_set_source_rgb(cr, 0.1, 0.3, 0.6);
  cairo_rectangle(cr, 0, 0, 30, 20);
  cairo_fill(cr);
  cairo_set_source_rgba(cr, 0.8, 0.2, 0.1, 0.5);
  cairo_arc(cr, 40, 20, 15, 0, 6.3);
  cairo_fill(cr);
  cairo_surface_t* image = cairo_image_surface_create(CAIRO_FORMAT_RGB24, 64, 64);
  cairo_t* ic = cairo_create(image);
  cairo_set_source_rgb(ic, 0.2, 0.7, 0.2);
  cairo_paint(ic);
  cairo_destroy(ic);
  cairo_set_source_surface(cr, image, 0, 20);
  cairo_paint(cr);
  cairo_surface_destroy(image);
  cairo_destroy(cr);
  cairo_surface_destroy(surface);
  return pdf;
}

std::string text_pdf(const TempDir& dir) {
  const std::string path = dir.file("text.pdf");
  cairo_surface_t* pdf =
      cairo_pdf_surface_create(path.c_str(), kTrimW + 2 * kBleed, kTrimH + 2 * kBleed);
  cairo_pdf_surface_set_metadata(pdf, CAIRO_PDF_METADATA_CREATE_DATE, "2000-01-01T00:00:00Z");
  cairo_t* cr = cairo_create(pdf);
  for (int page = 0; page < 2; ++page) {
    cairo_rectangle(cr, 20, 20, 5, 5);
    cairo_fill(cr);
    cairo_show_page(cr);
  }
  cairo_destroy(cr);
  cairo_surface_destroy(pdf);
  return path;
}

// The package stored at an offset inside a file, as in a cache entry.
LogoFormFile store(const TempDir& dir, const std::string& package) {
  const std::string path = dir.file("entry");
  const std::string header = "some header\nof a cache entry\n";
  std::ofstream(path, std::ios::binary) << header << package << "trailing";
  return LogoFormFile{path, header.size(), package.size(), "key-1",
                      sha256_hex(package.data(), package.size())};
}

std::uint64_t data_bytes(const std::string& package) {
  const std::size_t eol = package.find('\n');
  const std::uint64_t text = std::stoull(package.substr(8, eol - 8));
  return package.size() - (eol + 1 + text);
}

FinishOptions options(const LogoForms& forms) {
  FinishOptions o;
  o.page = {kTrimW, kTrimH, kBleed, 0};
  o.title = "Logos";
  o.creator = "logogrid test";
  o.epoch = 1634256000;
  o.logo_forms = &forms;
  return o;
}

LogoForms placed_three_times(const LogoFormFile& file) {
  LogoForms forms;
  forms.fragments.push_back(file);
  forms.placements = {{0, 0, 10, 10, 60, 40}, {0, 0, 100, 10, 30, 20}, {1, 0, 10, 10, 60, 40}};
  return forms;
}

TEST(logo_forms, stream_data_comes_from_the_file_once_per_form) {
  TempDir dir;
  const std::string package = package_logo_form(fragment_pdf(), PrintColour{});
  const LogoForms forms = placed_three_times(store(dir, package));
  const std::uint64_t before = logo_form_bytes_copied();
  finish_pdf(read_all(text_pdf(dir)), dir.file("out.pdf"), options(forms));
  EXPECT_EQ(logo_form_bytes_copied() - before, data_bytes(package));  // not once per placement
  EXPECT_GT(data_bytes(package), 0u);
  EXPECT_EQ(exit_code("qpdf --check '" + dir.file("out.pdf") + "'"), 0);

  QPDF out;
  out.processFile(dir.file("out.pdf").c_str());
  auto pages = QPDFPageDocumentHelper(out).getAllPages();
  ASSERT_EQ(pages.size(), 2u);
  QPDFObjectHandle a =
      pages[0].getObjectHandle().getKey("/Resources").getKey("/XObject").getKey("/Logo0");
  QPDFObjectHandle b =
      pages[1].getObjectHandle().getKey("/Resources").getKey("/XObject").getKey("/Logo0");
  ASSERT_TRUE(a.isStream());
  EXPECT_EQ(a.getObjGen(), b.getObjGen());  // stored once
  EXPECT_EQ(a.getDict().getKey("/Subtype").getName(), "/Form");
  // The fragment's streams decode in the output (passed through, still compressed).
  EXPECT_NO_THROW(a.getStreamData());
  QPDF fragment;
  const std::string pdf = fragment_pdf();
  fragment.processMemoryFile("fragment", pdf.data(), pdf.size());
  const auto want = QPDFPageDocumentHelper(fragment)
                        .getAllPages()[0]
                        .getObjectHandle()
                        .getKey("/Contents")
                        .getRawStreamData();
  const auto got = a.getRawStreamData();
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(got->getBuffer()), got->getSize()),
            std::string(reinterpret_cast<const char*>(want->getBuffer()), want->getSize()));
}

// The SVG worker has cairo write its streams unfiltered (CAIRO_DEBUG_PDF); packaging deflates
// each of them, and they decode to cairo's data.
TEST(logo_forms, unfiltered_fragment_streams_are_deflated_when_packaged) {
  ::setenv("CAIRO_DEBUG_PDF", "1", 1);
  const std::string plain = fragment_pdf();
  ::unsetenv("CAIRO_DEBUG_PDF");
  QPDF fragment;
  fragment.processMemoryFile("fragment", plain.data(), plain.size());
  QPDFObjectHandle contents =
      QPDFPageDocumentHelper(fragment).getAllPages()[0].getObjectHandle().getKey("/Contents");
  ASSERT_FALSE(contents.getDict().hasKey("/Filter"));  // what the worker hands over

  TempDir dir;
  const LogoForms forms = placed_three_times(store(dir, package_logo_form(plain, PrintColour{})));
  finish_pdf(read_all(text_pdf(dir)), dir.file("out.pdf"), options(forms));
  EXPECT_EQ(exit_code("qpdf --check '" + dir.file("out.pdf") + "'"), 0);
  QPDF out;
  out.processFile(dir.file("out.pdf").c_str());
  QPDFObjectHandle form = QPDFPageDocumentHelper(out)
                              .getAllPages()[0]
                              .getObjectHandle()
                              .getKey("/Resources")
                              .getKey("/XObject")
                              .getKey("/Logo0");
  ASSERT_TRUE(form.isStream());
  EXPECT_EQ(form.getDict().getKey("/Filter").getName(), "/FlateDecode");
  const auto want = contents.getRawStreamData();
  const auto got = form.getStreamData();
  EXPECT_EQ(std::string(reinterpret_cast<const char*>(got->getBuffer()), got->getSize()),
            std::string(reinterpret_cast<const char*>(want->getBuffer()), want->getSize()));
  int streams = 0;
  for (QPDFObjectHandle object : out.getAllObjects()) {
    if (!object.isStream() || object.getDict().getKey("/Type").isNameAndEquals("/Metadata"))
      continue;
    ++streams;
    EXPECT_TRUE(object.getDict().hasKey("/Filter")) << object.unparse();
  }
  EXPECT_GE(streams, 4);  // page content, form, image, soft mask at least
}

// The shipped output profile (1.05 MB) is embedded as the build deflated it: finishing a
// PDF/X document deflates only its own small streams.
TEST(logo_forms, shipped_output_profile_is_not_deflated_at_run_time) {
  TempDir dir;
  const LogoForms forms =
      placed_three_times(store(dir, package_logo_form(fragment_pdf(), PrintColour{})));
  const std::string input = text_pdf(dir);
  const std::uint64_t before = deflated_input_bytes();
  finish_pdf(read_all(input), dir.file("out.pdf"), options(forms));
  EXPECT_LT(deflated_input_bytes() - before, 100000u);
  QPDF out;
  out.processFile(dir.file("out.pdf").c_str());
  QPDFObjectHandle profile =
      out.getRoot().getKey("/OutputIntents").getArrayItem(0).getKey("/DestOutputProfile");
  ASSERT_TRUE(profile.isStream());
  const auto raw = profile.getRawStreamData();
  EXPECT_EQ(std::string_view(reinterpret_cast<const char*>(raw->getBuffer()), raw->getSize()),
            shipped_output_profile_deflated());
  const auto data = profile.getStreamData();
  EXPECT_EQ(std::string_view(reinterpret_cast<const char*>(data->getBuffer()), data->getSize()),
            shipped_output_profile());
}

// The document ID digests everything written before the cross-reference table (SHA-256,
// hardware-accelerated, its first 16 bytes), except that a checked package's stream data
// is stood for by the package's checksum: those bytes are hashed once, for the check.
std::string document_id(const std::string& pdf) {
  const std::size_t at = pdf.find("/ID [<");
  return at == std::string::npos ? std::string() : pdf.substr(at + 6, 32);
}

std::string digest_before_xref(const std::string& pdf) {
  const std::size_t startxref = pdf.rfind("startxref\n");
  if (startxref == std::string::npos) return {};
  const std::size_t xref_at = std::stoull(pdf.substr(startxref + 10));
  return sha256_hex(pdf.data(), xref_at).substr(0, 32);
}

TEST(logo_forms, document_id_digests_the_bytes_before_the_xref_with_checked_data_by_checksum) {
  TempDir dir;
  LogoFormFile unchecked = store(dir, package_logo_form(fragment_pdf(), PrintColour{}));
  unchecked.checksum.clear();
  finish_pdf(read_all(text_pdf(dir)), dir.file("plain.pdf"),
             options(placed_three_times(unchecked)));
  const std::string plain = read_all(dir.file("plain.pdf"));
  EXPECT_EQ(document_id(plain), digest_before_xref(plain));

  const LogoFormFile checked = store(dir, package_logo_form(fragment_pdf(), PrintColour{}));
  finish_pdf(read_all(text_pdf(dir)), dir.file("checked.pdf"),
             options(placed_three_times(checked)));
  const std::string pdf = read_all(dir.file("checked.pdf"));
  EXPECT_EQ(pdf.size(), plain.size());  // the same bytes, only the ID differs
  EXPECT_NE(document_id(pdf), digest_before_xref(pdf));
  EXPECT_EQ(document_id(pdf).size(), 32u);

  // Other stream data (so another checksum) gives another ID.
  std::string changed = package_logo_form(fragment_pdf(), PrintColour{});
  changed[changed.size() - 3] = '#';  // inside the last stream's data: it still parses
  const LogoFormFile other = store(dir, changed);
  finish_pdf(read_all(text_pdf(dir)), dir.file("other.pdf"), options(placed_three_times(other)));
  EXPECT_NE(document_id(read_all(dir.file("other.pdf"))), document_id(pdf));
}

TEST(logo_forms, deterministic) {
  TempDir dir;
  const LogoForms forms =
      placed_three_times(store(dir, package_logo_form(fragment_pdf(), PrintColour{})));
  const std::string input = text_pdf(dir);
  finish_pdf(read_all(input), dir.file("a.pdf"), options(forms));
  finish_pdf(read_all(input), dir.file("b.pdf"), options(forms));
  EXPECT_EQ(read_all(dir.file("a.pdf")), read_all(dir.file("b.pdf")));
}

TEST(logo_forms, damaged_package_is_fatal) {
  TempDir dir;
  std::string package = package_logo_form(fragment_pdf(), PrintColour{});
  package.resize(package.size() / 3);
  LogoFormFile file = store(dir, package);
  const LogoForms forms = placed_three_times(file);
  EXPECT_THROW(finish_pdf(read_all(text_pdf(dir)), dir.file("out.pdf"), options(forms)),
               FatalError);
  EXPECT_THROW(package_logo_form("%PDF-1.4 not really", PrintColour{}), std::exception);
}

// A cache entry damaged after it was verified (another process wrote into it): the bytes
// copied are checked against the verified checksum, so the damage never reaches a PDF.
TEST(logo_forms, package_changed_after_verification_is_fatal_and_writes_nothing) {
  TempDir dir;
  const std::string package = package_logo_form(fragment_pdf(), PrintColour{});
  const LogoFormFile file = store(dir, package);
  {
    std::fstream entry(file.path, std::ios::binary | std::ios::in | std::ios::out);
    entry.seekp(static_cast<std::streamoff>(file.offset + file.length - 3));
    entry.put('#');  // inside the last stream's data: the package still parses
  }
  const LogoForms forms = placed_three_times(file);
  EXPECT_THROW(finish_pdf(read_all(text_pdf(dir)), dir.file("out.pdf"), options(forms)),
               FatalError);
  EXPECT_FALSE(std::filesystem::exists(dir.file("out.pdf")));
}

}  // namespace
}  // namespace logogrid

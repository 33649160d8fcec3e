// Finishing cairo's PDF with libqpdf: page boxes, metadata, deterministic ID (PRINT.md).
#include "finish/finish.hpp"

// qpdf 11: no PointerHolder in our code; silences its transition #warning.
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <qpdf/Pipeline.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFCryptoProvider.hh>
#include <qpdf/QPDFExc.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>
#include <qpdf/QPDFWriter.hh>

#include "diag/fatal_error.hpp"
#include "finish/atomic_file.hpp"
#include "finish/logo_forms.hpp"
#include "finish/pdfx.hpp"
#include "finish/xmp_metadata.hpp"

namespace logogrid {

namespace {

// Latest second with a four-digit year (9999-12-31T23:59:59Z).
constexpr std::int64_t kMaxEpoch = 253402300799;

std::tm utc(std::int64_t epoch) {
  const auto seconds = static_cast<std::time_t>(epoch);
  std::tm tm{};
  if (epoch < 0 || epoch > kMaxEpoch || gmtime_r(&seconds, &tm) == nullptr) {
    throw FatalError("date out of range: " + std::to_string(epoch) + " seconds since 1970");
  }
  return tm;
}

std::string format_time(std::int64_t epoch, const char* format) {
  const std::tm tm = utc(epoch);
  char text[64];
  const std::size_t length = std::strftime(text, sizeof text, format, &tm);
  return std::string(text, length);
}

// Streams QPDFWriter's output into the atomic temporary file.
class AtomicFilePipeline : public Pipeline {
 public:
  explicit AtomicFilePipeline(AtomicFile& file) : Pipeline("atomic file", nullptr), file_(file) {}
  void write(unsigned char const* data, size_t len) override { file_.write(data, len); }
  void finish() override {}

 private:
  AtomicFile& file_;
};

QPDFObjectHandle box(double llx, double lly, double urx, double ury) {
  // Four decimals (1/10000 pt) keep values like 8.504 pt exact enough for any checker
  // while staying short and stable across platforms.
  auto real = [](double v) { return QPDFObjectHandle::newReal(v, 4, true); };
  return QPDFObjectHandle::newArray({real(llx), real(lly), real(urx), real(ury)});
}

void set_page_boxes(QPDFObjectHandle page_object, const FinishPageGeometry& page,
                    std::size_t page_number) {
  QPDFPageObjectHelper page_helper(page_object);
  QPDFObjectHandle media_handle = page_helper.getMediaBox();
  if (!media_handle.isRectangle()) {
    throw FatalError("page " + std::to_string(page_number) + " has no valid /MediaBox");
  }
  const auto media = media_handle.getArrayAsRectangle();
  const double margin = page.bleed + page.slug;
  const double expected_width = page.trim_width + 2 * margin;
  const double expected_height = page.trim_height + 2 * margin;
  // cairo writes the MediaBox with limited precision; a mismatch beyond that means the
  // renderer and the finisher disagree about the page, which must not pass silently.
  constexpr double kTolerance = 0.01;
  if (std::abs((media.urx - media.llx) - expected_width) > kTolerance ||
      std::abs((media.ury - media.lly) - expected_height) > kTolerance) {
    throw FatalError("page " + std::to_string(page_number) +
                     ": MediaBox does not match the trim size plus bleed and slug");
  }
  // Centre the TrimBox in the MediaBox as cairo actually wrote it.
  const double x = media.llx + ((media.urx - media.llx) - page.trim_width) / 2;
  const double y = media.lly + ((media.ury - media.lly) - page.trim_height) / 2;
  page_object.replaceKey("/TrimBox", box(x, y, x + page.trim_width, y + page.trim_height));
  page_object.replaceKey("/BleedBox",
                         box(x - page.bleed, y - page.bleed, x + page.trim_width + page.bleed,
                             y + page.trim_height + page.bleed));
  page_object.removeKey("/ArtBox");  // PDF/X: TrimBox and ArtBox never together
  page_object.removeKey("/Annots");
}

// "uuid:…" from an MD5 over everything the document is made of; stable across runs.
std::string document_uuid(std::string_view content, const FinishOptions& options,
                          std::int64_t epoch) {
  auto md5 = QPDFCryptoProvider::getImpl();
  md5->MD5_init();
  auto feed = [&](std::string_view s) {
    md5->MD5_update(reinterpret_cast<const unsigned char*>(s.data()), s.size());
    md5->MD5_update(reinterpret_cast<const unsigned char*>("\0"), 1);
  };
  feed(content);
  feed(options.title);
  feed(options.author);
  feed(options.creator);
  feed(std::to_string(epoch));
  feed(options.colour.key() + " " + options.colour.intent->digest());
  if (options.logo_forms != nullptr) {  // the logos are not in `content` then
    for (const LogoFormFile& fragment : options.logo_forms->fragments)
      feed(fragment.key + " " + std::to_string(fragment.length));
    for (const LogoFormPlacement& p : options.logo_forms->placements)
      feed(std::to_string(p.page) + " " + std::to_string(p.form) + " " + std::to_string(p.x) + " " +
           std::to_string(p.y) + " " + std::to_string(p.width) + " " + std::to_string(p.height));
  }
  md5->MD5_finalize();
  QPDFCryptoImpl::MD5_Digest digest;
  md5->MD5_digest(digest);
  digest[6] = static_cast<unsigned char>((digest[6] & 0x0f) | 0x30);  // version 3 (MD5)
  digest[8] = static_cast<unsigned char>((digest[8] & 0x3f) | 0x80);  // RFC 4122 variant
  std::string uuid = "uuid:";
  char hex[3];
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) uuid += '-';
    std::snprintf(hex, sizeof hex, "%02x", digest[i]);
    uuid += hex;
  }
  return uuid;
}

}  // namespace

std::optional<std::int64_t> source_date_epoch_from_environment() {
  const char* value = std::getenv("SOURCE_DATE_EPOCH");
  if (value == nullptr || *value == '\0') return std::nullopt;
  const std::string text(value);
  std::int64_t epoch = 0;
  for (const char c : text) {
    if (c < '0' || c > '9' || epoch > kMaxEpoch) {
      throw FatalError("SOURCE_DATE_EPOCH must be a number of seconds since 1970, not \"" + text +
                       "\"");
    }
    epoch = epoch * 10 + (c - '0');
  }
  if (epoch > kMaxEpoch) throw FatalError("SOURCE_DATE_EPOCH is after the year 9999");
  return epoch;
}

std::string pdf_date(std::int64_t epoch) { return format_time(epoch, "D:%Y%m%d%H%M%SZ"); }

std::string xmp_date(std::int64_t epoch) { return format_time(epoch, "%Y-%m-%dT%H:%M:%SZ"); }

std::vector<std::string> finish_pdf(std::string_view cairo_pdf, const std::string& out_path,
                                    const FinishOptions& options) {
  const std::int64_t epoch = options.epoch ? *options.epoch : std::int64_t{std::time(nullptr)};
  const std::string date = pdf_date(epoch);  // validates the range before any work

  QPDF pdf;
  pdf.setSuppressWarnings(true);  // collected and returned, never printed from here
  std::vector<std::string> warnings;
  auto collect_warnings = [&] {
    for (const QPDFExc& warning : pdf.getWarnings()) warnings.push_back(warning.what());
  };
  try {
    pdf.processMemoryFile("cairo's PDF", cairo_pdf.data(), cairo_pdf.size());

    std::size_t page_number = 0;
    for (QPDFPageObjectHelper& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
      set_page_boxes(page.getObjectHandle(), options.page, ++page_number);
    }
    const QPDFObjectHandle default_rgb = make_print_structure(pdf, options);
    LogoFormSlots slots;
    if (options.logo_forms != nullptr)
      slots = place_logo_forms(pdf, *options.logo_forms, options.page.bleed + options.page.slug);

    QPDFObjectHandle trailer = pdf.getTrailer();
    std::string producer = options.producer;
    if (producer.empty()) {
      QPDFObjectHandle old_info = trailer.getKey("/Info");
      if (old_info.isDictionary() && old_info.getKey("/Producer").isString()) {
        producer = old_info.getKey("/Producer").getUTF8Value() + "; ";
      }
      producer += "libqpdf " + QPDF::QPDFVersion();
    }

    // A fresh Info dictionary: nothing of cairo's (its own dates above all) survives.
    QPDFObjectHandle info = QPDFObjectHandle::newDictionary();
    info.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(options.title));
    if (!options.author.empty()) {
      info.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(options.author));
    }
    info.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString(options.creator));
    info.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(producer));
    info.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
    info.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
    info.replaceKey("/Trapped", QPDFObjectHandle::newName("/False"));
    if (options.colour.pdfx)
      info.replaceKey("/GTS_PDFXVersion", QPDFObjectHandle::newString("PDF/X-4"));
    trailer.replaceKey("/Info", pdf.makeIndirectObject(info));
    // The deterministic ID keeps an input /ID's first element: drop it (PRINT.md).
    trailer.removeKey("/ID");

    XmpFields xmp;
    xmp.title = options.title;
    xmp.author = options.author;
    xmp.creator_tool = options.creator;
    xmp.producer = producer;
    xmp.epoch = epoch;
    xmp.document_id = document_uuid(cairo_pdf, options, epoch);
    xmp.pdfx = options.colour.pdfx;
    QPDFObjectHandle metadata = pdf.newStream(xmp_packet(xmp));
    metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
    QPDFObjectHandle root = pdf.getRoot();
    root.replaceKey("/Metadata", metadata);
    root.removeKey("/OpenAction");
    root.removeKey("/AcroForm");

    AtomicFile out(out_path);
    if (options.logo_forms != nullptr) {
      // Logos go from their files into the output; libqpdf never holds them (logo_forms.hpp).
      write_with_logo_forms(pdf, *options.logo_forms, slots, default_rgb,
                            [&](const char* data, std::size_t size) { out.write(data, size); });
      out.commit();
      collect_warnings();
      return warnings;
    }
    AtomicFilePipeline pipeline(out);
    QPDFWriter writer(pdf);
    writer.setOutputPipeline(&pipeline);
    writer.setDeterministicID(true);
    writer.forcePDFVersion("1.6");
    writer.setObjectStreamMode(qpdf_o_disable);
    // Streams that are already compressed (cairo's, the logos' images) pass through as
    // they are; by default qpdf would inflate and re-deflate those with PNG predictors,
    // which was 63 % of a warm rebuild's CPU time (perf, 1000 logos).
    writer.setDecodeLevel(qpdf_dl_none);
    writer.write();
    out.commit();
  } catch (const FatalError&) {
    throw;
  } catch (const std::exception& e) {
    throw FatalError("cannot finish " + out_path + " (" + e.what() + ")");
  }
  collect_warnings();
  return warnings;
}

}  // namespace logogrid

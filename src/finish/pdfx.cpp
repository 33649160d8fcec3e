// The PDF/X-4 structure of a finished document with libqpdf.
#include "finish/pdfx.hpp"

#include <algorithm>
#include <cstdio>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "finish/pdf_dictionary.hpp"
#include "finish/print_colour.hpp"

namespace logogrid {
namespace {

// Crop marks start at least this far outside the trim edge (and never inside the bleed).
constexpr double kCropMarkMinOffset = 3.0 * kPointsPerMm;
constexpr const char* kRegistration = "/Registration";

QPDFObjectHandle name(const char* n) { return QPDFObjectHandle::newName(n); }

std::string number(double v) {
  char text[32];
  std::snprintf(text, sizeof text, "%.3f", v);
  return text;
}

// [/Separation /All /DeviceCMYK tint→CMYK]: the colour of marks that belong on every plate.
QPDFObjectHandle registration_colour(QPDF& pdf) {
  QPDFObjectHandle tint = QPDFObjectHandle::newDictionary();
  tint.replaceKey("/FunctionType", QPDFObjectHandle::newInteger(2));
  tint.replaceKey("/Domain", QPDFObjectHandle::parse("[0 1]"));
  tint.replaceKey("/C0", QPDFObjectHandle::parse("[0 0 0 0]"));
  tint.replaceKey("/C1", QPDFObjectHandle::parse("[1 1 1 1]"));
  tint.replaceKey("/N", QPDFObjectHandle::newInteger(1));
  return pdf.makeIndirectObject(QPDFObjectHandle::newArray(
      {name("/Separation"), name("/All"), name("/DeviceCMYK"), pdf.makeIndirectObject(tint)}));
}

QPDFObjectHandle output_intent(QPDF& pdf, const OutputIntent& intent) {
  // Deflated in advance when it can be (the shipped profile, 1.05 MB: 12 ms a build).
  QPDFObjectHandle profile = pdf.newStream();
  if (intent.deflated.empty())
    profile.replaceStreamData(intent.profile, QPDFObjectHandle::newNull(),
                              QPDFObjectHandle::newNull());
  else
    profile.replaceStreamData(std::string(intent.deflated), name("/FlateDecode"),
                              QPDFObjectHandle::newNull());
  profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(4));
  QPDFObjectHandle dict = QPDFObjectHandle::newDictionary();
  dict.replaceKey("/Type", name("/OutputIntent"));
  dict.replaceKey("/S", name("/GTS_PDFX"));
  dict.replaceKey("/OutputConditionIdentifier",
                  QPDFObjectHandle::newUnicodeString(intent.condition));
  dict.replaceKey("/OutputCondition", QPDFObjectHandle::newUnicodeString(intent.info));
  dict.replaceKey("/Info", QPDFObjectHandle::newUnicodeString(intent.info));
  dict.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
  dict.replaceKey("/DestOutputProfile", profile);
  return pdf.makeIndirectObject(dict);
}

}  // namespace

std::string crop_marks_content(const FinishPageGeometry& page, double media_llx, double media_lly) {
  if (page.slug <= 0) return {};
  const double m = page.bleed + page.slug;
  const double offset = std::max(page.bleed, kCropMarkMinOffset);
  const double length = std::max(kCropMarkMinOffset, m - offset - 2.0 * kPointsPerMm);
  const double left = media_llx + m;
  const double bottom = media_lly + m;
  const double right = left + page.trim_width;
  const double top = bottom + page.trim_height;
  std::string c = std::string("q ") + kRegistration + " CS 1 SCN 0.25 w 0 J\n";
  auto line = [&](double x0, double y0, double x1, double y1) {
    c += number(x0) + " " + number(y0) + " m " + number(x1) + " " + number(y1) + " l\n";
  };
  for (const double y : {top, bottom}) {  // horizontal marks, left and right of the page
    line(left - offset, y, left - offset - length, y);
    line(right + offset, y, right + offset + length, y);
  }
  for (const double x : {left, right}) {  // vertical marks, above and below the page
    line(x, top + offset, x, top + offset + length);
    line(x, bottom - offset, x, bottom - offset - length);
  }
  c += "S Q\n";
  return c;
}

QPDFObjectHandle make_print_structure(QPDF& pdf, const FinishOptions& options) {
  const PrintColour& colour = options.colour;
  std::vector<QPDFPageObjectHelper> pages = QPDFPageDocumentHelper(pdf).getAllPages();
  if (options.page.slug > 0) {
    QPDFObjectHandle registration = registration_colour(pdf);
    for (QPDFPageObjectHelper& page : pages) {
      const auto media = page.getMediaBox().getArrayAsRectangle();
      QPDFObjectHandle spaces =
          dictionary_at(dictionary_at(page.getObjectHandle(), "/Resources"), "/ColorSpace");
      spaces.replaceKey(kRegistration, registration);
      page.addPageContents(pdf.newStream(crop_marks_content(options.page, media.llx, media.lly)),
                           false);
    }
  }
  if (!colour.active()) return QPDFObjectHandle::newNull();
  QPDFObjectHandle default_rgb = colour.pdfx ? make_default_rgb(pdf) : QPDFObjectHandle::newNull();
  const ColourRules rules = page_rules(colour, default_rgb);
  for (QPDFPageObjectHelper& page : pages) apply_colour_rules(pdf, page.getObjectHandle(), rules);
  if (colour.pdfx)
    pdf.getRoot().replaceKey("/OutputIntents",
                             QPDFObjectHandle::newArray({output_intent(pdf, *colour.intent)}));
  return default_rgb;
}

}  // namespace logogrid

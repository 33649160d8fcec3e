// Print colour of pages and logo forms (PDF/X-4, PRINT.md), the one place that decides
// colour for both writers: finish_pdf applies it to the text document's pages, and
// package_logo_form to each logo fragment before it is packaged. What it guarantees for a
// page or form and everything it draws (forms, patterns, soft masks, images, shadings):
// - transparency groups blend in DeviceCMYK (soft-mask groups: sRGB, or grey in cmyk
//   mode), so 100 % K stays K after compositing;
// - with black_to_k, pure black (0 0 0 rg/RG) becomes 0 0 0 1 k/K;
// - with to_cmyk, every other DeviceRGB or ICC-based colour, image and shading becomes
//   DeviceCMYK of the output profile (soft masks: luminosity in DeviceGray); nothing RGB
//   remains (what cannot be converted is a FatalError, never left RGB);
// - where RGB remains, /DefaultRGB (ICC-based sRGB) is in the resources that use it.
#pragma once

#include <memory>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "color/icc_profile.hpp"
#include "load/layout.hpp"

namespace logogrid {

// The layout's choice (pdf.standard, pdf.color, pdf.logo_black, pdf.output_intent).
struct PrintColour {
  bool pdfx = true;          // PDF/X-4; false = today's plain PDF for screens
  bool cmyk = false;         // logos converted to DeviceCMYK
  bool logo_black_k = true;  // cmyk: pure black logo parts as 100 % K
  std::shared_ptr<const OutputIntent> intent = shipped_output_intent();
  // Nothing to do for a plain PDF in RGB: the pages stay as cairo wrote them.
  bool active() const { return pdfx || cmyk; }
  // Feeds cache keys: everything that changes a logo form's bytes.
  std::string key() const;
};

PrintColour print_colour(const Layout::Pdf& pdf);

struct ColourRules {
  bool black_to_k = false;
  bool to_cmyk = false;
  bool default_rgb_everywhere = false;  // rgb-managed: every page and form gets /DefaultRGB
  const OutputIntent* intent = nullptr;
  // [/ICCBased sRGB] (or a stand-in for it in a logo fragment); used for /DefaultRGB and
  // for soft-mask groups in RGB.
  QPDFObjectHandle default_rgb;
};

// The rules for the document's own pages (text, marks, proof overlays) and for logo forms.
ColourRules page_rules(const PrintColour& colour, QPDFObjectHandle default_rgb);
ColourRules logo_rules(const PrintColour& colour, QPDFObjectHandle default_rgb);

// Applies `rules` to `page` (a page dictionary of `pdf`) and everything it draws. The page
// gets one new content stream. Throws FatalError for colours that cannot be converted.
void apply_colour_rules(QPDF& pdf, QPDFObjectHandle page, const ColourRules& rules);

// [/ICCBased <sRGB stream>] as a new indirect object of `pdf`.
QPDFObjectHandle make_default_rgb(QPDF& pdf);

}  // namespace logogrid

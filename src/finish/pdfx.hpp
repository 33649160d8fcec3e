// PDF/X-4 document structure (ISO 15930-7, PRINT.md), made once for both writers: the
// output intent with its embedded profile, crop marks in the registration colour, and the
// colour rules (finish/print_colour) on every page. Logo forms get their colour rules
// when they are packaged (finish/logo_forms).
#pragma once

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "finish/finish.hpp"

namespace logogrid {

// Applies everything above to `pdf` (pages already have their boxes). Returns the
// document's [/ICCBased sRGB] colour space that logo forms refer to for /DefaultRGB, or
// a null handle when the document has none.
QPDFObjectHandle make_print_structure(QPDF& pdf, const FinishOptions& options);

// Crop marks for `page` in MediaBox coordinates: 0.25 pt lines along the trim edges,
// starting max(bleed, 3 mm) outside the trim and ending 2 mm before the media edge, in
// /Separation /All so that they print on every plate. Nothing when the page has no slug.
std::string crop_marks_content(const FinishPageGeometry& page, double media_llx, double media_lly);

}  // namespace logogrid

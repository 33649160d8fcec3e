// Logos as Form XObjects: each distinct logo's fragment PDF (render/logo_fragment) becomes
// one Form XObject in the finished file, drawn by a small content stream placed before
// the page's own content wherever the logo appears. Stored once however often placed.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include <qpdf/QPDF.hh>

namespace logogrid {

struct LogoFormPlacement {
  std::size_t page = 0;  // 0-based page of the document
  std::size_t form = 0;  // index into LogoForms::fragments
  // The logo's rectangle in trim coordinates (points, origin top-left of the TrimBox).
  double x = 0, y = 0, width = 0, height = 0;
};

struct LogoForms {
  std::vector<const std::string*> fragments;  // one-page fragment PDFs, outlive finishing
  std::vector<LogoFormPlacement> placements;
};

// Imports the fragments into `pdf` and places them; `margin` is the TrimBox offset inside
// each page's MediaBox (bleed + slug). The fragment documents are kept in `keep_alive`
// until `pdf` has been written (libqpdf copies their streams lazily).
void place_logo_forms(QPDF& pdf, const LogoForms& forms, double margin,
                      std::vector<std::unique_ptr<QPDF>>& keep_alive);

}  // namespace logogrid

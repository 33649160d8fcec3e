// Logos as Form XObjects: each distinct logo's fragment (render/logo_fragment) becomes one
// Form XObject in the finished file, drawn by a small content stream placed before the
// page's own content wherever the logo appears. Stored once however often placed.
//
// A fragment is kept as a "form package" in a file (a cache entry, or a per-run scratch
// file): a small text part describing the form's objects (dictionaries, with references
// between them written as placeholder names) followed by each stream's raw — still
// compressed — data. Finishing reads only the text part; stream data goes from the file
// into the output through a StreamDataProvider while the output is written, so no logo's
// data is held in memory, however many logos a build has.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
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

// Where a form package lies: bytes [offset, offset + length) of `path`.
struct LogoFormFile {
  std::string path;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  std::string key;  // content-derived identity (feeds the document ID)
};

struct LogoForms {
  std::vector<LogoFormFile> fragments;  // files must exist until finishing has written
  std::vector<LogoFormPlacement> placements;
};

// A one-page fragment PDF (exactly the placed size, the logo on its page) as a form
// package. Throws FatalError when the PDF is not a one-page PDF.
std::string package_logo_form(const std::string& fragment_pdf);

// Counts StreamDataProvider calls (tests: logo data reaches the output through it).
std::uint64_t logo_form_stream_reads();

// Imports the fragments into `pdf` and places them; `margin` is the TrimBox offset inside
// each page's MediaBox (bleed + slug). Stream data is read from the fragment files while
// `pdf` is written.
void place_logo_forms(QPDF& pdf, const LogoForms& forms, double margin);

}  // namespace logogrid

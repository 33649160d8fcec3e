// Logos as Form XObjects: each distinct logo's fragment (render/logo_fragment) becomes one
// Form XObject in the finished file, drawn by a small content stream placed before the
// page's own content wherever the logo appears. Stored once however often placed.
//
// A fragment is kept as a "form package" in a file (a cache entry, or a per-run scratch
// file): a small text part describing the form's objects (dictionaries, with references
// between them written as placeholder names) followed by each stream's raw — still
// compressed — data. The logos never enter libqpdf's object graph: libqpdf edits the
// (small) text document, placing one stand-in object per form, and write_with_logo_forms
// writes the file, copying each package's objects under the stand-in's number with their
// stream data straight from the file in blocks. Memory holds no logo data, however many
// logos a build has; nothing is inflated or re-deflated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <qpdf/QPDF.hh>
#include <string>
#include <vector>

#include "finish/print_colour.hpp"

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
  // SHA-256 (hex) of the package bytes as verified; the copy into the output is checked
  // against it ("" = not checked).
  std::string checksum;
};

struct LogoForms {
  std::vector<LogoFormFile> fragments;  // files must exist until finishing has written
  std::vector<LogoFormPlacement> placements;
};

// A one-page fragment PDF (exactly the placed size, the logo on its page) as a form
// package, with the logo colour rules of `colour` applied (finish/print_colour.hpp); its
// /DefaultRGB refers to the document's sRGB colour space, filled in when written. Throws
// FatalError when the PDF is not a one-page PDF or a colour cannot be converted.
std::string package_logo_form(const std::string& fragment_pdf, const PrintColour& colour);

// Bytes of logo stream data copied from package files into outputs (tests: logo data
// reaches the output from the files, not from memory).
std::uint64_t logo_form_bytes_copied();

// Stand-in objects of `pdf`, by the form (index into LogoForms::fragments) they stand for.
struct LogoFormSlots {
  std::map<QPDFObjGen, std::size_t> form_of;
};

// Places the forms on the pages of `pdf` as stand-ins; `margin` is the TrimBox offset
// inside each page's MediaBox (bleed + slug).
LogoFormSlots place_logo_forms(QPDF& pdf, const LogoForms& forms, double margin);

// Writes `pdf` (what its trailer reaches; PDF 1.6, no object streams, streams as they are,
// an /ID from the MD5 of the file) with the forms in place of their stand-ins.
// `default_rgb` is the document's sRGB colour space (make_print_structure) that packages
// refer to; a package that refers to it when it is null or unreachable is damaged.
void write_with_logo_forms(QPDF& pdf, const LogoForms& forms, const LogoFormSlots& slots,
                           QPDFObjectHandle default_rgb,
                           const std::function<void(const char*, std::size_t)>& sink);

}  // namespace logogrid

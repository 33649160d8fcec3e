// Finishing: turns cairo's PDF into the delivered file with libqpdf (see PRINT.md).
// Guarantees once it has run: every page has /TrimBox and /BleedBox (TrimBox ⊆ BleedBox ⊆
// MediaBox) and no /Annots; with a slug, crop marks in /Separation /All; with
// pdf.standard x4, a PDF/X-4 (output intent, pdfxid, print colour per finish/pdfx.hpp); Info and an
// XMP /Metadata stream agree on title, author, creator, producer and D:-dated creation/modification
// dates, /Trapped is /False; nothing time-dependent except those dates survives; the trailer /ID is
// derived from the content; PDF 1.6 without object streams; the output was written atomically.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "finish/print_colour.hpp"

namespace logogrid {

struct LogoForms;  // finish/logo_forms.hpp

// The page geometry the renderer used: the TrimBox is centred in each page's MediaBox,
// which is the trim grown by bleed + slug on every side. Points.
struct FinishPageGeometry {
  double trim_width = 0;
  double trim_height = 0;
  double bleed = 0;
  double slug = 0;  // room for crop marks outside the bleed; 0 without marks
};

struct FinishOptions {
  FinishPageGeometry page;
  std::string title;
  std::string author;
  std::string creator;   // "logogrid <version>"
  std::string producer;  // "" = cairo's producer string plus "libqpdf <version>"
  // Seconds since 1970 (UTC) for /CreationDate and /ModDate; unset = now.
  std::optional<std::int64_t> epoch;
  // Logos to place as Form XObjects; nullptr = the input already has them drawn. Their
  // packages must have been made with the same `colour`.
  const LogoForms* logo_forms = nullptr;
  PrintColour colour;
};

// Reads SOURCE_DATE_EPOCH. Unset or empty = nullopt; anything but a non-negative integer
// throws FatalError (a reproducible build must not silently fall back to "now").
std::optional<std::int64_t> source_date_epoch_from_environment();

// "D:20211015120000Z" and "2021-10-15T12:00:00Z" for a UTC epoch.
std::string pdf_date(std::int64_t epoch);
std::string xmp_date(std::int64_t epoch);

// Finishes `cairo_pdf` (the bytes of cairo's PDF) into `out_path`, atomically. Returns the
// warnings libqpdf reported while reading the input (cairo's duplicated /XObject keys, for
// example), which the rewrite repairs; they are for logs, not for users. Throws FatalError
// when the input is not a PDF libqpdf can read or the output cannot be written, and when a
// page's MediaBox does not match `options.page`.
std::vector<std::string> finish_pdf(std::string_view cairo_pdf, const std::string& out_path,
                                    const FinishOptions& options);

}  // namespace logogrid

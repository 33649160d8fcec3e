// SVG logos. Every librsvg call on a logo's bytes runs in a worker process (svg_worker.hpp):
// there the bytes are unpacked (.svgz), scanned with libxml2 (svg_scan), parsed by librsvg
// without a base URL, so nothing outside the bytes can load (data: URIs still work), and
// measured; the facts and diagnostics come back. A parse in this process, for drawing here,
// only ever follows the worker's successful one, of the same bytes.
#pragma once

#include <memory>
#include <string>

#include "resolve/logo.hpp"
#include "resolve/logo_report.hpp"
#include "resolve/svg_worker.hpp"

namespace logogrid {

struct SvgDocument;

// Pixels across the longer side of the artwork when ink is measured, when nothing smaller
// is asked for.
constexpr int kSvgInkRenderSide = 2048;
// The ink box needs this precision at the placed size. An edge is read to a fraction of a
// measuring pixel (its coverage) and set half a pixel outward, so a pixel is this size.
constexpr double kSvgInkPrecisionMm = 0.1;

// The pixels across the artwork that measure ink to kSvgInkPrecisionMm for a logo placed
// within a box whose longer side is `longest_placed_pt` points (at most kSvgInkRenderSide).
int svg_ink_side_for(double longest_placed_pt);

// On success fills width/height (intrinsic, CSS px), ink (same units), has_filter_effects,
// embedded_rasters and, when the request asks for it, svg; returns true. Otherwise reports
// and returns false. Warnings are added either way.
bool decode_svg_logo(Logo& logo, LogoReport& report, const LogoRequest& request);

// Parses bytes that a worker has decoded (for drawing in this process); null on failure.
std::shared_ptr<const SvgDocument> parse_svg_document(const std::string& bytes, const Logo& facts);

// The facts of a decoded SVG logo as one line of text, and back (worker replies, the facts
// cache, fragment requests).
std::string svg_facts_text(const Logo& logo);
bool read_svg_facts(const std::string& text, Logo& logo);

// Worker side: the document just decoded when `bytes` are its bytes, else a new parse.
std::shared_ptr<const SvgDocument> svg_document_in_worker(const std::string& bytes,
                                                          const Logo& facts);

// Worker side: answers {"decode", bytes, ink side, name}.
SvgMessage answer_svg_decode(const SvgMessage& request);

}  // namespace logogrid

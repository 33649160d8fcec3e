// Logo resolution: a path from the participants file in, a decoded logo with its true ink
// bounds out. Guarantees once it has run: the file lies inside the participants folder,
// was read once and is within the size limits, its format is known from its content, it
// decodes, and something on it shows on white paper. External references are never read.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "resolve/svg_worker.hpp"

namespace logogrid {

enum class LogoFormat { svg, png };
const char* to_string(LogoFormat format);

// Limits checked before decoding.
constexpr std::size_t kMaxLogoBytes = 20u * 1024u * 1024u;
constexpr double kMaxLogoPixels = 100e6;
constexpr int kMaxLogoSide = 30000;

// A box in the logo's own units: pixels for PNG, SVG user units (CSS px) of the
// document's intrinsic size for SVG.
struct InkBox {
  double x = 0;
  double y = 0;
  double width = 0;
  double height = 0;
};

struct SvgDocument;  // a parsed SVG, opaque outside resolve/ and render/
struct PngImage;     // a PNG's print image (resolve/png_image.hpp)

// A PNG or JPEG embedded in an SVG, for the resolution rule at the placed size.
struct EmbeddedRaster {
  long line = 0;  // of the <image> element inside the SVG
  int pixel_width = 0;
  int pixel_height = 0;
  double width = 0;  // as drawn, in the SVG's user units (same as Logo::ink)
  double height = 0;
};

struct Logo {
  LogoFormat format = LogoFormat::svg;
  std::string path;          // as written in the participants file
  std::string file;          // resolved filesystem path
  std::string bytes;         // the whole file, read once
  std::string content_hash;  // hex SHA-256 of bytes
  double width = 0;          // intrinsic size, same units as ink
  double height = 0;
  int pixel_width = 0;  // PNG only
  int pixel_height = 0;
  InkBox ink;                       // what shows on white paper (== whole box when trim is off)
  bool has_filter_effects = false;  // SVG filters: rasterised at print resolution
  int ink_side = 0;  // LogoRequest::svg_ink_side it was resolved with (facts cache key)
  std::vector<EmbeddedRaster> embedded_rasters;  // SVG only
  std::shared_ptr<const SvgDocument> svg;        // SVG only, when asked for: parsed for drawing
  std::shared_ptr<const PngImage> png;           // PNG only: made while the ink was measured
};

struct LogoRequest {
  std::string folder;             // the participants file's folder (the root)
  std::string path;               // as written
  std::string participants_file;  // for diagnostics
  Position pos;                   // of the logo value
  std::string participant;        // name for diagnostics
  bool as_warnings = false;       // excluded entries: problems become warnings
  // Pixels across the longer side of an SVG's artwork when its ink is measured; 0 =
  // kSvgInkRenderSide. Derived from the logo area, so the ink box is just as precise as
  // printing needs (see svg_logo.hpp).
  int svg_ink_side = 0;
  SvgLimits svg_limits;  // the budget of the SVG renderer per logo (svg_worker.hpp)
  // Parse SVGs in this process too, for drawing here (Logo::svg); the commands draw in
  // workers and leave it off (JobOptions::svg_documents).
  bool svg_document = true;
  // PNG: also make the print image (Logo::png) in the decoding pass. `check` needs only
  // the ink box and leaves the compression out.
  bool png_print_image = true;
  // Fingerprint the bytes (Logo::content_hash, the key of every cache and the report's
  // sha256). `check` uses none of these and leaves it out.
  bool content_hash = true;
  // SVG: measure the ink box. `check` needs only whether anything shows (logo-empty), with
  // the same answer build gets, and leaves the measuring raster out: the box is then the
  // located region around the artwork. Not so for SVGs that embed rasters, whose ppi rule
  // needs the placed size.
  bool svg_ink_box = true;
};

// Optional facts cache for resolve_logo. `recall` gets a logo with path, bytes and
// content_hash set and returns true when it filled in format, sizes, ink and
// has_filter_effects from an earlier run: decoding is then skipped (svg stays null).
// `remember` is called after a decode that reported nothing, so only clean logos are ever
// recalled. Both may be called from several threads at once.
struct LogoFacts {
  std::function<bool(Logo&)> recall;
  std::function<void(const Logo&)> remember;
};

// Checks, reads and decodes a logo. On any problem adds diagnostics (codes logo-missing,
// logo-outside-root, logo-unsupported, logo-corrupt, logo-too-large, logo-empty,
// logo-svg-text, logo-external-ref) and returns nullopt for errors.
std::optional<Logo> resolve_logo(const LogoRequest& request, Diagnostics& diagnostics,
                                 const LogoFacts* facts = nullptr);

// The part of resolve_logo after the file was read: sniff, limits, decode, measure ink.
// Used by resolve_logo and by the fuzz targets. `content_hash`, when given, is
// logo_content_hash(bytes) already computed by the caller (it is not computed twice).
std::optional<Logo> decode_logo(std::string bytes, const LogoRequest& request,
                                Diagnostics& diagnostics, std::string content_hash = {});

// Hex SHA-256 of a logo file's bytes (Logo::content_hash).
std::string logo_content_hash(const std::string& bytes);

// Effective resolution of a raster logo whose ink box is placed `placed_width_pt` wide.
double effective_ppi(const Logo& logo, double placed_width_pt);

}  // namespace logogrid

// decode_logo: sniff the content, apply the size limit, hand over to the PNG or SVG
// decoder, and fingerprint the bytes. Also the small helpers declared in logo.hpp.
#include "resolve/logo.hpp"

#include <fmt/format.h>
#include <glib.h>

#include <utility>

#include "cache/sha256.hpp"
#include "resolve/content_sniff.hpp"
#include "resolve/logo_report.hpp"
#include "resolve/png_logo.hpp"
#include "resolve/svg_logo.hpp"

namespace logogrid {
namespace {

std::string mebibytes(std::size_t bytes) {
  return fmt::format("{:.1f} MiB", static_cast<double>(bytes) / (1024.0 * 1024.0));
}

}  // namespace

std::string logo_content_hash(const std::string& bytes) {
  return sha256_hex(bytes.data(), bytes.size());
}

const char* to_string(LogoFormat format) {
  switch (format) {
    case LogoFormat::svg:
      return "svg";
    case LogoFormat::png:
      return "png";
  }
  return "unknown";
}

std::optional<Logo> decode_logo(std::string bytes, const LogoRequest& request,
                                Diagnostics& diagnostics, std::string content_hash) {
  LogoReport report(request, diagnostics);
  if (bytes.size() > kMaxLogoBytes) {
    report.problem("logo-too-large",
                   fmt::format("{} is {}; the limit is {}", report.name(), mebibytes(bytes.size()),
                               mebibytes(kMaxLogoBytes)),
                   {"supply an SVG, or a PNG with fewer pixels or better compression"});
    return std::nullopt;
  }

  Logo logo;
  logo.path = request.path;
  logo.bytes = std::move(bytes);
  logo.ink_side = request.svg_ink_side;
  const Sniffed sniffed = sniff_logo_content(logo.bytes);
  bool decoded = false;
  switch (sniffed.format) {
    case SniffedFormat::png:
      logo.format = LogoFormat::png;
      decoded = decode_png_logo(logo, report, request.png_print_image);
      break;
    case SniffedFormat::damaged_png:
      report.problem("logo-corrupt",
                     fmt::format("{} is a damaged PNG (its signature, the first 8 bytes, is "
                                 "broken)",
                                 report.name()),
                     {"export the logo again as PNG (or SVG); the file may have been damaged "
                      "in transfer (e.g. sent as text)"});
      break;
    case SniffedFormat::xml:
    case SniffedFormat::gzip:  // .svgz
      logo.format = LogoFormat::svg;
      decoded = decode_svg_logo(logo, report, request);
      break;
    case SniffedFormat::other:
      report.problem("logo-unsupported",
                     sniffed.looks_like.empty()
                         ? fmt::format("{} is neither SVG nor PNG", report.name())
                         : fmt::format("{} is neither SVG nor PNG: it looks like {}", report.name(),
                                       sniffed.looks_like),
                     {"supply the logo as SVG (preferred) or PNG; the file name's extension "
                      "does not matter, its content does"});
      break;
  }
  if (!decoded) return std::nullopt;
  if (!content_hash.empty())
    logo.content_hash = std::move(content_hash);
  else if (request.content_hash)
    logo.content_hash = logo_content_hash(logo.bytes);
  return logo;
}

double effective_ppi(const Logo& logo, double placed_width_pt) {
  // Vector logos have no resolution of their own (filter effects are rasterised by the
  // renderer at print resolution), so 0 means "not a raster".
  if (logo.format != LogoFormat::png || !(placed_width_pt > 0)) return 0;
  return logo.ink.width / (placed_width_pt / 72.0);
}

}  // namespace logogrid

// SVG decoding with librsvg 2.54 and ink measurement on a bounded raster.
#include "resolve/svg_logo.hpp"

#include <cairo.h>
#include <fmt/format.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "resolve/ink_box.hpp"
#include "resolve/svg_document.hpp"
#include "resolve/svg_ink.hpp"
#include "resolve/svg_scan.hpp"

namespace logogrid {
namespace {

// Sizes outside this range (CSS px) are treated as unusable rather than rendered.
constexpr double kMinSvgSide = 1e-4;
constexpr double kMaxSvgSide = 1e8;

struct GObjectUnref {
  void operator()(gpointer object) const { g_object_unref(object); }
};

std::string take_error(GError* error, const char* fallback) {
  if (!error) return fallback;
  std::string message = error->message ? error->message : fallback;
  g_error_free(error);
  while (!message.empty() && (message.back() == '\n' || message.back() == ' ')) message.pop_back();
  return message;
}

std::string svg_line(long line) {
  return line > 0 ? fmt::format(" at line {} of the SVG", line) : " in its DTD";
}

bool usable_side(double side) {
  return std::isfinite(side) && side >= kMinSvgSide && side <= kMaxSvgSide;
}

// Reports the libxml2 pass; returns false when the document cannot go on to librsvg.
bool report_scan(const SvgScan& scan, LogoReport& report) {
  const std::vector<std::string> export_hint{
      "export the logo again as plain SVG (Inkscape: Save As › Plain SVG) or as PNG"};
  switch (scan.outcome) {
    case SvgScan::Outcome::ok:
      break;
    case SvgScan::Outcome::malformed:
      report.problem("logo-corrupt",
                     fmt::format("{} is not well-formed XML ({})", report.name(), scan.reason),
                     export_hint);
      return false;
    case SvgScan::Outcome::entity_bomb:
      report.problem("logo-corrupt",
                     fmt::format("{} is not a usable SVG ({})", report.name(), scan.reason),
                     export_hint);
      return false;
    case SvgScan::Outcome::not_svg:
      report.problem("logo-unsupported",
                     fmt::format("{} is XML, but its root element is <{}>, not <svg>",
                                 report.name(), scan.reason),
                     {"supply the logo as SVG or PNG"});
      return false;
    case SvgScan::Outcome::too_complex:
      report.problem(
          "logo-too-large",
          fmt::format("{} is too complex to print safely: {}", report.name(), scan.reason),
          {"simplify the drawing, or supply a PNG of at least 300 ppi"});
      return false;
  }
  if (scan.text_line > 0) {
    report.warning("logo-svg-text",
                   fmt::format("{} uses <text>{}; how it prints depends on the fonts installed",
                               report.name(), svg_line(scan.text_line)),
                   {"convert the text to paths (Inkscape: Path › Object to Path; Illustrator: "
                    "Type › Create Outlines)"});
  }
  if (scan.external_ref_count > 0) {
    const std::string more =
        scan.external_ref_count > 1
            ? fmt::format(" (and {} more outside references)", scan.external_ref_count - 1)
            : "";
    report.warning(
        "logo-external-ref",
        fmt::format("{} refers to \"{}\"{}{}; outside files and URLs are never "
                    "loaded, so that part will be missing",
                    report.name(), scan.external_ref, svg_line(scan.external_ref_line), more),
        {"embed the image or stylesheet in the SVG (as a data: URI) or remove the "
         "reference"});
  }
  return true;
}

// The document's size in CSS px: its width and height, else its viewBox.
bool intrinsic_size(RsvgHandle* handle, double& width, double& height) {
  if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) && usable_side(width) &&
      usable_side(height))
    return true;
  gboolean has_width = FALSE, has_height = FALSE, has_viewbox = FALSE;
  RsvgLength length_w{}, length_h{};
  RsvgRectangle viewbox{};
  rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &length_w, &has_height, &length_h,
                                       &has_viewbox, &viewbox);
  if (!has_viewbox) return false;
  width = viewbox.width;
  height = viewbox.height;
  return usable_side(width) && usable_side(height);
}

}  // namespace

int svg_ink_side_for(double longest_placed_pt) {
  constexpr double kPointsPerMm = 72.0 / 25.4;
  const double side = std::ceil(longest_placed_pt / (kSvgInkPrecisionMm * kPointsPerMm));
  if (!std::isfinite(side)) return kSvgInkRenderSide;
  return static_cast<int>(std::clamp(side, 256.0, static_cast<double>(kSvgInkRenderSide)));
}

bool decode_svg_logo(Logo& logo, LogoReport& report, int ink_side) {
  ink_side = std::clamp(ink_side, 1, kSvgInkRenderSide);
  const SvgScan scan = scan_svg(logo.bytes);
  if (!report_scan(scan, report)) return false;
  logo.has_filter_effects = scan.has_filter_effects;

  // No base file: librsvg then refuses every reference except data: URIs.
  const std::unique_ptr<GInputStream, GObjectUnref> stream(g_memory_input_stream_new_from_data(
      logo.bytes.data(), static_cast<gssize>(logo.bytes.size()), nullptr));
  GError* error = nullptr;
  auto document = std::make_shared<SvgDocument>();
  document->handle = rsvg_handle_new_from_stream_sync(stream.get(), nullptr, RSVG_HANDLE_FLAGS_NONE,
                                                      nullptr, &error);
  if (!document->handle) {
    report.problem("logo-corrupt",
                   fmt::format("{} is not a valid SVG ({})", report.name(),
                               take_error(error, "librsvg cannot read it")),
                   {"export the logo again as plain SVG or as PNG"});
    return false;
  }
  rsvg_handle_set_dpi(document->handle, 96.0);
  if (!intrinsic_size(document->handle, document->width, document->height)) {
    report.problem("logo-corrupt",
                   fmt::format("{} has no usable size (the <svg> element needs a viewBox, or "
                               "a width and height in absolute units)",
                               report.name()),
                   {"add a viewBox such as viewBox=\"0 0 200 100\" to the <svg> element"});
    return false;
  }

  // Render so that the long side is ink_side px; measure ink on white.
  const double scale = ink_side / std::max(document->width, document->height);
  const int pixel_width =
      std::clamp(static_cast<int>(std::ceil(document->width * scale)), 1, ink_side);
  const int pixel_height =
      std::clamp(static_cast<int>(std::ceil(document->height * scale)), 1, ink_side);
  std::string draw_error;
  const std::optional<InkBounds> measured = measure_svg_ink(
      document->handle, document->width, document->height,
      SvgInkRaster{scale, pixel_width, pixel_height, scan.has_filter_effects}, draw_error);
  if (!measured) {
    report.problem("logo-corrupt",
                   fmt::format("{} cannot be drawn ({})", report.name(), draw_error),
                   {"export the logo again as plain SVG or as PNG"});
    return false;
  }
  const InkBounds& ink = *measured;

  logo.width = document->width;
  logo.height = document->height;
  logo.svg = document;
  if (ink.empty()) {
    std::vector<std::string> hints{
        "check that the right file was exported; a white logo needs a coloured version for "
        "print"};
    if (scan.external_ref_count > 0)
      hints.insert(hints.begin(),
                   "its content is in outside files, which are never loaded: "
                   "embed them in the SVG");
    report.problem("logo-empty",
                   fmt::format("{} has nothing that would show on white paper", report.name()),
                   std::move(hints));
    logo.svg.reset();
    return false;
  }
  // Outward by one render pixel, to keep anti-aliased edges below the threshold.
  const double x0 = std::max(0.0, (ink.x0() - 1) / scale);
  const double y0 = std::max(0.0, (ink.y0() - 1) / scale);
  const double x1 = std::min(document->width, (ink.x1() + 1) / scale);
  const double y1 = std::min(document->height, (ink.y1() + 1) / scale);
  logo.ink = InkBox{x0, y0, x1 - x0, y1 - y0};
  return true;
}

}  // namespace logogrid

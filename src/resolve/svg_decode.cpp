// Worker side of SVG decoding (svg_logo.hpp): unpack, scan, parse with librsvg 2.54,
// size, measure ink, check embedded rasters. Runs only in a worker process.
#include <fmt/format.h>
#include <gdk-pixbuf/gdk-pixbuf.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>
#include <zlib.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "resolve/content_sniff.hpp"
#include "resolve/svg_document.hpp"
#include "resolve/svg_ink.hpp"
#include "resolve/svg_logo.hpp"
#include "resolve/svg_scan.hpp"

namespace logogrid {
namespace {

// Sizes outside this range (CSS px) are treated as unusable rather than rendered.
constexpr double kMinSvgSide = 1e-4;
constexpr double kMaxSvgSide = 1e8;

// The document the worker decoded last: a build asks for its fragment right afterwards.
struct LastDocument {
  std::string bytes;
  std::shared_ptr<const SvgDocument> document;
};
LastDocument& last_document() {
  static LastDocument last;  // a worker serves one request at a time
  return last;
}

const std::vector<std::string> kExportHint{
    "export the logo again as plain SVG (Inkscape: Save As › Plain SVG) or as PNG"};

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

bool is_gzip(const std::string& bytes) {
  return bytes.size() >= 2 && static_cast<unsigned char>(bytes[0]) == 0x1f &&
         static_cast<unsigned char>(bytes[1]) == 0x8b;
}

// .svgz: unpacked to at most kMaxLogoBytes (a gzip bomb stops there).
bool gunzip(const std::string& packed, std::string& unpacked, LogoReport& report) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return false;
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(packed.data()));
  stream.avail_in = static_cast<uInt>(packed.size());
  unpacked.clear();
  char buffer[65536];
  int status = Z_OK;
  while (status == Z_OK) {
    stream.next_out = reinterpret_cast<Bytef*>(buffer);
    stream.avail_out = sizeof buffer;
    status = inflate(&stream, Z_NO_FLUSH);
    unpacked.append(buffer, sizeof buffer - stream.avail_out);
    if (unpacked.size() > kMaxLogoBytes) {
      inflateEnd(&stream);
      report.problem("logo-too-large",
                     fmt::format("{} is gzip-compressed and unpacks to more than {} MiB, the "
                                 "limit for a logo",
                                 report.name(), kMaxLogoBytes / (1024u * 1024u)),
                     {"simplify the drawing, or supply a PNG of at least 300 ppi"});
      return false;
    }
    if (status == Z_BUF_ERROR && stream.avail_in == 0) break;
  }
  inflateEnd(&stream);
  if (status != Z_STREAM_END) {
    report.problem("logo-corrupt",
                   fmt::format("{} is gzip-compressed (.svgz) but cannot be unpacked ({})",
                               report.name(), stream.msg ? stream.msg : "the data is cut short"),
                   kExportHint);
    return false;
  }
  return true;
}

void report_embedded(const SvgEmbeddedImage& image, LogoReport& report) {
  const std::string where = fmt::format("the {} image embedded at line {} of {}", image.format,
                                        image.line, report.name());
  if (image.too_large)
    report.problem("logo-too-large", fmt::format("{}: {}", where, image.problem),
                   {"embed a smaller image (300 ppi at the printed size is enough), or supply "
                    "the logo as a PNG within the limits"});
  else
    report.problem(
        "logo-corrupt",
        fmt::format("{} cannot be printed: {}; it would be missing", where, image.problem),
        {"embed the image again (Inkscape: Embed), or export the logo as PNG"});
}

// Reports the libxml2 pass; returns false when the document cannot go on to librsvg.
bool report_scan(const SvgScan& scan, LogoReport& report) {
  switch (scan.outcome) {
    case SvgScan::Outcome::ok:
      break;
    case SvgScan::Outcome::malformed:
      report.problem("logo-corrupt",
                     fmt::format("{} is not well-formed XML ({})", report.name(), scan.reason),
                     kExportHint);
      return false;
    case SvgScan::Outcome::entity_bomb:
      report.problem("logo-corrupt",
                     fmt::format("{} is not a usable SVG ({})", report.name(), scan.reason),
                     kExportHint);
      return false;
    case SvgScan::Outcome::not_svg:
      report.problem("logo-unsupported",
                     fmt::format("{} is XML, but its root element is <{}>, not <svg>",
                                 report.name(), scan.reason),
                     {"supply the logo as SVG or PNG"});
      return false;
    case SvgScan::Outcome::too_complex:
      report.problem("logo-too-large",
                     fmt::format("{} is too large to print safely: {}", report.name(), scan.reason),
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
  if (scan.hard_stop_line > 0) {
    report.warning(
        "logo-gradient-stops",
        fmt::format("{}: gradient {}{} has two colour stops at one offset (a hard edge), which "
                    "the PDF output draws wrong",
                    report.name(),
                    scan.hard_stop_gradient.empty() ? "without an id"
                                                    : "\"" + scan.hard_stop_gradient + "\"",
                    svg_line(scan.hard_stop_line)),
        {"draw the hard edge as two shapes, or move one stop a little (offset 0.5 and 0.501)"});
  }
  bool usable = true;
  for (const SvgEmbeddedImage& image : scan.images) {
    if (image.problem.empty()) continue;
    report_embedded(image, report);
    usable = false;
  }
  return usable;
}

// The document's size in CSS px: its width and height, else its viewBox, else (as librsvg
// and browsers do) the extent of its drawing; `guessed` says it was the last.
bool intrinsic_size(RsvgHandle* handle, double& width, double& height, bool& guessed) {
  guessed = false;
  if (rsvg_handle_get_intrinsic_size_in_pixels(handle, &width, &height) && usable_side(width) &&
      usable_side(height))
    return true;
  gboolean has_width = FALSE, has_height = FALSE, has_viewbox = FALSE;
  RsvgLength length_w{}, length_h{};
  RsvgRectangle viewbox{};
  rsvg_handle_get_intrinsic_dimensions(handle, &has_width, &length_w, &has_height, &length_h,
                                       &has_viewbox, &viewbox);
  if (has_viewbox) {
    width = viewbox.width;
    height = viewbox.height;
    return usable_side(width) && usable_side(height);
  }
  const RsvgRectangle viewport{0, 0, 1000, 1000};
  RsvgRectangle ink{}, logical{};
  if (!rsvg_handle_get_geometry_for_layer(handle, nullptr, &viewport, &ink, &logical, nullptr))
    return false;
  width = std::max(ink.x, 0.0) + ink.width;
  height = std::max(ink.y, 0.0) + ink.height;
  guessed = true;
  return usable_side(width) && usable_side(height);
}

// A full decode of an embedded image that passed the header checks: librsvg would drop
// one that does not decode without a word.
std::string embedded_decode_problem(const SvgEmbeddedImage& image) {
  const std::unique_ptr<GdkPixbufLoader, GObjectUnref> loader(gdk_pixbuf_loader_new());
  GError* error = nullptr;
  const bool ok =
      gdk_pixbuf_loader_write(loader.get(), reinterpret_cast<const guchar*>(image.bytes.data()),
                              image.bytes.size(), &error) &&
      gdk_pixbuf_loader_close(loader.get(), &error);
  if (ok && gdk_pixbuf_loader_get_pixbuf(loader.get()) != nullptr) return {};
  if (ok) gdk_pixbuf_loader_close(loader.get(), nullptr);
  return take_error(error, "it does not decode");
}

// Sizes of the embedded rasters as drawn, in user units of the document.
void measure_embedded(const SvgScan& scan, RsvgHandle* handle, const Logo& logo,
                      std::vector<EmbeddedRaster>& rasters) {
  std::unique_ptr<RsvgHandle, GObjectUnref> tagged;
  if (!scan.with_image_ids.empty()) {
    tagged.reset(
        rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(scan.with_image_ids.data()),
                                  scan.with_image_ids.size(), nullptr));
    if (tagged) rsvg_handle_set_dpi(tagged.get(), 96.0);
  }
  const RsvgRectangle viewport{0, 0, logo.width, logo.height};
  for (const SvgEmbeddedImage& image : scan.images) {
    if (image.pixel_width <= 0 || image.id.empty()) continue;
    RsvgHandle* source = tagged ? tagged.get() : handle;
    const std::string id = "#" + image.id;
    RsvgRectangle ink{}, logical{};
    if (!rsvg_handle_get_geometry_for_layer(source, id.c_str(), &viewport, &ink, &logical, nullptr))
      continue;
    if (!(logical.width > 0) || !(logical.height > 0)) continue;
    rasters.push_back(EmbeddedRaster{image.line, image.pixel_width, image.pixel_height,
                                     logical.width, logical.height});
  }
}

// The whole decode, in the worker.
bool decode_here(Logo& logo, LogoReport& report, int ink_side, bool ink_box) {
  ink_side = std::clamp(ink_side, 1, kSvgInkRenderSide);
  std::string unpacked;
  if (is_gzip(logo.bytes) && !gunzip(logo.bytes, unpacked, report)) return false;
  const std::string& bytes = unpacked.empty() ? logo.bytes : unpacked;
  if (!unpacked.empty() && sniff_logo_content(unpacked).format != SniffedFormat::xml) {
    report.problem(
        "logo-unsupported",
        fmt::format("{} is gzip-compressed data, but not a compressed SVG (.svgz)", report.name()),
        {"supply the logo as SVG (preferred) or PNG"});
    return false;
  }
  const SvgScan scan = scan_svg(bytes);
  if (!report_scan(scan, report)) return false;
  logo.has_filter_effects = scan.has_filter_effects;
  for (const SvgEmbeddedImage& image : scan.images) {
    if (image.bytes.empty()) continue;
    std::string problem = embedded_decode_problem(image);
    if (problem.empty()) continue;
    SvgEmbeddedImage broken = image;
    broken.problem = "it does not decode (" + problem + ")";
    report_embedded(broken, report);
    return false;
  }

  // No base file: librsvg then refuses every reference except data: URIs.
  const std::unique_ptr<GInputStream, GObjectUnref> stream(g_memory_input_stream_new_from_data(
      bytes.data(), static_cast<gssize>(bytes.size()), nullptr));
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
  document->has_text_decoration =
      scan.text_line != 0 && bytes.find("text-decoration") != std::string::npos;
  bool guessed = false;
  if (!intrinsic_size(document->handle, document->width, document->height, guessed)) {
    report.problem("logo-corrupt",
                   fmt::format("{} has no usable size (the <svg> element needs a viewBox, or "
                               "a width and height in absolute units)",
                               report.name()),
                   {"add a viewBox such as viewBox=\"0 0 200 100\" to the <svg> element"});
    return false;
  }
  if (guessed)
    report.warning("logo-size-guessed",
                   fmt::format("{} states no size (no viewBox, width or height); its drawing's "
                               "extent, {:.0f} × {:.0f} px, is taken as its size",
                               report.name(), document->width, document->height),
                   {"add a viewBox to the <svg> element, so every program shows the same"});

  std::string draw_error;
  const auto measured = measure_svg_ink_box(
      document->handle, document->width, document->height, ink_side, scan.has_filter_effects,
      ink_box || !scan.images.empty() ? InkNeed::box : InkNeed::presence, draw_error);
  if (!measured) {
    if (draw_error.find("NoMemory") != std::string::npos ||
        draw_error.find("out of memory") != std::string::npos)
      report.problem("logo-corrupt",
                     fmt::format("{} cannot be drawn within the SVG renderer's memory budget "
                                 "({})",
                                 report.name(), draw_error),
                     {"simplify the drawing (text to paths, fewer elements), supply a PNG, or "
                      "raise logo.render_memory_limit in the layout"});
    else
      report.problem("logo-corrupt",
                     fmt::format("{} cannot be drawn ({})", report.name(), draw_error),
                     {"export the logo again as plain SVG or as PNG"});
    return false;
  }
  logo.width = document->width;
  logo.height = document->height;
  if (!*measured) {
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
    return false;
  }
  logo.ink = **measured;
  measure_embedded(scan, document->handle, logo, logo.embedded_rasters);
  last_document() = LastDocument{logo.bytes, document};
  return true;
}

}  // namespace

std::shared_ptr<const SvgDocument> svg_document_in_worker(const std::string& bytes,
                                                          const Logo& facts) {
  LastDocument& last = last_document();
  if (last.document && last.bytes == bytes && last.document->width == facts.width &&
      last.document->height == facts.height)
    return last.document;
  last = LastDocument{};
  return parse_svg_document(bytes, facts);
}

SvgMessage answer_svg_decode(const SvgMessage& request) {
  Logo logo;
  logo.bytes = request.size() > 1 ? request[1] : std::string();
  const int ink_side = request.size() > 2 ? std::atoi(request[2].c_str()) : kSvgInkRenderSide;
  LogoRequest unnamed;
  unnamed.path = request.size() > 3 ? request[3] : std::string();
  Diagnostics diagnostics;
  LogoReport report(unnamed, diagnostics);
  const bool ink_box = request.size() <= 4 || request[4] != "presence";
  const bool decoded = decode_here(logo, report, ink_side, ink_box);
  SvgMessage reply{decoded ? "decoded" : "refused", decoded ? svg_facts_text(logo) : ""};
  for (const Diagnostic& d : diagnostics.items()) {
    reply.push_back(d.severity == Severity::error ? "problem" : "warning");
    reply.push_back(d.code);
    reply.push_back(d.message);
    reply.push_back(std::to_string(d.hints.size()));
    reply.insert(reply.end(), d.hints.begin(), d.hints.end());
  }
  return reply;
}

}  // namespace logogrid

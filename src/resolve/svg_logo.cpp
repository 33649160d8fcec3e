// Parent side of SVG decoding: the request to a worker, its reply turned into facts and
// diagnostics, and the in-process parse for drawing here.
#include "resolve/svg_logo.hpp"

#include <fmt/format.h>
#include <gio/gio.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <sstream>

#include "resolve/svg_document.hpp"

namespace logogrid {

int svg_ink_side_for(double longest_placed_pt) {
  constexpr double kPointsPerMm = 72.0 / 25.4;
  const double side = std::ceil(longest_placed_pt / (kSvgInkPrecisionMm * kPointsPerMm));
  if (!std::isfinite(side)) return kSvgInkRenderSide;
  return static_cast<int>(std::clamp(side, 256.0, static_cast<double>(kSvgInkRenderSide)));
}

std::string svg_facts_text(const Logo& logo) {
  std::string text =
      fmt::format("{:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {:.17g} {} {}", logo.width, logo.height,
                  logo.ink.x, logo.ink.y, logo.ink.width, logo.ink.height,
                  logo.has_filter_effects ? 1 : 0, logo.embedded_rasters.size());
  for (const EmbeddedRaster& r : logo.embedded_rasters)
    text += fmt::format(" {} {} {} {:.17g} {:.17g}", r.line, r.pixel_width, r.pixel_height, r.width,
                        r.height);
  return text;
}

bool read_svg_facts(const std::string& text, Logo& logo) {
  std::istringstream in(text);
  int filter = 0;
  std::size_t rasters = 0;
  in >> logo.width >> logo.height >> logo.ink.x >> logo.ink.y >> logo.ink.width >>
      logo.ink.height >> filter >> rasters;
  if (!in || rasters > 100000) return false;
  logo.has_filter_effects = filter != 0;
  logo.embedded_rasters.assign(rasters, EmbeddedRaster{});
  for (EmbeddedRaster& r : logo.embedded_rasters)
    in >> r.line >> r.pixel_width >> r.pixel_height >> r.width >> r.height;
  return static_cast<bool>(in);
}

std::shared_ptr<const SvgDocument> parse_svg_document(const std::string& bytes, const Logo& facts) {
  // No base file: librsvg then refuses every reference except data: URIs. It unpacks
  // .svgz itself (the worker has checked what that unpacks to).
  GInputStream* stream =
      g_memory_input_stream_new_from_data(bytes.data(), static_cast<gssize>(bytes.size()), nullptr);
  auto document = std::make_shared<SvgDocument>();
  document->handle =
      rsvg_handle_new_from_stream_sync(stream, nullptr, RSVG_HANDLE_FLAGS_NONE, nullptr, nullptr);
  g_object_unref(stream);
  if (!document->handle) return nullptr;
  rsvg_handle_set_dpi(document->handle, 96.0);
  document->width = facts.width;
  document->height = facts.height;
  return document;
}

bool decode_svg_logo(Logo& logo, LogoReport& report, const LogoRequest& request) {
  const int ink_side = request.svg_ink_side > 0 ? request.svg_ink_side : kSvgInkRenderSide;
  const SvgWorkerOutcome outcome =
      call_svg_worker({"decode", logo.bytes, std::to_string(ink_side), report.name(),
                       request.svg_ink_box ? "box" : "presence"},
                      request.svg_limits);
  if (outcome.kind != SvgWorkerOutcome::Kind::replied) {
    report.problem("logo-corrupt",
                   fmt::format("{}: {}", report.name(), outcome.explanation(request.svg_limits)),
                   {"open the logo in Inkscape or a browser and export it again as plain SVG, or "
                    "supply a PNG of at least 300 ppi"});
    return false;
  }
  const SvgMessage& reply = outcome.reply;
  for (std::size_t at = 2; at + 3 < reply.size();) {
    const bool problem = reply[at] == "problem";
    const std::string& code = reply[at + 1];
    const std::string& message = reply[at + 2];
    const auto count = static_cast<std::size_t>(std::strtoul(reply[at + 3].c_str(), nullptr, 10));
    at += 4;
    const std::size_t end = std::min(reply.size(), at + count);
    std::vector<std::string> hints(reply.begin() + static_cast<long>(at),
                                   reply.begin() + static_cast<long>(end));
    at = end;
    if (problem)
      report.problem(code, message, std::move(hints));
    else
      report.warning(code, message, std::move(hints));
  }
  if (reply.size() < 2 || reply[0] != "decoded" || !read_svg_facts(reply[1], logo)) return false;
  if (request.svg_document) {
    logo.svg = parse_svg_document(logo.bytes, logo);
    if (!logo.svg) {
      report.problem("logo-corrupt",
                     fmt::format("{} could not be parsed a second time for drawing", report.name()),
                     {"report this as a bug in logogrid"});
      return false;
    }
  }
  return true;
}

}  // namespace logogrid

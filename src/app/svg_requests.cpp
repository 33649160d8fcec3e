// Worker requests for SVG logos: "decode" (resolve/svg_logo), "fragment" (render/) and
// "pixels" (the previews' raster of a logo).
#include "app/svg_requests.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "diag/fatal_error.hpp"
#include "render/logo_fragment.hpp"
#include "render/logo_painter.hpp"
#include "resolve/svg_document.hpp"
#include "resolve/svg_logo.hpp"

namespace logogrid {
namespace {

// The logo a drawing request {kind, bytes, facts, width, height, path} names, parsed in this
// worker; nullopt with `why` set when the request or the SVG cannot be used.
std::optional<Logo> requested_logo(const SvgMessage& request, std::string& why) {
  why = "a malformed request";
  if (request.size() < 6) return std::nullopt;
  Logo logo;
  logo.format = LogoFormat::svg;
  logo.bytes = request[1];
  logo.path = request[5];
  why = "malformed facts";
  if (!read_svg_facts(request[2], logo)) return std::nullopt;
  why = "librsvg cannot parse it";
  logo.svg = svg_document_in_worker(logo.bytes, logo);
  if (!logo.svg) return std::nullopt;
  return logo;
}

// {"fragment", bytes, facts, width, height, path} → {"fragment", pdf} or {"error", why}.
SvgMessage answer_fragment(const SvgMessage& request) {
  std::string why;
  const std::optional<Logo> logo = requested_logo(request, why);
  if (!logo) return {"error", why};
  try {
    return {"fragment", render_logo_fragment(*logo, std::atof(request[3].c_str()),
                                             std::atof(request[4].c_str()))};
  } catch (const FatalError& e) {
    return {"error", e.what()};
  }
}

// {"pixels", bytes, facts, width, height, path} → {"pixels", ARGB32 rows} or {"error", why}.
SvgMessage answer_pixels(const SvgMessage& request) {
  std::string why;
  const std::optional<Logo> logo = requested_logo(request, why);
  if (!logo) return {"error", why};
  const int width = std::atoi(request[3].c_str());
  const int height = std::atoi(request[4].c_str());
  if (width <= 0 || height <= 0) return {"error", "a malformed request"};
  try {
    LogoSurfaceCache cache;
    cairo_surface_t* image = cache.rasterised_svg(*logo, width, height);
    const unsigned char* data = cairo_image_surface_get_data(image);
    const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(image));
    const auto row = 4 * static_cast<std::size_t>(width);
    std::string pixels;
    pixels.reserve(row * static_cast<std::size_t>(height));
    for (std::size_t y = 0; y < static_cast<std::size_t>(height); ++y)
      pixels.append(reinterpret_cast<const char*>(data + y * stride), row);
    return {"pixels", std::move(pixels)};
  } catch (const FatalError& e) {
    return {"error", e.what()};
  }
}

}  // namespace

SvgMessage answer_svg_request(const SvgMessage& request) {
  if (!request.empty() && request[0] == "decode") return answer_svg_decode(request);
  if (!request.empty() && request[0] == "fragment") return answer_fragment(request);
  if (!request.empty() && request[0] == "pixels") return answer_pixels(request);
  return {"error", "an unknown request"};
}

std::optional<std::string> svg_fragment_in_worker(const Logo& logo, double width, double height,
                                                  const SvgLimits& limits, LogoReport& report) {
  const SvgWorkerOutcome outcome =
      call_svg_worker({"fragment", logo.bytes, svg_facts_text(logo), fmt::format("{:.17g}", width),
                       fmt::format("{:.17g}", height), logo.path},
                      limits);
  std::string why;
  if (outcome.kind != SvgWorkerOutcome::Kind::replied)
    why = outcome.explanation(limits);
  else if (outcome.reply.size() == 2 && outcome.reply[0] == "fragment")
    return outcome.reply[1];
  else
    why = "the SVG renderer failed on this file: " +
          (outcome.reply.size() == 2 ? outcome.reply[1] : std::string("no fragment"));
  report.problem("logo-corrupt",
                 fmt::format("{}: {} (drawing it at its placed size)", report.name(), why),
                 {"open the logo in Inkscape or a browser and export it again as plain SVG, or "
                  "supply a PNG of at least 300 ppi"});
  return std::nullopt;
}

std::string svg_pixels_in_worker(const Logo& logo, int width, int height, const SvgLimits& limits) {
  const SvgWorkerOutcome outcome =
      call_svg_worker({"pixels", logo.bytes, svg_facts_text(logo), std::to_string(width),
                       std::to_string(height), logo.path},
                      limits);
  if (outcome.kind == SvgWorkerOutcome::Kind::replied && outcome.reply.size() == 2 &&
      outcome.reply[0] == "pixels")
    return outcome.reply[1];
  return "";
}

}  // namespace logogrid

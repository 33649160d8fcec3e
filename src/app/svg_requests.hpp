// What a worker process of this program answers (svg_worker.hpp): SVG decoding (resolve/),
// SVG fragments and preview pixels (render/), each under the worker's limits.
#pragma once

#include "resolve/logo.hpp"
#include "resolve/logo_report.hpp"
#include "resolve/svg_worker.hpp"

namespace logogrid {

// The handler serve_svg_worker_if_asked runs in a worker.
SvgMessage answer_svg_request(const SvgMessage& request);

// Parent side: the PDF fragment of a decoded SVG logo (render_logo_fragment), drawn in a
// worker. On a renderer failure reports logo-corrupt and returns nullopt.
std::optional<std::string> svg_fragment_in_worker(const Logo& logo, double width, double height,
                                                  const SvgLimits& limits, LogoReport& report);

// Parent side: the ink box of a decoded SVG logo as width × height premultiplied ARGB32
// pixels (rows of 4 × width bytes), drawn in a worker; "" when the renderer fails (the
// preview then shows the logo's area empty; build and proof drew it in a worker before).
std::string svg_pixels_in_worker(const Logo& logo, int width, int height, const SvgLimits& limits);

}  // namespace logogrid

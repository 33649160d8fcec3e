// PNG logos: header limits read from IHDR before libpng sees the data, then a streaming
// libpng decode (one row in memory) that measures the ink box. Pixels are not kept:
// the renderer embeds the PNG from Logo::bytes.
#pragma once

#include "resolve/logo.hpp"
#include "resolve/logo_report.hpp"

namespace logogrid {

// `logo.bytes` starts with the PNG signature. On success fills pixel_width/height,
// width/height, ink (in px) and, with `print_image`, png; returns true. Otherwise reports
// and returns false.
bool decode_png_logo(Logo& logo, LogoReport& report, bool print_image);

}  // namespace logogrid

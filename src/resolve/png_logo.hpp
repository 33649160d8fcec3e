// PNG logos: header limits read from IHDR before libpng sees the data, then a streaming
// libpng decode (one row in memory) that measures the ink box. Pixels are not kept:
// the renderer embeds the PNG from Logo::bytes.
#pragma once

#include "resolve/logo.hpp"
#include "resolve/logo_report.hpp"

namespace logogrid {

// `logo.bytes` starts with the PNG signature. On success fills pixel_width/height,
// width/height and ink (in px) and returns true; otherwise reports and returns false.
bool decode_png_logo(Logo& logo, LogoReport& report);

}  // namespace logogrid

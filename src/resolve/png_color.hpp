// The colour rule for PNG logos: which colour space a PNG's samples print in. The samples
// themselves are never changed; only the space they are declared in differs.
//   iCCP                      → that profile (checked with lcms2; unusable: warning, sRGB)
//   sRGB, or no colour chunk  → sRGB
//   gAMA / cHRM only          → an ICC profile built from them (gAMA 0.45455 alone: sRGB)
#pragma once

#include <string>

#include "resolve/logo_report.hpp"
#include "resolve/png_decode.hpp"

namespace logogrid {

// The ICC profile `header`'s samples are in, or "" for sRGB. Reports logo-color-profile
// (an unusable iCCP) and logo-png-gamma (a gAMA outside 0.40–0.50) as warnings.
std::string png_print_profile(const PngHeader& header, LogoReport& report);

}  // namespace logogrid

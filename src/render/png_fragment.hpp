// PNG logos as fragments without cairo: the image XObject is written from the PNG itself.
// Grey and RGB PNGs without transparency (8 or 16 bits, not interlaced) keep their IDAT
// data as is, under /FlateDecode with PNG predictors (no decoding, no re-compression).
// Anything else is decoded once and split into colour and an /SMask, each deflated.
#pragma once

#include <string>

#include "resolve/logo.hpp"

namespace logogrid {

// The one-page fragment PDF (see logo_fragment.hpp). Throws FatalError on a bad PNG.
std::string render_png_fragment(const Logo& logo, double width, double height);

}  // namespace logogrid

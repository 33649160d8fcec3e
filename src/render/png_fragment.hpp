// PNG logos as fragments without cairo: the image XObject wraps the logo's PngImage, made
// while resolve measured the ink (see resolve/png_image.hpp): the PNG's own IDAT where it
// prints as stored, else compressed 8-bit colour and an /SMask. Nothing is re-compressed.
#pragma once

#include <string>

#include "resolve/logo.hpp"

namespace logogrid {

// The one-page fragment PDF (see logo_fragment.hpp). Throws FatalError on a bad PNG.
std::string render_png_fragment(const Logo& logo, double width, double height);

}  // namespace logogrid

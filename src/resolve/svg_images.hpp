// Raster images embedded in an SVG as data: URIs (PNG or JPEG): their pixel size from the
// header, before anything is decoded, so they meet the same limits as PNG logos.
#pragma once

#include <string>
#include <string_view>

namespace logogrid {

struct SvgEmbeddedImage {
  long line = 0;        // of the <image> element
  std::string id;       // its id attribute, "" when it has none
  std::string format;   // "PNG", "JPEG", or the media type as written
  std::string bytes;    // the decoded payload (PNG and JPEG only)
  int pixel_width = 0;  // from the header; 0 when unknown
  int pixel_height = 0;
  std::string problem;     // why it cannot print ("" when it can, as far as the header tells)
  bool too_large = false;  // the problem is a size limit
};

// Reads a data: URI (`href` of an <image>); returns false when it is not a data: URI.
bool read_embedded_image(std::string_view href, SvgEmbeddedImage& image);

}  // namespace logogrid

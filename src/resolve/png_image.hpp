// A PNG logo's print image as the resolve stage leaves it: samples ready for an image
// XObject (compressed), the colour space they are in, and an optional soft mask. Made in
// the same decoding pass that measures the ink box; render/png_fragment only wraps it.
#pragma once

#include <string>

namespace logogrid {

struct PngImage {
  int width = 0;
  int height = 0;
  int components = 3;  // 1 grey, 3 RGB
  int bits_per_component = 8;
  // The ICC profile the samples are in; empty means sRGB (DeviceRGB / DeviceGray).
  std::string icc_profile;
  // Colour samples, zlib-compressed rows with PNG row filters (so /DecodeParms with
  // /Predictor 15): the PNG's own IDAT data where it prints as stored, otherwise rows made
  // here (Up filter, None for planes too large to keep whole).
  std::string samples;
  // 8-bit alpha, zlib-compressed rows as above; empty when every pixel is opaque.
  std::string alpha;
};

}  // namespace logogrid

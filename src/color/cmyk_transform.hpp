// Conversion of logo colours into the output condition's CMYK (pdf.color: cmyk), by lcms2.
//
// Rendering intent: relative colorimetric with black point compensation, for vector
// colours and images alike. Logos are flat brand colours: colours inside the press gamut
// print as measured (perceptual would shift them too), out-of-gamut ones are clipped to
// the nearest printable colour, and black point compensation maps the screen's black to
// the press's darkest black instead of crushing dark shades. One intent for both means a
// PNG and an SVG of the same logo print alike.
#pragma once

#include <array>
#include <cstddef>
#include <memory>
#include <string>

#include "color/icc_profile.hpp"

namespace logogrid {

// Pixels of one source colour space into 8-bit DeviceCMYK of the intent's profile.
class CmykTransform {
 public:
  // `source_icc`: the image's own profile ("" = sRGB; an unreadable one also falls back
  // to sRGB, its problem was reported when the logo was read). `channels` 1 (grey) or 3
  // (RGB) must match the profile; `bits` 8 or 16 (big-endian, as PDF stores them).
  // With `black_to_k`, pixels whose components are all 0 become 0 0 0 100 %.
  // Throws FatalError when the combination cannot be converted.
  CmykTransform(const OutputIntent& intent, const std::string& source_icc, int channels, int bits,
                bool black_to_k);

  // `in`: `pixels` source pixels; `out`: 4 bytes per pixel.
  void convert(const unsigned char* in, unsigned char* out, std::size_t pixels) const;
  int channels() const { return channels_; }
  int bits() const { return bits_; }

 private:
  std::shared_ptr<void> transform_;  // shared, thread-safe (no lcms2 pixel cache)
  int channels_;
  int bits_;
  bool black_to_k_;
};

// A vector sRGB colour (components 0..1) as CMYK (0..1); with `black_to_k` exact black is
// 0 0 0 1.
std::array<double, 4> srgb_to_cmyk(const OutputIntent& intent, double r, double g, double b,
                                   bool black_to_k);

}  // namespace logogrid

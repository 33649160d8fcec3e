// Fonts a layout brings along (`fonts:`), registered with fontconfig for one run: a
// configuration made of the usual one plus those files as application fonts becomes the
// current one, so captions and headings (Pango, cairo) and text in SVG logos (librsvg)
// resolve the layout's families to these files before any system font.
#pragma once

#include <string>
#include <vector>

typedef struct _FcConfig FcConfig;

namespace logogrid {

class LayoutFonts {
 public:
  // Registers `files` in this order. Files fontconfig cannot read as fonts are left out
  // and named in `unreadable`. The previous configuration comes back on destruction.
  LayoutFonts(const std::vector<std::string>& files, std::vector<std::string>& unreadable);
  ~LayoutFonts();
  LayoutFonts(const LayoutFonts&) = delete;
  LayoutFonts& operator=(const LayoutFonts&) = delete;

 private:
  FcConfig* previous_ = nullptr;
  std::string previous_digest_;
};

// SHA-256 over the bytes of the fonts registered now, in registration order ("" when
// none): part of every cache key for output that text in a logo could change.
std::string registered_fonts_digest();

// Counts changes of the font configuration, so a long-lived font map knows to reload.
unsigned fonts_generation();

}  // namespace logogrid

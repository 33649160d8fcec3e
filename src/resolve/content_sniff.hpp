// Format detection by content, never by file name: a PNG signature, or XML that may hold
// an SVG (the SVG pass confirms the root element). Anything else is described by what it
// looks like, for the `logo-unsupported` message.
#pragma once

#include <string>
#include <string_view>

namespace logogrid {

// damaged_png: PNG chunks behind a broken signature (a transfer in text mode, say);
// gzip: maybe .svgz.
enum class SniffedFormat { png, damaged_png, xml, gzip, other };

struct Sniffed {
  SniffedFormat format = SniffedFormat::other;
  std::string looks_like;  // for `other`: "a JPEG image", "an empty file", … (may be empty)
};

Sniffed sniff_logo_content(std::string_view bytes);

}  // namespace logogrid

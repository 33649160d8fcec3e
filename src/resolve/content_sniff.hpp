// Format detection by content, never by file name: a PNG signature, or XML that may hold
// an SVG (the SVG pass confirms the root element). Anything else is described by what it
// looks like, for the `logo-unsupported` message.
#pragma once

#include <string>
#include <string_view>

namespace logogrid {

enum class SniffedFormat { png, xml, gzip, other };  // gzip: maybe .svgz

struct Sniffed {
  SniffedFormat format = SniffedFormat::other;
  std::string looks_like;  // for `other`: "a JPEG image", "an empty file", … (may be empty)
};

Sniffed sniff_logo_content(std::string_view bytes);

}  // namespace logogrid

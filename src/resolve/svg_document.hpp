// A parsed SVG document, shared between logo resolution (which parses and measures it once)
// and rendering (which draws it). Only resolve/ creates one.
#pragma once

#include <librsvg/rsvg.h>

#include "resolve/logo.hpp"

namespace logogrid {

struct SvgDocument {
  RsvgHandle* handle = nullptr;  // owned; parsed without a base URL, so nothing outside loads
  double width = 0;              // intrinsic size in user units (CSS px)
  double height = 0;
  // Text with underline, overline or line-through: on a PDF surface librsvg 2.54 sizes those
  // lines from font metrics in device units, so they are drawn through a recording surface.
  bool has_text_decoration = false;

  SvgDocument() = default;
  SvgDocument(const SvgDocument&) = delete;
  SvgDocument& operator=(const SvgDocument&) = delete;
  ~SvgDocument() {
    if (handle) g_object_unref(handle);
  }
};

}  // namespace logogrid

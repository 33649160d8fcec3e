// The first pass over an SVG: a libxml2 parse that never touches the network, loads no
// DTD and substitutes no entities, and that bounds entity expansion and element count
// before librsvg sees the bytes. It finds what the resolver warns about (<text>, outside
// references, embedded rasters, hard gradient stops) and what the renderer must know
// (filter effects). Links (<a href>) are not references: nothing is loaded from them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "resolve/svg_images.hpp"

namespace logogrid {

constexpr std::size_t kMaxSvgElements = 200000;
constexpr std::size_t kMaxSvgEntityExpansion = 1u << 20;  // bytes, all references together

struct SvgScan {
  enum class Outcome { ok, malformed, not_svg, too_complex, entity_bomb };
  Outcome outcome = Outcome::ok;
  std::string reason;  // malformed, entity_bomb: "line 3: …"; too_complex: what; not_svg: root

  long text_line = 0;        // first <text>; 0 when there is none
  std::string external_ref;  // the first reference to something outside the file
  long external_ref_line = 0;
  int external_ref_count = 0;
  bool has_filter_effects = false;
  std::vector<SvgEmbeddedImage> images;  // <image> elements with a data: URI
  // When an embedded image has no id: the document again with ids given to them (librsvg
  // tells an element's size by id), else "".
  std::string with_image_ids;

  // The first gradient with two stops at one offset (cairo's PDF output draws those wrong).
  std::string hard_stop_gradient;  // its id, or "" when it has none
  long hard_stop_line = 0;         // 0 when there is no such gradient
};

SvgScan scan_svg(std::string_view bytes);

}  // namespace logogrid

// `caption-glyph-missing` and `caption-font-fallback`: every caption that prints and the
// heading are set as the renderer will set them, and characters no font can show (they
// would print as boxes) or that come from another font than the layout names are reported.
#pragma once

#include "app/job.hpp"

namespace logogrid {

void check_glyphs(Job& job);

}  // namespace logogrid

// One page of a render job, drawn the same way for PDF and previews.
#pragma once

#include <cairo.h>

#include <cstddef>

#include "render/logo_painter.hpp"
#include "render/render.hpp"

namespace logogrid {

// Planned pages plus appendix pages.
std::size_t page_count(const RenderJob& job);

// Draws page `index` (planned pages first, then the appendix) with `cr` in trim
// coordinates. Planned content is clipped to the BleedBox; the overlay is not clipped.
void paint_page(cairo_t* cr, const RenderJob& job, std::size_t index, RenderTarget target,
                LogoSurfaceCache& cache);

}  // namespace logogrid

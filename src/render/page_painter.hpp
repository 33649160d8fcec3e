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

// Crop marks in MediaBox coordinates (y down): 0.25 pt black lines along the trim edges,
// starting max(bleed, 3 mm) outside the trim and ending 2 mm before the media edge.
void paint_crop_marks(cairo_t* cr, const PageFrame& frame);

}  // namespace logogrid

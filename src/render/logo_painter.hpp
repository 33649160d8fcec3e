// Logo drawing: one call per placed logo maps the logo's trimmed ink box onto its planned
// rectangle and clips to it. Kept to one function per logo so it can later become a
// per-logo Form XObject (cached, rendered in parallel).
#pragma once

#include <cairo.h>

#include <map>
#include <string>

#include "plan/geometry.hpp"
#include "render/cairo_handles.hpp"
#include "render/render.hpp"
#include "resolve/logo.hpp"

namespace logogrid {

enum class RenderTarget {
  pdf,     // vector output: SVG stays vector, images keep their pixels, no /Interpolate
  raster,  // previews: everything drawn at the image's resolution, smooth scaling
};

// Decoded image surfaces shared by all pages of one render call. cairo stores a surface
// painted on several pages once, so reusing the same surface object is what dedupes.
class LogoSurfaceCache {
 public:
  LogoSurfaceCache() = default;
  explicit LogoSurfaceCache(SvgPixelSource svg_pixels) : svg_pixels_(std::move(svg_pixels)) {}

  // The PNG decoded at full resolution. Throws FatalError when it does not decode.
  cairo_surface_t* png(const Logo& logo);
  // The SVG rasterised so that its ink box is exactly pixel_width × pixel_height: drawn
  // here from its document, else from the pixel source (nullptr when that has none).
  cairo_surface_t* rasterised_svg(const Logo& logo, int pixel_width, int pixel_height);

 private:
  SvgPixelSource svg_pixels_;
  std::map<std::string, SurfacePtr> surfaces_;
};

// Pixel size for rasterising an SVG with filter effects whose ink box is placed at
// `placed` (points): kFilterRasterPpi, lowered for huge logos to stay within a pixel
// budget, never below kMinPrintPpi.
struct PixelSize {
  int width = 0;
  int height = 0;
};
PixelSize filter_raster_size(const Rect& placed);

// Draws `logo` with its ink box on `placed` (current user space), clipped to `placed`.
// `device_scale`: device units per point of the printed size (a fragment drawn enlarged).
void paint_logo(cairo_t* cr, const Logo& logo, const Rect& placed, RenderTarget target,
                LogoSurfaceCache& cache, double device_scale = 1);

}  // namespace logogrid

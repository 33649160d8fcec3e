// A logo's PDF fragment through cairo's PDF surface, written to memory.
#include "render/logo_fragment.hpp"

#include <cairo-pdf.h>

#include "diag/fatal_error.hpp"
#include "render/logo_painter.hpp"
#include "render/png_fragment.hpp"
#include "render/render.hpp"

namespace logogrid {
namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string render_logo_fragment(const Logo& logo, double width, double height) {
  if (logo.format == LogoFormat::png && logo.ink.width > 0 && logo.ink.height > 0)
    return render_png_fragment(logo, width, height);
  // librsvg works in whole device units, which on a PDF page are points: the page is
  // kSvgFragmentScale times the placed size, and finish/ scales the form back down.
  const double k = kSvgFragmentScale;
  std::string pdf;
  {
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(append, &pdf, k * width, k * height));
    cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
    // Nothing time-dependent: only the page is used, but the bytes are cached and compared.
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                   "2000-01-01T00:00:00Z");
    // What cairo must rasterise itself comes out at kFilterRasterPpi at the placed size.
    cairo_surface_set_fallback_resolution(surface.get(), kFilterRasterPpi / k,
                                          kFilterRasterPpi / k);
    LogoSurfaceCache images;  // destroyed after the surface is finished (declared later)
    CairoPtr cr(cairo_create(surface.get()));
    paint_logo(cr.get(), logo, Rect{0, 0, k * width, k * height}, RenderTarget::pdf, images, k);
    const cairo_status_t draw = cairo_status(cr.get());
    cr.reset();
    cairo_surface_finish(surface.get());
    const cairo_status_t status =
        draw != CAIRO_STATUS_SUCCESS ? draw : cairo_surface_status(surface.get());
    if (status != CAIRO_STATUS_SUCCESS)
      throw FatalError("failed to draw logo " + logo.path +
                       " (cairo: " + cairo_status_to_string(status) + ")");
  }
  return pdf;
}

}  // namespace logogrid

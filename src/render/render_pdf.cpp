// PDF output through cairo's PDF surface, into memory (finish/ makes the file from it).
#include <cairo-pdf.h>

#include <string>

#include "diag/fatal_error.hpp"
#include "render/page_painter.hpp"
#include "render/render.hpp"

namespace logogrid {

PageFrame page_frame(const Layout::Page& page) {
  PageFrame frame;
  frame.trim_width = page.width;
  frame.trim_height = page.height;
  frame.bleed = page.bleed;
  frame.slug = page.marks == Layout::Marks::crop ? kCropMarkSlug : 0;
  return frame;
}

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::string render_pdf(const RenderJob& job) {
  const PageFrame frame = page_frame(job.plan.page);
  std::string pdf;
  SurfacePtr surface(
      cairo_pdf_surface_create_for_stream(append, &pdf, frame.media_width(), frame.media_height()));
  cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, job.title.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_AUTHOR,
                                 job.metadata.author.c_str());
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR,
                                 job.metadata.creator.c_str());
  // cairo would stamp the current time; finish/ writes the real dates. A fixed date here
  // keeps cairo's bytes, and the document ID derived from them, reproducible.
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATE_DATE,
                                 "2000-01-01T00:00:00Z");
  cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_MOD_DATE,
                                 "2000-01-01T00:00:00Z");
  CairoPtr cr(cairo_create(surface.get()));

  LogoSurfaceCache cache;  // destroyed after the surface is finished (declared later)
  const std::size_t pages = page_count(job);
  for (std::size_t index = 0; index < pages; ++index) {
    cairo_save(cr.get());
    cairo_translate(cr.get(), frame.margin(), frame.margin());
    paint_page(cr.get(), job, index, RenderTarget::pdf, cache);
    cairo_restore(cr.get());
    cairo_show_page(cr.get());
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) break;
  }
  const cairo_status_t draw_status = cairo_status(cr.get());
  cr.reset();
  cairo_surface_finish(surface.get());
  const cairo_status_t status =
      draw_status != CAIRO_STATUS_SUCCESS ? draw_status : cairo_surface_status(surface.get());
  if (status != CAIRO_STATUS_SUCCESS)
    throw FatalError(std::string("cannot draw the pages (cairo: ") +
                     cairo_status_to_string(status) + ")");
  return pdf;
}

}  // namespace logogrid

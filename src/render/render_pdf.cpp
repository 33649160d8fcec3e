// PDF output through cairo's PDF surface, streamed into an atomic file.
#include <cairo-pdf.h>

#include <exception>

#include "diag/fatal_error.hpp"
#include "finish/atomic_file.hpp"
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

struct StreamTarget {
  AtomicFile* file = nullptr;
  std::string error;  // first write error; exceptions must not cross cairo's C frames
};

cairo_status_t write_to_file(void* closure, const unsigned char* data, unsigned int length) {
  auto* target = static_cast<StreamTarget*>(closure);
  if (!target->error.empty()) return CAIRO_STATUS_WRITE_ERROR;
  try {
    target->file->write(data, length);
    return CAIRO_STATUS_SUCCESS;
  } catch (const std::exception& e) {
    target->error = e.what();
    return CAIRO_STATUS_WRITE_ERROR;
  }
}

}  // namespace

void render_pdf(const RenderJob& job, const std::string& out_path) {
  const PageFrame frame = page_frame(job.plan.page);
  AtomicFile file(out_path);
  StreamTarget target{&file, {}};
  SurfacePtr surface(cairo_pdf_surface_create_for_stream(
      write_to_file, &target, frame.media_width(), frame.media_height()));
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
  if (!target.error.empty()) throw FatalError(target.error);
  if (status != CAIRO_STATUS_SUCCESS) {
    throw FatalError("cannot write " + out_path + " (cairo: " + cairo_status_to_string(status) +
                     ")");
  }
  file.commit();
}

}  // namespace logogrid

// PNG previews: the PDF's drawing code on image surfaces, trim area only, white paper.
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <system_error>

#include "diag/fatal_error.hpp"
#include "finish/atomic_file.hpp"
#include "render/page_painter.hpp"
#include "render/render.hpp"

namespace logogrid {

namespace {

cairo_status_t append_to_string(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

}  // namespace

std::vector<std::string> render_png_previews(const RenderJob& job, const std::string& dir,
                                             double dpi) {
  if (!(dpi > 0 && dpi <= 1200)) {
    throw FatalError("preview resolution must be between 1 and 1200 dpi");
  }
  std::error_code error;
  std::filesystem::create_directories(dir, error);
  if (error) throw FatalError("cannot create folder " + dir + " (" + error.message() + ")");

  const PageFrame frame = page_frame(job.plan.page);
  const double scale = dpi / 72.0;
  const int width = std::max(1, static_cast<int>(std::lround(frame.trim_width * scale)));
  const int height = std::max(1, static_cast<int>(std::lround(frame.trim_height * scale)));

  LogoSurfaceCache cache;
  std::vector<std::string> written;
  const std::size_t pages = page_count(job);
  for (std::size_t index = 0; index < pages; ++index) {
    SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, width, height));
    CairoPtr cr(cairo_create(surface.get()));
    cairo_set_source_rgb(cr.get(), 1, 1, 1);
    cairo_paint(cr.get());
    cairo_scale(cr.get(), width / frame.trim_width, height / frame.trim_height);
    paint_page(cr.get(), job, index, RenderTarget::raster, cache);
    if (cairo_status(cr.get()) != CAIRO_STATUS_SUCCESS) {
      throw FatalError(std::string("failed to draw preview page (cairo: ") +
                       cairo_status_to_string(cairo_status(cr.get())) + ")");
    }
    cr.reset();
    std::string png;
    cairo_surface_write_to_png_stream(surface.get(), append_to_string, &png);
    char name[32];
    std::snprintf(name, sizeof name, "page-%03zu.png", index + 1);
    const std::string path = (std::filesystem::path(dir) / name).string();
    write_file_atomically(path, png);
    written.push_back(path);
  }
  return written;
}

}  // namespace logogrid

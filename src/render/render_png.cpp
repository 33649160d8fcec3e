// PNG previews: the PDF's drawing code on image surfaces, trim area only, white paper.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <set>
#include <string_view>
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

// Page files of an earlier, longer document: regular files named page-<digits>.png only.
void remove_other_pages(const std::string& dir, const std::vector<std::string>& written) {
  std::set<std::string> keep;
  for (const std::string& path : written) keep.insert(std::filesystem::path(path).filename());
  std::error_code ec;
  std::vector<std::filesystem::path> stale;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    const std::string name = entry.path().filename().string();
    if (is_preview_page_name(name) && keep.count(name) == 0 && entry.is_regular_file(ec) &&
        !entry.is_symlink(ec))
      stale.push_back(entry.path());
  }
  if (ec) throw FatalError("cannot list folder " + dir + " (" + ec.message() + ")");
  for (const auto& path : stale) {
    std::filesystem::remove(path, ec);
    if (ec)
      throw FatalError("cannot remove the old preview " + path.string() + " (" + ec.message() +
                       ")");
  }
}

}  // namespace

bool is_preview_page_name(const std::string& name) {
  constexpr std::string_view kPrefix = "page-", kSuffix = ".png";
  if (name.size() <= kPrefix.size() + kSuffix.size() || name.rfind(kPrefix, 0) != 0 ||
      name.compare(name.size() - kSuffix.size(), kSuffix.size(), kSuffix) != 0)
    return false;
  return std::all_of(name.begin() + static_cast<std::ptrdiff_t>(kPrefix.size()),
                     name.end() - static_cast<std::ptrdiff_t>(kSuffix.size()),
                     [](char c) { return c >= '0' && c <= '9'; });
}

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

  LogoSurfaceCache cache(job.svg_pixels);
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
  remove_other_pages(dir, written);
  return written;
}

}  // namespace logogrid

// Logo drawing: SVG through librsvg (vector), PNG as an image at its own pixel size, SVG
// with filter effects as an image rasterised by us at print resolution.
#include "render/logo_painter.hpp"

#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string_view>

#include "diag/fatal_error.hpp"
#include "render/render.hpp"
#include "resolve/png_decode.hpp"
#include "resolve/svg_document.hpp"

namespace logogrid {

namespace {

// Upper bound for one rasterised filter logo (RGBA: 4 bytes each), unless even that would
// fall below kMinPrintPpi.
constexpr double kFilterRasterMaxPixels = 24e6;

std::string cache_key(const Logo& logo) {
  // Identical files (two entries sharing a logo) share one surface.
  if (!logo.content_hash.empty()) return logo.content_hash;
  return "@" + std::to_string(reinterpret_cast<std::uintptr_t>(&logo));
}

// Writes decoded PNG rows into a cairo image surface (premultiplied ARGB32).
class SurfaceSink final : public PngRowSink {
 public:
  bool start(const PngHeader& header) override {
    channels_ = header.channels;
    surface_.reset(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, static_cast<int>(header.width),
                                              static_cast<int>(header.height)));
    if (cairo_surface_status(surface_.get()) != CAIRO_STATUS_SUCCESS) return false;
    data_ = cairo_image_surface_get_data(surface_.get());
    stride_ = static_cast<std::size_t>(cairo_image_surface_get_stride(surface_.get()));
    width_ = header.width;
    return true;
  }
  bool row(const std::uint8_t* samples, std::uint32_t y) override {
    auto* out = reinterpret_cast<std::uint32_t*>(data_ + stride_ * y);
    for (std::size_t x = 0; x < width_; ++x) {
      const std::uint8_t* in = samples + x * std::size_t(channels_);
      const std::uint32_t grey = channels_ < 3;
      const std::uint32_t r = in[0], g = grey ? in[0] : in[1], b = grey ? in[0] : in[2];
      const std::uint32_t a = (channels_ == 2 || channels_ == 4) ? in[channels_ - 1] : 255;
      out[x] = a << 24 | premultiply(r, a) << 16 | premultiply(g, a) << 8 | premultiply(b, a);
    }
    return true;
  }
  std::string stop_reason() const override {
    return cairo_status_to_string(cairo_surface_status(surface_.get()));
  }
  SurfacePtr take() {
    cairo_surface_mark_dirty(surface_.get());
    return std::move(surface_);
  }

 private:
  static std::uint32_t premultiply(std::uint32_t value, std::uint32_t alpha) {
    const std::uint32_t t = value * alpha + 128;  // exact rounding of value * alpha / 255
    return (t + (t >> 8)) >> 8;
  }

  SurfacePtr surface_;
  unsigned char* data_ = nullptr;
  std::size_t stride_ = 0;
  std::size_t width_ = 0;
  int channels_ = 0;
};

void draw_document(cairo_t* cr, const Logo& logo) {
  // The viewport is the document's intrinsic size in its own units, so user units of the
  // current space are the logo's units.
  const RsvgRectangle viewport{0, 0, logo.svg->width, logo.svg->height};
  GError* error = nullptr;
  if (!rsvg_handle_render_document(logo.svg->handle, cr, &viewport, &error)) {
    std::string message = error ? error->message : "unknown error";
    if (error) g_error_free(error);
    throw FatalError("failed to draw logo " + logo.path + " (" + message + ")");
  }
}

void render_svg(cairo_t* cr, const Logo& logo, RenderTarget target) {
  if (!logo.svg || logo.svg->handle == nullptr) {
    throw FatalError("failed to draw logo " + logo.path + " (SVG was not parsed)");
  }
  if (target != RenderTarget::pdf || !logo.svg->has_text_decoration) {
    draw_document(cr, logo);
    return;
  }
  // On a vector surface librsvg 2.54 shows text through Pango with a decoration line as
  // thick as the font's metric in device units (a 0.7 px underline prints 0.7 / scale px
  // thick). On any other surface it draws text as outlines with the decoration in user
  // units, so the logo is recorded (same device space: masks and patterns keep their
  // resolution) and the recording replayed as vectors.
  SurfacePtr recording(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, nullptr));
  {
    CairoPtr recorder(cairo_create(recording.get()));
    cairo_matrix_t to_device;
    cairo_get_matrix(cr, &to_device);
    cairo_set_matrix(recorder.get(), &to_device);
    draw_document(recorder.get(), logo);
  }
  cairo_save(cr);
  cairo_identity_matrix(cr);
  cairo_set_source_surface(cr, recording.get(), 0, 0);
  cairo_paint(cr);
  cairo_restore(cr);
}

void paint_image(cairo_t* cr, cairo_surface_t* image, const cairo_matrix_t& user_to_pixels,
                 RenderTarget target) {
  cairo_set_source_surface(cr, image, 0, 0);
  cairo_pattern_t* pattern = cairo_get_source(cr);
  cairo_pattern_set_matrix(pattern, &user_to_pixels);
  // PDF: cairo writes /Interpolate true for any smoothing filter. Placed images keep their
  // own pixels and the RIP scales them to device resolution; PDF/X-1a/3 forbid
  // /Interpolate true, and at ≥ 300 ppi smoothing is invisible anyway. Previews do scale
  // in cairo, so they use a good filter there.
  cairo_pattern_set_filter(pattern,
                           target == RenderTarget::pdf ? CAIRO_FILTER_NEAREST : CAIRO_FILTER_GOOD);
  cairo_paint(cr);
}

}  // namespace

cairo_surface_t* LogoSurfaceCache::png(const Logo& logo) {
  const std::string key = "png:" + cache_key(logo);
  auto found = surfaces_.find(key);
  if (found != surfaces_.end()) return found->second.get();
  // The same decoder as the print image and the ink box: the proof shows those samples.
  SurfaceSink sink;
  std::string error;
  if (!decode_png(logo.bytes, sink, error))
    throw FatalError("failed to draw logo " + logo.path + " (PNG does not decode: " + error + ")");
  SurfacePtr surface = sink.take();
  return surfaces_.emplace(key, std::move(surface)).first->second.get();
}

cairo_surface_t* LogoSurfaceCache::rasterised_svg(const Logo& logo, int pixel_width,
                                                  int pixel_height) {
  const std::string key = "svg:" + cache_key(logo) + ":" + std::to_string(pixel_width) + "x" +
                          std::to_string(pixel_height);
  auto found = surfaces_.find(key);
  if (found != surfaces_.end()) return found->second.get();
  SurfacePtr surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, pixel_width, pixel_height));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
    throw FatalError("failed to draw logo " + logo.path + " (cannot allocate " +
                     std::to_string(pixel_width) + "×" + std::to_string(pixel_height) +
                     " px for its filter effects)");
  }
  if (!logo.svg && svg_pixels_) {
    const std::string pixels = svg_pixels_(logo, pixel_width, pixel_height);
    const auto row = 4 * static_cast<std::size_t>(pixel_width);
    if (pixels.size() != row * static_cast<std::size_t>(pixel_height)) return nullptr;
    cairo_surface_flush(surface.get());
    unsigned char* data = cairo_image_surface_get_data(surface.get());
    const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface.get()));
    for (std::size_t y = 0; y < static_cast<std::size_t>(pixel_height); ++y)
      std::memcpy(data + y * stride, pixels.data() + y * row, row);
    cairo_surface_mark_dirty(surface.get());
  } else {
    CairoPtr cr(cairo_create(surface.get()));
    cairo_scale(cr.get(), pixel_width / logo.ink.width, pixel_height / logo.ink.height);
    cairo_translate(cr.get(), -logo.ink.x, -logo.ink.y);
    render_svg(cr.get(), logo, RenderTarget::raster);
    cairo_surface_flush(surface.get());
  }
  return surfaces_.emplace(key, std::move(surface)).first->second.get();
}

PixelSize filter_raster_size(const Rect& placed) {
  const double inches_w = placed.w / 72.0;
  const double inches_h = placed.h / 72.0;
  double ppi = kFilterRasterPpi;
  const double area = inches_w * inches_h;
  if (area > 0 && area * ppi * ppi > kFilterRasterMaxPixels) {
    ppi = std::max(kMinPrintPpi, std::sqrt(kFilterRasterMaxPixels / area));
  }
  return {std::max(1, static_cast<int>(std::ceil(inches_w * ppi))),
          std::max(1, static_cast<int>(std::ceil(inches_h * ppi)))};
}

void paint_logo(cairo_t* cr, const Logo& logo, const Rect& placed, RenderTarget target,
                LogoSurfaceCache& cache, double device_scale) {
  if (placed.w <= 0 || placed.h <= 0 || logo.ink.width <= 0 || logo.ink.height <= 0) return;
  cairo_save(cr);
  // Clip first: a plain white background outside the ink box must not cover neighbours.
  cairo_rectangle(cr, placed.x, placed.y, placed.w, placed.h);
  cairo_clip(cr);
  // From here on user units are the logo's own units, with the ink box on `placed`.
  cairo_translate(cr, placed.x, placed.y);
  cairo_scale(cr, placed.w / logo.ink.width, placed.h / logo.ink.height);
  cairo_translate(cr, -logo.ink.x, -logo.ink.y);

  switch (logo.format) {
    case LogoFormat::svg:
      if (logo.has_filter_effects && target == RenderTarget::pdf) {
        const PixelSize size =
            filter_raster_size(Rect{0, 0, placed.w / device_scale, placed.h / device_scale});
        cairo_surface_t* image = cache.rasterised_svg(logo, size.width, size.height);
        cairo_matrix_t to_pixels;
        cairo_matrix_init_scale(&to_pixels, size.width / logo.ink.width,
                                size.height / logo.ink.height);
        cairo_matrix_translate(&to_pixels, -logo.ink.x, -logo.ink.y);
        paint_image(cr, image, to_pixels, target);
      } else if (!logo.svg && target == RenderTarget::raster) {
        // Drawn elsewhere (a worker) at the device pixels the ink box covers here.
        double w = logo.ink.width, h = logo.ink.height;
        cairo_user_to_device_distance(cr, &w, &h);
        const int pixel_w = std::max(1, static_cast<int>(std::ceil(std::abs(w))));
        const int pixel_h = std::max(1, static_cast<int>(std::ceil(std::abs(h))));
        cairo_surface_t* image = cache.rasterised_svg(logo, pixel_w, pixel_h);
        if (image != nullptr) {
          cairo_matrix_t to_pixels;
          cairo_matrix_init_scale(&to_pixels, pixel_w / logo.ink.width, pixel_h / logo.ink.height);
          cairo_matrix_translate(&to_pixels, -logo.ink.x, -logo.ink.y);
          paint_image(cr, image, to_pixels, target);
        }
      } else {
        render_svg(cr, logo, target);  // on image surfaces librsvg filters at the target resolution
      }
      break;
    case LogoFormat::png: {
      // Logo units are the PNG's pixels: the identity pattern matrix places it unscaled.
      cairo_matrix_t identity;
      cairo_matrix_init_identity(&identity);
      paint_image(cr, cache.png(logo), identity, target);
      break;
    }
  }
  cairo_restore(cr);
}

}  // namespace logogrid

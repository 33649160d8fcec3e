// Ink measurement in as few draws as it takes (see svg_ink.hpp): one raster of a trimmed
// artwork's canvas edges, else the locating raster and one raster of the artwork's region,
// each clipped to bands along its four edges.
#include "resolve/svg_ink.hpp"

#include <cairo.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <memory>

#include "resolve/ink_box.hpp"

namespace logogrid {
namespace {

constexpr int kLocateMargin = 2;  // locating pixels added around what they found
// How far a flattened curve of the locating raster may be off, in its pixels. cairo leaves
// out strokes thinner than about half the tolerance: at 1 px a hairline frame of 0.1 mm
// around a 40 mm logo was not located, and so not measured. At 0.3 px strokes from about
// 0.15 locating pixels are found (0.05 mm at that size).
constexpr double kLocateTolerance = 0.3;
// The first, one-draw attempt on the whole canvas (see measure_svg_ink_box) reads bands
// this many pixels wide along its edges. Every pixel of them costs the compositing of each
// shape across it: bands of 6 % of the canvas made check 10 % slower on the bench set than
// these, 20 % made it 37 % slower.
constexpr int kTrimmedBand = 4;
// The region's raster is at most this many times ink_side across (a speck on a vast canvas).
constexpr double kMaxRegionFactor = 4;
constexpr double kMaxFilterRegionPixels = 1.5e6;

struct SurfaceDestroy {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDestroy>;

struct Region {
  int x = 0, y = 0, w = 0, h = 0;
};

// A document drawn into a viewport of width × height user units, at `scale` pixels per
// user unit, with the raster's origin at user point (origin_x, origin_y).
struct View {
  RsvgHandle* handle = nullptr;
  double width = 0, height = 0;
  double scale = 1;
  double origin_x = 0, origin_y = 0;
  double tolerance = 0.1;  // pixels a flattened curve may be off (cairo's default)
};

std::atomic<std::uint64_t> draws{0};  // svg_ink_draws()

// Draws into a w×h surface for region `r` of the raster, clipped to `clips` when given.
// Returns nullptr on a drawing error.
Surface draw(const View& view, const Region& r, std::string& error, const Region* clips = nullptr,
             int clip_count = 0) {
  ++draws;
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, r.w, r.h));
  cairo_t* cr = cairo_create(surface.get());
  cairo_set_tolerance(cr, view.tolerance);
  cairo_translate(cr, -r.x, -r.y);
  if (clip_count > 0) {
    for (int i = 0; i < clip_count; ++i)
      cairo_rectangle(cr, clips[i].x, clips[i].y, clips[i].w, clips[i].h);
    cairo_clip(cr);
  }
  // The renderer's way (logo_painter): a cairo transform, the intrinsic viewport.
  cairo_scale(cr, view.scale, view.scale);
  cairo_translate(cr, -view.origin_x, -view.origin_y);
  const RsvgRectangle viewport{0, 0, view.width, view.height};
  GError* gerror = nullptr;
  const bool ok = rsvg_handle_render_document(view.handle, cr, &viewport, &gerror) &&
                  cairo_status(cr) == CAIRO_STATUS_SUCCESS;
  if (!ok) {
    if (gerror) {
      error = gerror->message ? gerror->message : "librsvg cannot draw it";
      g_error_free(gerror);
    } else {
      error = cairo_status_to_string(cairo_status(cr));
    }
  }
  cairo_destroy(cr);
  if (!ok) return nullptr;
  cairo_surface_flush(surface.get());
  return surface;
}

// Ink bounds of the part `part` of a surface drawn for region `r`, in raster pixels.
InkBounds scan_part(cairo_surface_t* surface, const Region& r, const Region& part) {
  InkBounds local;
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface));
  for (int y = 0; y < part.h; ++y) {
    const std::size_t row = static_cast<std::size_t>(part.y - r.y + y) * stride;
    local.add_argb32_row(reinterpret_cast<const std::uint32_t*>(
                             data + row + 4 * static_cast<std::size_t>(part.x - r.x)),
                         part.w, y);
  }
  InkBounds bounds;
  if (local.empty()) return bounds;
  bounds.add_box(local.x0() + part.x, local.y0() + part.y, local.x1() + part.x,
                 local.y1() + part.y);
  return bounds;
}

// How far a premultiplied pixel darkens white paper (0 to 255).
int darkness(cairo_surface_t* surface, int x, int y) {
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface));
  const std::uint32_t p =
      reinterpret_cast<const std::uint32_t*>(data + static_cast<std::size_t>(y) * stride)[x];
  const int alpha = static_cast<int>(p >> 24);
  return alpha - std::min({static_cast<int>((p >> 16) & 0xffu), static_cast<int>((p >> 8) & 0xffu),
                           static_cast<int>(p & 0xffu)});
}

// The ink's edges in raster pixels, to a fraction of a pixel: the outermost ink column
// (row) is covered as far as its pixels' darkness over their inner neighbours' (the same
// colour fully covered) says; the most covered pixel along the edge counts. `w` × `h` is
// the raster the surface was drawn for; pixels outside the drawn bands read as paper.
struct Edges {
  double left = 0, top = 0, right = 0, bottom = 0;
};

double coverage(cairo_surface_t* surface, int x, int y, int inner_x, int inner_y) {
  const int edge = darkness(surface, x, y);
  if (edge <= 0) return 0;
  const int inner = darkness(surface, inner_x, inner_y);
  return inner > edge ? static_cast<double>(edge) / inner : 1.0;
}

Edges refine(cairo_surface_t* surface, const InkBounds& ink) {
  Edges e{static_cast<double>(ink.x0()), static_cast<double>(ink.y0()),
          static_cast<double>(ink.x1()), static_cast<double>(ink.y1())};
  // Too thin to have an inside: whole pixels.
  if (ink.x1() - ink.x0() < 3 || ink.y1() - ink.y0() < 3) return e;
  double left = 0, right = 0, top = 0, bottom = 0;
  for (int y = ink.y0(); y < ink.y1(); ++y) {
    left = std::max(left, coverage(surface, ink.x0(), y, ink.x0() + 1, y));
    right = std::max(right, coverage(surface, ink.x1() - 1, y, ink.x1() - 2, y));
  }
  for (int x = ink.x0(); x < ink.x1(); ++x) {
    top = std::max(top, coverage(surface, x, ink.y0(), x, ink.y0() + 1));
    bottom = std::max(bottom, coverage(surface, x, ink.y1() - 1, x, ink.y1() - 2));
  }
  e.left += 1 - left;
  e.right -= 1 - right;
  e.top += 1 - top;
  e.bottom -= 1 - bottom;
  return e;
}

// Bounds of any pixel that is not exactly white paper (a superset of ink).
bool any_mark(cairo_surface_t* surface, int w, int h, int& x0, int& y0, int& x1, int& y1) {
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface));
  bool found = false;
  for (int y = 0; y < h; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      const std::uint32_t p = row[x];
      const std::uint32_t a = p >> 24;
      if (a == 0) continue;
      if (a == ((p >> 16) & 0xffu) && a == ((p >> 8) & 0xffu) && a == (p & 0xffu)) continue;
      if (!found) {
        x0 = x1 = x;
        y0 = y1 = y;
        found = true;
      }
      x0 = std::min(x0, x);
      x1 = std::max(x1, x);
      y0 = std::min(y0, y);
      y1 = std::max(y1, y);
    }
  }
  return found;
}

// The ink's edges on a raster (w × h pixels) drawn clipped to four bands `band_x` pixels
// wide along its left and right border and `band_y` along its top and bottom: nullopt on a
// drawing error; an empty optional inside when a band holds no edge of the ink (an edge
// and its inner neighbour are read there).
std::optional<std::optional<Edges>> measure_bands(const View& view, int w, int h, int band_x,
                                                  int band_y, std::string& error) {
  const Region all{0, 0, w, h};
  const Region bands[4] = {
      {0, 0, w, band_y}, {0, h - band_y, w, band_y}, {0, 0, band_x, h}, {w - band_x, 0, band_x, h}};
  Surface frame = draw(view, all, error, bands, 4);
  if (!frame) return std::nullopt;
  InkBounds edges[4];
  for (int i = 0; i < 4; ++i) {
    edges[i] = scan_part(frame.get(), all, bands[i]);
    if (edges[i].empty()) return std::optional<Edges>{};
  }
  if (!(edges[2].x0() + 1 < band_x && edges[3].x1() - 2 >= w - band_x &&
        edges[0].y0() + 1 < band_y && edges[1].y1() - 2 >= h - band_y))
    return std::optional<Edges>{};
  InkBounds ink;
  ink.add_box(edges[2].x0(), edges[0].y0(), edges[3].x1(), edges[1].y1());
  return std::optional<Edges>{refine(frame.get(), ink)};
}

// Ink of the region raster (w × h pixels), whose edges lie within `band` pixels of its
// border: the four bands only, else the whole raster. nullopt on a drawing error; an empty
// optional inside when nothing shows.
std::optional<std::optional<Edges>> measure_region(const View& view, int w, int h, int band,
                                                   bool whole_raster, std::string& error) {
  const Region all{0, 0, w, h};
  if (!whole_raster && 3 * band < w && 3 * band < h) {
    const auto edges = measure_bands(view, w, h, band, band, error);
    if (!edges) return std::nullopt;
    if (*edges) return edges;
  }
  Surface surface = draw(view, all, error);
  if (!surface) return std::nullopt;
  const InkBounds ink = scan_part(surface.get(), all, all);
  if (ink.empty()) return std::optional<Edges>{};
  return std::optional<Edges>{refine(surface.get(), ink)};
}

// Raster edges of a region whose origin is user point (x0, y0), at `scale` pixels per user
// unit, as an ink box in user units within the canvas. Outward by half a measuring pixel:
// an edge's coverage is read from its most covered pixel, which a curve crosses less than
// the pixel its extreme touches.
InkBox to_user(const Edges& e, double x0, double y0, double scale, double width, double height) {
  const double left = std::max(0.0, x0 + (e.left - 0.5) / scale);
  const double top = std::max(0.0, y0 + (e.top - 0.5) / scale);
  const double right = std::min(width, x0 + (e.right + 0.5) / scale);
  const double bottom = std::min(height, y0 + (e.bottom + 0.5) / scale);
  return InkBox{left, top, right - left, bottom - top};
}

// The ink of a trimmed artwork (see measure_svg_ink_box): an empty optional inside when a
// band holds no edge of it; nullopt on a drawing error.
std::optional<std::optional<InkBox>> measure_trimmed(RsvgHandle* handle, double width,
                                                     double height, int ink_side,
                                                     std::string& error) {
  const double scale = (ink_side + 2 * kTrimmedBand) / std::max(width, height);
  const int w = std::max(1, static_cast<int>(std::ceil(width * scale)));
  const int h = std::max(1, static_cast<int>(std::ceil(height * scale)));
  if (3 * kTrimmedBand >= w || 3 * kTrimmedBand >= h) return std::optional<InkBox>{};
  const auto edges = measure_bands(View{handle, width, height, scale, 0, 0, 0.25}, w, h,
                                   kTrimmedBand, kTrimmedBand, error);
  if (!edges) return std::nullopt;
  if (!*edges) return std::optional<InkBox>{};
  return std::optional<InkBox>{to_user(**edges, 0, 0, scale, width, height)};
}

// Pixel bounds of any mark on a small raster of the whole canvas, at `scale` pixels per
// user unit; an empty optional inside when there is none, nullopt on a drawing error.
std::optional<std::optional<InkBounds>> locate(RsvgHandle* handle, double width, double height,
                                               double scale, std::string& error) {
  const Region canvas{0, 0, std::max(1, static_cast<int>(std::ceil(width * scale))),
                      std::max(1, static_cast<int>(std::ceil(height * scale)))};
  Surface located = draw(View{handle, width, height, scale, 0, 0, kLocateTolerance}, canvas, error);
  if (!located) return std::nullopt;
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  if (!any_mark(located.get(), canvas.w, canvas.h, x0, y0, x1, y1))
    return std::optional<InkBounds>{};
  InkBounds marks;
  marks.add_box(x0, y0, x1 + 1, y1 + 1);
  return std::optional<InkBounds>{marks};
}

}  // namespace

std::uint64_t svg_ink_draws() { return draws.load(); }

std::optional<std::optional<InkBox>> measure_svg_ink_box(RsvgHandle* handle, double width,
                                                         double height, int ink_side,
                                                         bool has_filter_effects, InkNeed need,
                                                         std::string& error) {
  // Logos are mostly exported trimmed: first the edges of the whole canvas. When each band
  // holds an edge of the ink, the ink spans the canvas but for the bands, so these pixels
  // are at least as fine as the asked precision across it: that is the measurement, in one
  // draw. (Whether anything shows is told sooner by the locating raster.)
  if (!has_filter_effects && need == InkNeed::box) {
    auto trimmed = measure_trimmed(handle, width, height, ink_side, error);
    if (!trimmed || *trimmed) return trimmed;
  }
  // Whether anything shows: a mark on a glimpse of the canvas settles it, with the answer
  // build gets (its finer rasters see at least what a coarser one saw). Filters are left
  // out: they spread what they blur over device pixels.
  if (need == InkNeed::presence && !has_filter_effects) {
    const auto glimpse =
        locate(handle, width, height, kSvgGlimpseSide / std::max(width, height), error);
    if (!glimpse) return std::nullopt;
    if (*glimpse) return std::optional<InkBox>{InkBox{0, 0, width, height}};
  }
  // Where the artwork is: any mark on a small raster of the whole canvas.
  const double locate_scale = kSvgLocateSide / std::max(width, height);
  const auto marks = locate(handle, width, height, locate_scale, error);
  if (!marks) return std::nullopt;
  if (!*marks) {
    // Nothing at all, as build finds it: its trimmed raster, drawn first there, can see a
    // hairline frame the locating one leaves out.
    if (need == InkNeed::presence && !has_filter_effects)
      return measure_trimmed(handle, width, height, ink_side, error);
    return std::optional<InkBox>{};
  }
  const int cx0 = (*marks)->x0(), cy0 = (*marks)->y0();
  const int cx1 = (*marks)->x1() - 1, cy1 = (*marks)->y1() - 1;

  // The artwork's region (with a margin), at ink_side pixels across the longer side of the
  // located pixels (at least the artwork: a pixel never exceeds the asked precision). Each
  // edge of the ink lies in the locating pixel that found it, so within the margin and
  // that pixel of the region's border: the bands are that wide.
  const double x0 = std::max(0.0, (cx0 - kLocateMargin) / locate_scale);
  const double y0 = std::max(0.0, (cy0 - kLocateMargin) / locate_scale);
  const double x1 = std::min(width, (cx1 + 1 + kLocateMargin) / locate_scale);
  const double y1 = std::min(height, (cy1 + 1 + kLocateMargin) / locate_scale);
  // The region's raster sees at least what the locating one saw (finer pixels are more
  // covered): something shows.
  if (need == InkNeed::presence) return std::optional<InkBox>{InkBox{x0, y0, x1 - x0, y1 - y0}};
  const double found = std::max(cx1 - cx0 + 1, cy1 - cy0 + 1) / locate_scale;
  double scale =
      std::min(ink_side / found, kMaxRegionFactor * ink_side / std::max(x1 - x0, y1 - y0));
  // Filters are measured on the whole region: its pixels are bounded (their edges are
  // soft anyway, and print at kFilterRasterPpi from their own raster).
  if (has_filter_effects)
    scale = std::min(scale, std::sqrt(kMaxFilterRegionPixels / ((x1 - x0) * (y1 - y0))));
  const int limit = static_cast<int>(kMaxRegionFactor) * ink_side;
  const int w = std::clamp(static_cast<int>(std::ceil((x1 - x0) * scale)), 1, limit);
  const int h = std::clamp(static_cast<int>(std::ceil((y1 - y0) * scale)), 1, limit);
  const int band = static_cast<int>(std::ceil((kLocateMargin + 1) * scale / locate_scale)) + 2;
  // Filters read neighbouring pixels, which a clipped raster does not have.
  const auto ink = measure_region(View{handle, width, height, scale, x0, y0, 0.25}, w, h, band,
                                  has_filter_effects, error);
  if (!ink) return std::nullopt;
  if (!*ink) return std::optional<InkBox>{};
  return std::optional<InkBox>{to_user(**ink, x0, y0, scale, width, height)};
}

}  // namespace logogrid

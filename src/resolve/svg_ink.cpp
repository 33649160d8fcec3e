// Ink measurement in as few draws as it takes (see svg_ink.hpp): librsvg draws the document
// into a cairo recording surface at the scale of the first measuring raster, and the parts
// of the raster that are read are replayed from it: thin bands along the extents of what is
// drawn, or a raster at a quarter of the scale that locates the artwork. The region of an artwork
// with margins is recorded once more, at the scale its precision needs, and read in bands.
#include "resolve/svg_ink.hpp"

#include <cairo.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>

#include "resolve/ink_box.hpp"

namespace logogrid {
namespace {

constexpr int kLocateMargin = 2;  // pixels added around what locating found
// How far a flattened curve of the locating raster may be off, in its pixels. cairo leaves
// out strokes thinner than about half the tolerance: at 1 px a hairline frame of 0.1 mm
// around a 40 mm logo was not located, and so not measured. At 0.3 px strokes from about
// 0.15 locating pixels are found (0.05 mm at that size).
constexpr double kLocateTolerance = 0.3;
// The same for the measuring rasters and the recording.
constexpr double kMeasureTolerance = 0.25;
// The first measuring raster is read in bands this many pixels wide along the edges of
// what is drawn: every pixel of a band costs the compositing of each shape across it, and
// an edge and its inner neighbour need two.
constexpr int kEdgeBand = 4;
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

Region region_of(const InkBounds& b) { return {b.x0(), b.y0(), b.x1() - b.x0(), b.y1() - b.y0()}; }

// A w × h pixel raster of a document drawn into a viewport of width × height user units,
// at `scale` pixels per user unit, with the raster's origin at user point (origin_x,
// origin_y).
struct View {
  RsvgHandle* handle = nullptr;
  double width = 0, height = 0;
  double scale = 1;
  double origin_x = 0, origin_y = 0;
  int w = 1, h = 1;
  double tolerance = kMeasureTolerance;  // pixels a flattened curve may be off
};

// The raster of the whole canvas at `scale`.
View canvas_view(RsvgHandle* handle, double width, double height, double scale) {
  return View{handle,
              width,
              height,
              scale,
              0,
              0,
              std::max(1, static_cast<int>(std::ceil(width * scale))),
              std::max(1, static_cast<int>(std::ceil(height * scale)))};
}

std::atomic<std::uint64_t> draws{0};  // svg_ink_draws()

// librsvg draws the document for `view` on `cr`: false (and `error`) on a drawing error.
// Each call is one traversal of the whole document.
bool render(const View& view, cairo_t* cr, std::string& error) {
  ++draws;
  cairo_set_tolerance(cr, view.tolerance);
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
  return ok;
}

// The raster for `view`, drawn by librsvg. nullptr on a drawing error.
Surface draw(const View& view, std::string& error) {
  Surface surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, view.w, view.h));
  cairo_t* cr = cairo_create(surface.get());
  const bool ok = render(view, cr, error);
  cairo_destroy(cr);
  if (!ok) return nullptr;
  cairo_surface_flush(surface.get());
  return surface;
}

// The document's drawing operations for the raster `view`, bounded to it.
struct Recording {
  Surface surface;
  View view;
};

std::optional<Recording> record(const View& view, std::string& error) {
  const cairo_rectangle_t extents{0, 0, static_cast<double>(view.w), static_cast<double>(view.h)};
  Recording recording{Surface(cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &extents)),
                      view};
  cairo_t* cr = cairo_create(recording.surface.get());
  const bool ok = render(view, cr, error);
  cairo_destroy(cr);
  if (!ok) return std::nullopt;
  return recording;
}

// The pixels of part `r` of the raster for `view`, replayed from the recording: cairo draws
// the shapes across `r` again, at the view's scale. At the recording's own scale these are
// the pixels of a whole raster to within a few levels at shape edges (cairo's edge coverage
// depends a little on the part rasterised; up to 15 levels on the bench SVGs, as between a
// whole raster and one clipped to bands); at a smaller scale, groups (those of `opacity`)
// are drawn at the recording's scale and resampled, and at a larger one they blur. A raster's cost
// grows with its rows, so a part taller than wide is drawn with rows and columns swapped, and
// turned back. nullptr (and `error`) when cairo fails.
Surface replay(const Recording& recording, const View& view, const Region& r, std::string& error) {
  const bool swapped = r.h > r.w;
  Surface surface(
      cairo_image_surface_create(CAIRO_FORMAT_ARGB32, swapped ? r.h : r.w, swapped ? r.w : r.h));
  cairo_t* cr = cairo_create(surface.get());
  if (swapped) {
    cairo_matrix_t swap;
    cairo_matrix_init(&swap, 0, 1, 1, 0, 0, 0);
    cairo_transform(cr, &swap);
  }
  const View& from = recording.view;
  cairo_translate(cr, (from.origin_x - view.origin_x) * view.scale - r.x,
                  (from.origin_y - view.origin_y) * view.scale - r.y);
  cairo_scale(cr, view.scale / from.scale, view.scale / from.scale);
  cairo_set_source_surface(cr, recording.surface.get(), 0, 0);
  cairo_paint(cr);
  const cairo_status_t status = cairo_status(cr);
  cairo_destroy(cr);
  if (status != CAIRO_STATUS_SUCCESS) {
    error = cairo_status_to_string(status);
    return nullptr;
  }
  cairo_surface_flush(surface.get());
  if (!swapped) return surface;
  Surface turned(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, r.w, r.h));
  if (cairo_surface_status(turned.get()) != CAIRO_STATUS_SUCCESS) {
    error = cairo_status_to_string(cairo_surface_status(turned.get()));
    return nullptr;
  }
  const unsigned char* in = cairo_image_surface_get_data(surface.get());
  const auto in_stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface.get()));
  unsigned char* out = cairo_image_surface_get_data(turned.get());
  const auto out_stride = static_cast<std::size_t>(cairo_image_surface_get_stride(turned.get()));
  for (int y = 0; y < r.h; ++y) {
    auto* row = reinterpret_cast<std::uint32_t*>(out + static_cast<std::size_t>(y) * out_stride);
    for (int x = 0; x < r.w; ++x)
      row[x] =
          reinterpret_cast<const std::uint32_t*>(in + static_cast<std::size_t>(x) * in_stride)[y];
  }
  cairo_surface_mark_dirty(turned.get());
  return turned;
}

// Whole pixels of the recording's raster around everything it draws, within the raster;
// empty when it draws nothing. cairo's vector extents: the exact bounds of fills (curves by
// their extremes), strokes widened generously (by up to 2.8 line widths for miter joins),
// white and invisible shapes included, and groups (those of `opacity`, say) as large as the
// canvas.
InkBounds drawn_extents(const Recording& recording) {
  double x = 0, y = 0, w = 0, h = 0;
  cairo_recording_surface_ink_extents(recording.surface.get(), &x, &y, &w, &h);
  InkBounds drawn;
  if (!(w > 0 && h > 0)) return drawn;
  const int x0 = std::max(0, static_cast<int>(std::floor(x)));
  const int y0 = std::max(0, static_cast<int>(std::floor(y)));
  const int x1 = std::min(recording.view.w, static_cast<int>(std::ceil(x + w)));
  const int y1 = std::min(recording.view.h, static_cast<int>(std::ceil(y + h)));
  if (x1 > x0 && y1 > y0) drawn.add_box(x0, y0, x1, y1);
  return drawn;
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
// colour fully covered) says; the most covered pixel along the edge counts.
struct Edges {
  double left = 0, top = 0, right = 0, bottom = 0;
};

// A surface holding region `r` of a raster; pixels outside the parts drawn read as paper.
struct Pixels {
  cairo_surface_t* surface;
  Region r;
  int darkness_at(int x, int y) const { return darkness(surface, x - r.x, y - r.y); }
};

double coverage(const Pixels& pixels, int x, int y, int inner_x, int inner_y) {
  const int edge = pixels.darkness_at(x, y);
  if (edge <= 0) return 0;
  const int inner = pixels.darkness_at(inner_x, inner_y);
  return inner > edge ? static_cast<double>(edge) / inner : 1.0;
}

Edges refine(const Pixels& pixels, const InkBounds& ink) {
  Edges e{static_cast<double>(ink.x0()), static_cast<double>(ink.y0()),
          static_cast<double>(ink.x1()), static_cast<double>(ink.y1())};
  // Too thin to have an inside: whole pixels.
  if (ink.x1() - ink.x0() < 3 || ink.y1() - ink.y0() < 3) return e;
  double left = 0, right = 0, top = 0, bottom = 0;
  for (int y = ink.y0(); y < ink.y1(); ++y) {
    left = std::max(left, coverage(pixels, ink.x0(), y, ink.x0() + 1, y));
    right = std::max(right, coverage(pixels, ink.x1() - 1, y, ink.x1() - 2, y));
  }
  for (int x = ink.x0(); x < ink.x1(); ++x) {
    top = std::max(top, coverage(pixels, x, ink.y0(), x, ink.y0() + 1));
    bottom = std::max(bottom, coverage(pixels, x, ink.y1() - 1, x, ink.y1() - 2));
  }
  e.left += 1 - left;
  e.right -= 1 - right;
  e.top += 1 - top;
  e.bottom -= 1 - bottom;
  return e;
}

// Bounds of any pixel that is not exactly white paper (a superset of ink).
InkBounds any_mark(cairo_surface_t* surface, int w, int h) {
  const unsigned char* data = cairo_image_surface_get_data(surface);
  const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(surface));
  InkBounds marks;
  for (int y = 0; y < h; ++y) {
    const auto* row =
        reinterpret_cast<const std::uint32_t*>(data + static_cast<std::size_t>(y) * stride);
    int first = 0, last = w - 1;
    const auto mark = [](std::uint32_t p) {
      const std::uint32_t a = p >> 24;
      return a != 0 && !(a == ((p >> 16) & 0xffu) && a == ((p >> 8) & 0xffu) && a == (p & 0xffu));
    };
    while (first < w && !mark(row[first])) ++first;
    if (first == w) continue;
    while (last > first && !mark(row[last])) --last;
    marks.add_box(first, y, last + 1, y + 1);
  }
  return marks;
}

// The ink's edges within `box` of `view`'s raster, read from four bands `band` pixels wide
// along the box's border, each replayed on its own: nullopt on a drawing error; an empty
// optional inside when a band holds no edge of the ink (an edge and its inner neighbour are
// read there).
std::optional<std::optional<Edges>> measure_bands(const Recording& recording, const View& view,
                                                  const InkBounds& box, int band,
                                                  std::string& error) {
  const Region all = region_of(box);
  const Region bands[4] = {{all.x, all.y, all.w, band},
                           {all.x, all.y + all.h - band, all.w, band},
                           {all.x, all.y, band, all.h},
                           {all.x + all.w - band, all.y, band, all.h}};
  // The bands in one surface of the box, paper elsewhere, for reading the edges.
  Surface frame(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, all.w, all.h));
  if (cairo_surface_status(frame.get()) != CAIRO_STATUS_SUCCESS) {
    error = cairo_status_to_string(cairo_surface_status(frame.get()));
    return std::nullopt;
  }
  unsigned char* data = cairo_image_surface_get_data(frame.get());
  const auto stride = static_cast<std::size_t>(cairo_image_surface_get_stride(frame.get()));
  InkBounds edges[4];
  for (int i = 0; i < 4; ++i) {
    const Surface pixels = replay(recording, view, bands[i], error);
    if (!pixels) return std::nullopt;
    edges[i] = scan_part(pixels.get(), bands[i], bands[i]);
    if (edges[i].empty()) return std::optional<Edges>{};
    const unsigned char* from = cairo_image_surface_get_data(pixels.get());
    const auto from_stride = static_cast<std::size_t>(cairo_image_surface_get_stride(pixels.get()));
    for (int y = 0; y < bands[i].h; ++y)
      std::memcpy(data + static_cast<std::size_t>(bands[i].y - all.y + y) * stride +
                      4 * static_cast<std::size_t>(bands[i].x - all.x),
                  from + static_cast<std::size_t>(y) * from_stride,
                  4 * static_cast<std::size_t>(bands[i].w));
  }
  cairo_surface_mark_dirty(frame.get());
  if (!(edges[2].x0() + 1 < box.x0() + band && edges[3].x1() - 2 >= box.x1() - band &&
        edges[0].y0() + 1 < box.y0() + band && edges[1].y1() - 2 >= box.y1() - band))
    return std::optional<Edges>{};
  InkBounds ink;
  ink.add_box(edges[2].x0(), edges[0].y0(), edges[3].x1(), edges[1].y1());
  return std::optional<Edges>{refine(Pixels{frame.get(), all}, ink)};
}

// Ink of a whole raster: nullopt on a drawing error (no surface); an empty optional inside
// when nothing shows.
std::optional<std::optional<Edges>> measure_whole(cairo_surface_t* surface, const View& view) {
  if (!surface) return std::nullopt;
  const Region all{0, 0, view.w, view.h};
  const InkBounds ink = scan_part(surface, all, all);
  if (ink.empty()) return std::optional<Edges>{};
  return std::optional<Edges>{refine(Pixels{surface, all}, ink)};
}

// Raster edges of `view` as an ink box in user units within the canvas. Outward by half a
// measuring pixel: an edge's coverage is read from its most covered pixel, which a curve
// crosses less than the pixel its extreme touches.
InkBox to_user(const Edges& e, const View& view) {
  const double left = std::max(0.0, view.origin_x + (e.left - 0.5) / view.scale);
  const double top = std::max(0.0, view.origin_y + (e.top - 0.5) / view.scale);
  const double right = std::min(view.width, view.origin_x + (e.right + 0.5) / view.scale);
  const double bottom = std::min(view.height, view.origin_y + (e.bottom + 0.5) / view.scale);
  return InkBox{left, top, right - left, bottom - top};
}

std::optional<std::optional<InkBox>> in_user_units(const std::optional<std::optional<Edges>>& edges,
                                                   const View& view) {
  if (!edges) return std::nullopt;
  if (!*edges) return std::optional<InkBox>{};
  return std::optional<InkBox>{to_user(**edges, view)};
}

// The artwork's region around `marks` (pixels of `found`, a raster of the whole canvas),
// with a margin, and the raster that measures it: ink_side pixels across the longer side
// of the marks (at least the artwork: a pixel never exceeds the asked precision), within
// kMaxRegionFactor × ink_side; for filters, within kMaxFilterRegionPixels. Each edge of
// the ink lies in the pixel that found it, so within the margin and that pixel of the
// region's border: `band` is that wide.
struct RegionRaster {
  InkBox region;  // user units
  View view;
  int band = 0;
};

RegionRaster region_raster(const View& found, int ink_side, const InkBounds& marks,
                           bool has_filter_effects) {
  const double x0 = std::max(0.0, (marks.x0() - kLocateMargin) / found.scale);
  const double y0 = std::max(0.0, (marks.y0() - kLocateMargin) / found.scale);
  const double x1 = std::min(found.width, (marks.x1() + kLocateMargin) / found.scale);
  const double y1 = std::min(found.height, (marks.y1() + kLocateMargin) / found.scale);
  const double size = std::max(marks.x1() - marks.x0(), marks.y1() - marks.y0()) / found.scale;
  double scale =
      std::min(ink_side / size, kMaxRegionFactor * ink_side / std::max(x1 - x0, y1 - y0));
  // Filters are measured on the whole region: its pixels are bounded (their edges are
  // soft anyway, and print at kFilterRasterPpi from their own raster).
  if (has_filter_effects)
    scale = std::min(scale, std::sqrt(kMaxFilterRegionPixels / ((x1 - x0) * (y1 - y0))));
  const int limit = static_cast<int>(kMaxRegionFactor) * ink_side;
  RegionRaster raster;
  raster.region = InkBox{x0, y0, x1 - x0, y1 - y0};
  raster.view = View{found.handle,
                     found.width,
                     found.height,
                     scale,
                     x0,
                     y0,
                     std::clamp(static_cast<int>(std::ceil((x1 - x0) * scale)), 1, limit),
                     std::clamp(static_cast<int>(std::ceil((y1 - y0) * scale)), 1, limit)};
  raster.band = static_cast<int>(std::ceil((kLocateMargin + 1) * scale / found.scale)) + 2;
  return raster;
}

// The ink of the artwork's region around `marks` of `found`, recorded at its own scale and
// read in bands; when a band finds no edge, on the whole region if `whole_fallback`, else an
// empty optional inside. nullopt on a drawing error.
std::optional<std::optional<InkBox>> measure_region(const View& found, int ink_side,
                                                    const InkBounds& marks, bool whole_fallback,
                                                    std::string& error) {
  const RegionRaster raster = region_raster(found, ink_side, marks, false);
  const View& view = raster.view;
  const auto recording = record(view, error);
  if (!recording) return std::nullopt;
  if (3 * raster.band < view.w && 3 * raster.band < view.h) {
    InkBounds whole;
    whole.add_box(0, 0, view.w, view.h);
    const auto edges = measure_bands(*recording, view, whole, raster.band, error);
    if (!edges) return std::nullopt;
    if (*edges) return std::optional<InkBox>{to_user(**edges, view)};
  }
  if (!whole_fallback) return std::optional<InkBox>{};
  return in_user_units(
      measure_whole(replay(*recording, view, Region{0, 0, view.w, view.h}, error).get(), view),
      view);
}

// The ink box from one recording of the canvas where it can be (see measure_svg_ink_box).
std::optional<std::optional<InkBox>> measure_recorded(RsvgHandle* handle, double width,
                                                      double height, int ink_side,
                                                      std::string& error) {
  // The first measuring raster: pixels a little finer than the asked precision across the
  // canvas.
  const View first =
      canvas_view(handle, width, height, (ink_side + 2 * kEdgeBand) / std::max(width, height));
  const auto canvas = record(first, error);
  if (!canvas) return std::nullopt;
  const InkBounds drawn = drawn_extents(*canvas);
  if (drawn.empty()) return std::optional<InkBox>{};
  const int drawn_w = drawn.x1() - drawn.x0(), drawn_h = drawn.y1() - drawn.y0();
  if (std::max(drawn_w, drawn_h) < ink_side + 2 * kEdgeBand) {
    // Margins around it: its region at the scale it needs, taking the extents for its
    // edges.
    const auto ink = measure_region(first, ink_side, drawn, false, error);
    if (!ink || *ink) return ink;
  } else if (std::min(drawn_w, drawn_h) > 3 * kEdgeBand) {
    // As large as the first raster's pixels are fine enough for: bands along the extents.
    const auto edges = measure_bands(*canvas, first, drawn, kEdgeBand, error);
    if (!edges) return std::nullopt;
    if (*edges) return std::optional<InkBox>{to_user(**edges, first)};
  }
  // The extents are not the ink's edges (white or faint shapes, widened strokes, groups):
  // any mark on a replay at a quarter of the first raster's scale locates the artwork (a
  // quarter of ink_side across the canvas; at half the scale the ink of the 60-logo bench
  // SVGs took 8 % longer, and came out no closer to a 4000 px reference).
  const View locating = canvas_view(handle, width, height, first.scale / 4);
  const Surface located = replay(*canvas, locating, Region{0, 0, locating.w, locating.h}, error);
  if (!located) return std::nullopt;
  const InkBounds marks = any_mark(located.get(), locating.w, locating.h);
  if (marks.empty()) return std::optional<InkBox>{};
  return measure_region(locating, ink_side, marks, true, error);
}

// Pixel bounds of any mark on a small raster of the whole canvas, at `scale` pixels per
// user unit, drawn by librsvg; nullopt on a drawing error.
std::optional<InkBounds> locate(const View& view, std::string& error) {
  const Surface located = draw(view, error);
  if (!located) return std::nullopt;
  return any_mark(located.get(), view.w, view.h);
}

}  // namespace

std::uint64_t svg_ink_draws() { return draws.load(); }

std::optional<std::optional<InkBox>> measure_svg_ink_box(RsvgHandle* handle, double width,
                                                         double height, int ink_side,
                                                         bool has_filter_effects, InkNeed need,
                                                         std::string& error) {
  // Filters spread what they blur over device pixels, which a recording does not have:
  // they are drawn by librsvg, located and measured on the whole region.
  if (!has_filter_effects && need == InkNeed::box)
    return measure_recorded(handle, width, height, ink_side, error);
  // Whether anything shows: a mark on a glimpse of the canvas settles it, with the answer
  // build gets (its finer rasters see at least what a coarser one saw).
  if (need == InkNeed::presence && !has_filter_effects) {
    View glimpse = canvas_view(handle, width, height, kSvgGlimpseSide / std::max(width, height));
    glimpse.tolerance = kLocateTolerance;
    const auto marks = locate(glimpse, error);
    if (!marks) return std::nullopt;
    if (!marks->empty()) return std::optional<InkBox>{InkBox{0, 0, width, height}};
  }
  // Where the artwork is: any mark on a small raster of the whole canvas.
  View locating = canvas_view(handle, width, height, kSvgLocateSide / std::max(width, height));
  locating.tolerance = kLocateTolerance;
  const auto marks = locate(locating, error);
  if (!marks) return std::nullopt;
  if (marks->empty()) {
    // Nothing at all, as build finds it: its measuring rasters are finer.
    if (need == InkNeed::presence && !has_filter_effects)
      return measure_recorded(handle, width, height, ink_side, error);
    return std::optional<InkBox>{};
  }
  const RegionRaster raster = region_raster(locating, ink_side, *marks, has_filter_effects);
  // The region's raster sees at least what the locating one saw (finer pixels are more
  // covered): something shows.
  if (need == InkNeed::presence) return std::optional<InkBox>{raster.region};
  return in_user_units(measure_whole(draw(raster.view, error).get(), raster.view), raster.view);
}

}  // namespace logogrid

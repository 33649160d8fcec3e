// The renderer: draws a finished page plan with Cairo, Pango and librsvg. It lays nothing
// out; every box comes from the plan (points, origin top-left of the TrimBox). Output is
// cairo's PDF (to be finished by finish/) or PNG previews drawn by the same code.
// The page is the trim grown by the bleed (and by a slug for crop marks); content is
// clipped to the BleedBox, so nothing but crop marks (drawn by finish/) reaches the slug.
#pragma once

#include <cairo.h>

#include <functional>
#include <string>
#include <vector>

#include "load/layout.hpp"
#include "plan/plan.hpp"
#include "resolve/logo.hpp"

namespace logogrid {

// Room outside the bleed for crop marks (marks: crop; finish/ draws them); 0 without marks.
constexpr double kCropMarkSlug = 10.0 * kPointsPerMm;
// Raster resolution for SVG logos with filter effects (librsvg alone would give 72 ppi).
constexpr double kFilterRasterPpi = 600;
// Never below this, even for huge logos: what print shops require.
constexpr double kMinPrintPpi = 300;

// The geometry shared by every page of a job; finish/ needs the same numbers.
struct PageFrame {
  double trim_width = 0;
  double trim_height = 0;
  double bleed = 0;
  double slug = 0;
  double margin() const { return bleed + slug; }  // TrimBox offset inside the MediaBox
  double media_width() const { return trim_width + 2 * margin(); }
  double media_height() const { return trim_height + 2 * margin(); }
};
PageFrame page_frame(const Layout::Page& page);

// Premultiplied ARGB32 pixels, pixel_width × pixel_height rows of 4 × pixel_width bytes, of
// an SVG logo's ink box; "" when it cannot be drawn. Previews get SVG logos this way from a
// worker process, so this process never draws an SVG.
using SvgPixelSource = std::function<std::string(const Logo&, int pixel_width, int pixel_height)>;

struct RenderJob {
  Plan plan;
  Layout layout;
  std::string title;  // document title (cairo's /Title; finish/ writes the final one)
  // Per PlanEntry, indexed by Placement::entry; nullptr = nothing to draw (proof draws a
  // placeholder through the overlay). Logos must outlive the render call.
  std::vector<const Logo*> logos;
  struct Metadata {
    std::string author;
    std::string creator;  // "logogrid <version>"
  } metadata;

  // Drawn after each planned page's content, unclipped, in trim coordinates (origin
  // top-left of the TrimBox, points), e.g. proof marks and frames.
  std::function<void(cairo_t*, const PagePlan&)> overlay;
  // Extra pages after the planned ones (same page size), drawn in trim coordinates.
  std::vector<std::function<void(cairo_t*)>> appendix_pages;
  // Previews: the pixels of SVG logos that have no parsed document here.
  SvgPixelSource svg_pixels;
};

// cairo's PDF (PDF 1.5, MediaBox only), in memory: one page per planned page, then the
// appendix pages. finish/ makes the file from it. Throws FatalError when a logo cannot be
// drawn.
std::string render_pdf(const RenderJob& job);

// Writes dir/page-001.png, … for the same pages at `dpi`, drawn by the same code on a
// white background. Previews show the trim area only: what the reader will hold after
// cutting (bleed and marks are the print shop's, and proof overlays show them in the PDF).
// Creates `dir` if needed. The folder then holds a fresh set: each page is written
// atomically, and afterwards every other page-NNN.png in it (left by a longer document) is
// removed. Returns the paths written.
std::vector<std::string> render_png_previews(const RenderJob& job, const std::string& dir,
                                             double dpi);

// The names previews are written under (and the only ones removed): "page-" digits ".png".
bool is_preview_page_name(const std::string& name);

}  // namespace logogrid

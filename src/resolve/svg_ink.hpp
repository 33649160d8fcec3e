// Ink measurement for SVG logos: which parts of the artwork would show on white paper.
// Every traversal of a document by librsvg costs its whole geometry, so there are few: the
// document is recorded once (a cairo recording surface) at the scale of a raster a little
// finer than the asked precision across the canvas, and the pixels that are read are
// replayed from the recording, each part costing only the shapes across it. Logos are
// mostly exported trimmed: bands along the edges of what the recording draws (cairo's
// vector extents) hold the ink's edges, and that is the measurement. Otherwise the artwork
// is located, by those extents or by any mark on a replay at a quarter of the scale, and its own
// region recorded at the scale that gives the asked precision across it whatever the
// canvas around it (an A4 artboard, say), and read in bands along its four edges. Falls
// back to the whole region when a band finds no ink (a mark too faint to locate). Filters
// spread over device pixels, which a recording does not have: they are drawn by librsvg,
// located on a small raster and measured on the whole region.
#pragma once

#include <librsvg/rsvg.h>

#include <cstdint>
#include <optional>
#include <string>

#include "resolve/logo.hpp"

namespace logogrid {

// Longest side, in pixels, of the raster of the whole canvas that locates the artwork.
constexpr int kSvgLocateSide = 128;
// Longest side, in pixels, of the raster that tells `check` whether anything shows. A
// raster's cost grows with its rows: on the 60-logo bench set, check took 0.164 s with the
// 128 px locating raster, 0.142 s at 64 px, 0.137 s at 32 px; 16 px was faster again in
// alternating runs.
constexpr int kSvgGlimpseSide = 16;

// The ink box in user units, to a fraction of a measuring pixel, half a pixel outward (`ink_side`
// pixels across the longer side of the artwork's region). An empty optional inside when nothing
// shows; nullopt (and `error`) on a drawing error. Drawn with the viewport and the kind of
// cairo transform the renderer uses, so root clip paths come out the same.
// What the caller needs: the ink box, or only whether anything shows (`check`), which a
// coarse raster already tells, with the same answer; the box is then the canvas or the
// located region around the artwork.
enum class InkNeed { box, presence };

std::optional<std::optional<InkBox>> measure_svg_ink_box(RsvgHandle* handle, double width,
                                                         double height, int ink_side,
                                                         bool has_filter_effects, InkNeed need,
                                                         std::string& error);

// Traversals of documents by librsvg (recordings and rasters) for measure_svg_ink_box so
// far in this process: for tests and measurements.
std::uint64_t svg_ink_draws();

}  // namespace logogrid

// Ink measurement for SVG logos: which parts of the artwork would show on white paper.
// Every draw of a document costs its whole geometry, whatever the pixels, so draws are
// few. Logos are mostly exported trimmed: the first raster is of the whole canvas, clipped
// to bands along its four edges, a little finer than the asked precision; when every band
// holds an edge of the ink, that is the measurement. Otherwise two more: a small raster of
// the whole canvas locates the artwork (any mark at all), then one raster of the artwork's
// own region, at the scale that gives the asked precision across it whatever the canvas
// around it (an A4 artboard, say), clipped to thin bands along its four edges. Falls back
// to the whole region when a band finds no ink (a mark too faint to locate) or filters are
// used.
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

// Rasters drawn by measure_svg_ink_box so far in this process (each costs the document's
// whole geometry): for tests and measurements.
std::uint64_t svg_ink_draws();

}  // namespace logogrid

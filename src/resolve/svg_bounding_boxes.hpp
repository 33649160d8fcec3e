// librsvg's bounding boxes from path extents. librsvg 2.54 asks cairo for the fill and the
// stroke extents of every shape it draws (its bounding boxes: objectBoundingBox units,
// filter regions, geometry queries), and cairo 1.16 answers by tessellating the path, which
// was a fifth of a cold build's CPU time on the 60-logo bench set (530 ms; 434 ms with the
// answers below, alternating runs). This module defines cairo_fill_extents and
// cairo_stroke_extents in the program, so that librsvg's calls (the only ones in the
// program) reach them, and answers from the path's extents: a shape's geometry, curves by
// their extremes, which is what SVG defines the bounding box to be; cairo's tessellated
// answer is the same to its tolerance. A stroke's box is widened by the farthest its
// outline can reach (never smaller than cairo's). A path with a subpath that cannot enclose
// area (one or two points), and a stroke of a path without extent, get cairo's own answer.
#pragma once

#include <cstdint>

namespace logogrid {

enum class SvgBoundingBoxes { path_extents, cairo };

// Which answers librsvg gets from now on (path_extents unless set; for tests).
void set_svg_bounding_boxes(SvgBoundingBoxes answers);

// Answers given from path extents in this process so far: for tests and measurements.
std::uint64_t svg_bounding_boxes_from_path_extents();

}  // namespace logogrid

// Plain geometry shared by the planner, the renderer and the report: rectangles in PDF
// points with the origin at the top-left corner of the TrimBox, y growing downwards.
#pragma once

namespace logogrid {

struct Rect {
  double x = 0;
  double y = 0;
  double w = 0;
  double h = 0;
  double right() const { return x + w; }
  double bottom() const { return y + h; }
};

struct Size {
  double w = 0;
  double h = 0;
};

}  // namespace logogrid

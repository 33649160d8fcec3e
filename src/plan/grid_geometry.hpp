// The planner's grid arithmetic for one choice of columns and rows: cell size, caption
// block, logo box, district heading bands; and blocks of set text. Shared by the planner's
// parts (page flow, grid choice, page dressing).
#pragma once

#include <string>
#include <vector>

#include "load/layout.hpp"
#include "plan/geometry.hpp"
#include "plan/plan.hpp"
#include "plan/text_measure.hpp"
#include "text/font_description.hpp"

namespace logogrid {

struct SetFont {
  FontSpec spec;
  LineMetrics metrics;
};

// The font of a layout description, measured; a missing size becomes `fallback_size`.
SetFont set_font(const std::string& description, double fallback_size, TextMeasure& measure);

// Everything about the grid that is the same on every page.
struct GridGeometry {
  int columns = 1;
  int rows = 1;
  double gutter = 0;
  double area_w = 0;
  double area_h = 0;
  double cell_w = 0;
  double cell_h = 0;
  double caption_h = 0;   // max_lines caption lines at the layout's size
  double logo_box_h = 0;  // cell minus caption block and gap
  SetFont caption;
  // order: district only
  bool districts = false;
  SetFont district;
  double band_top = 0;     // district heading at the top of the grid: text + space below it
  double space_above = 0;  // from the previous row's bottom to a district heading's top
};

// The layout's caption and district heading fonts, measured once for every grid tried.
struct GridFonts {
  SetFont caption;
  SetFont district;
};
GridFonts grid_fonts(const Layout& layout, TextMeasure& measure);

// The geometry of `layout` with `columns` × `rows` cells per page (both at least 1).
GridGeometry grid_geometry(const Layout& layout, const GridFonts& fonts, int columns, int rows);

// The frame the grid fills on a page (the inside margin is on the left of a recto).
Rect grid_area(const Layout& layout, const GridGeometry& g, bool recto);

// A cell's logo area: the cell above caption and gap, less the padding.
Rect logo_area_in(const Rect& cell, const GridGeometry& g, double padding);

// A block of `lines` in `font`, `width` wide, whose first baseline is `first_baseline`.
TextBlock text_block(std::vector<std::string> lines, const SetFont& font, double x, double width,
                     double first_baseline, TextBlock::Align align);

}  // namespace logogrid

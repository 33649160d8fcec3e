// Cell arithmetic in points: the grid area is split into equal cells with gutters between
// them; each cell holds a logo box above a fixed caption block.
#include "plan/grid_geometry.hpp"

#include <algorithm>

namespace logogrid {

SetFont set_font(const std::string& description, double fallback_size, TextMeasure& measure) {
  SetFont font;
  font.spec = font_spec_or(description, fallback_size);
  font.metrics = measure.metrics(font.spec.face, font.spec.size);
  if (font.metrics.line_height <= 0) {
    font.metrics.line_height = font.metrics.ascent + font.metrics.descent;
  }
  return font;
}

GridFonts grid_fonts(const Layout& layout, TextMeasure& measure) {
  return {set_font(layout.caption.font, 8, measure),
          set_font(layout.district_heading.font, 10, measure)};
}

GridGeometry grid_geometry(const Layout& layout, const GridFonts& fonts, int columns, int rows) {
  GridGeometry g;
  g.columns = std::max(1, columns);
  g.rows = std::max(1, rows);
  g.gutter = std::max(0.0, layout.grid.gutter);
  g.area_w = layout.page.width - layout.margins.inside - layout.margins.outside;
  g.area_h = layout.page.height - layout.margins.top - layout.margins.bottom;
  g.cell_w = std::max(0.0, (g.area_w - (g.columns - 1) * g.gutter) / g.columns);
  g.cell_h = std::max(0.0, (g.area_h - (g.rows - 1) * g.gutter) / g.rows);

  g.districts = layout.grid.order == Layout::Order::district;
  if (g.districts) {
    // A heading sits close to the row it introduces and farther from the row above it, so
    // the eye groups it with its own district (proximity). Cells stay the size `rows`
    // gives; a page simply holds fewer rows. The cap keeps heading + one row on a page.
    g.district = fonts.district;
    const LineMetrics& m = g.district.metrics;
    const double below = std::max(0.5 * g.gutter, 0.5 * m.line_height);
    g.band_top = m.ascent + m.descent + below;
    g.space_above = std::max(1.5 * g.gutter, m.line_height);
    g.cell_h = std::max(0.0, std::min(g.cell_h, g.area_h - g.band_top));
  }

  g.caption = fonts.caption;
  g.caption_h = std::max(1, layout.caption.max_lines) * g.caption.metrics.line_height;
  g.logo_box_h = std::max(0.0, g.cell_h - g.caption_h - std::max(0.0, layout.caption.gap));
  return g;
}

Rect grid_area(const Layout& layout, const GridGeometry& g, bool recto) {
  const double left = recto ? layout.margins.inside : layout.margins.outside;
  return {left, layout.margins.top, g.area_w, g.area_h};
}

Rect logo_area_in(const Rect& cell, const GridGeometry& g, double padding) {
  padding = std::max(0.0, padding);
  return {cell.x + padding, cell.y + padding, std::max(0.0, cell.w - 2 * padding),
          std::max(0.0, g.logo_box_h - 2 * padding)};
}

TextBlock text_block(std::vector<std::string> lines, const SetFont& font, double x, double width,
                     double first_baseline, TextBlock::Align align) {
  TextBlock block;
  block.font = font.spec.face;
  block.size = font.spec.size;
  block.line_height = font.metrics.line_height;
  block.first_baseline = first_baseline;
  block.align = align;
  const double extra = lines.empty() ? 0 : static_cast<double>(lines.size() - 1);
  block.box = {x, first_baseline - font.metrics.ascent, width,
               extra * font.metrics.line_height + font.metrics.ascent + font.metrics.descent};
  block.lines = std::move(lines);
  return block;
}

}  // namespace logogrid

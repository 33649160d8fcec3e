// Text drawing with PangoCairo, one layout per line so the plan's baselines are exact.
#include "render/text_painter.hpp"

#include <pango/pangocairo.h>

#include "render/cairo_handles.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {

PangoFontDescription* new_font_description(const std::string& font, double size_pt) {
  PangoFontDescription* description = pango_font_description_from_string(font.c_str());
  pango_font_description_set_absolute_size(description, size_pt * PANGO_SCALE);
  return description;
}

void paint_text_block(cairo_t* cr, const TextBlock& block) {
  if (block.lines.empty()) return;
  GObjectPtr<PangoContext> context(pango_cairo_create_context(cr));
  pango_cairo_context_set_resolution(context.get(), 72.0);
  configure_pango_context(context.get());
  GObjectPtr<PangoLayout> layout(pango_layout_new(context.get()));
  FontDescriptionPtr description(new_font_description(block.font, block.size));
  pango_layout_set_font_description(layout.get(), description.get());
  pango_layout_set_single_paragraph_mode(layout.get(), TRUE);

  cairo_save(cr);
  cairo_set_source_rgb(cr, 0, 0, 0);  // text is 100 % black (K only after conversion)
  for (std::size_t i = 0; i < block.lines.size(); ++i) {
    const std::string& text = block.lines[i];
    pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), 0);
    if (line == nullptr) continue;
    PangoRectangle logical{};
    pango_layout_line_get_extents(line, nullptr, &logical);
    const double width = static_cast<double>(logical.width) / PANGO_SCALE;
    const double left = static_cast<double>(logical.x) / PANGO_SCALE;
    double x = block.box.x;
    switch (block.align) {
      case TextBlock::Align::left:
        break;
      case TextBlock::Align::center:
        x += (block.box.w - width) / 2;
        break;
      case TextBlock::Align::right:
        x += block.box.w - width;
        break;
    }
    const double baseline = block.first_baseline + static_cast<double>(i) * block.line_height;
    cairo_move_to(cr, x - left, baseline);
    pango_cairo_show_layout_line(cr, line);
  }
  cairo_restore(cr);
}

}  // namespace logogrid

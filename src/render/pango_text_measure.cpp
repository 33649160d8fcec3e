// Text measurement with Pango for the planner.
#include "render/pango_text_measure.hpp"

#include <pango/pangocairo.h>

#include <algorithm>

#include "render/text_painter.hpp"

namespace logogrid {

namespace {

bool ends_at_break_opportunity(const std::string& line) {
  if (line.empty()) return true;
  const char last = line.back();
  if (last == ' ' || last == '-' || last == '/' || last == '\t') return true;
  // U+2013/U+2014 dashes and U+00AD soft hyphen end in these UTF-8 bytes.
  return line.size() >= 2 &&
         (line.ends_with("\u2013") || line.ends_with("\u2014") || line.ends_with("\u00ad"));
}

std::string trim_trailing_spaces(std::string line) {
  while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.pop_back();
  return line;
}

}  // namespace

PangoTextMeasure::PangoTextMeasure()
    : context_(pango_font_map_create_context(pango_cairo_font_map_get_default())) {
  configure_pango_context(context_.get());
}

LineMetrics PangoTextMeasure::metrics(const std::string& font, double size_pt) {
  FontDescriptionPtr description(new_font_description(font, size_pt));
  PangoFontMetrics* metrics = pango_context_get_metrics(context_.get(), description.get(), nullptr);
  LineMetrics result;
  result.ascent = static_cast<double>(pango_font_metrics_get_ascent(metrics)) / PANGO_SCALE;
  result.descent = static_cast<double>(pango_font_metrics_get_descent(metrics)) / PANGO_SCALE;
  const int height = pango_font_metrics_get_height(metrics);
  result.line_height =
      height > 0 ? static_cast<double>(height) / PANGO_SCALE : result.ascent + result.descent;
  pango_font_metrics_unref(metrics);
  return result;
}

WrappedText PangoTextMeasure::wrap(const std::string& text, const std::string& font, double size_pt,
                                   double max_width) {
  GObjectPtr<PangoLayout> layout(pango_layout_new(context_.get()));
  FontDescriptionPtr description(new_font_description(font, size_pt));
  pango_layout_set_font_description(layout.get(), description.get());
  pango_layout_set_width(layout.get(), static_cast<int>(max_width * PANGO_SCALE));
  pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
  pango_layout_set_single_paragraph_mode(layout.get(), TRUE);
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));

  WrappedText result;
  const int count = pango_layout_get_line_count(layout.get());
  for (int i = 0; i < count; ++i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), i);
    const std::string raw = text.substr(static_cast<std::size_t>(line->start_index),
                                        static_cast<std::size_t>(line->length));
    if (i + 1 < count && !ends_at_break_opportunity(raw)) result.fits = false;
    PangoRectangle logical{};
    pango_layout_line_get_extents(line, nullptr, &logical);
    result.width = std::max(result.width, static_cast<double>(logical.width) / PANGO_SCALE);
    result.lines.push_back(trim_trailing_spaces(raw));
  }
  if (result.width > max_width + 1e-6) result.fits = false;
  return result;
}

}  // namespace logogrid

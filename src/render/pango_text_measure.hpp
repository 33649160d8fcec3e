// The planner's TextMeasure backed by Pango with exactly the set-up the renderer draws with
// (configure_pango_context), so planned line widths and baselines match the drawn text.
#pragma once

#include <pango/pango.h>

#include "plan/text_measure.hpp"
#include "render/cairo_handles.hpp"

namespace logogrid {

class PangoTextMeasure final : public TextMeasure {
 public:
  PangoTextMeasure();
  LineMetrics metrics(const std::string& font, double size_pt) override;
  // Breaks at word boundaries only (Pango's WORD wrapping); `fits` is false when a line is
  // still wider than max_width or Pango had to split a word.
  WrappedText wrap(const std::string& text, const std::string& font, double size_pt,
                   double max_width) override;

 private:
  GObjectPtr<PangoContext> context_;
};

}  // namespace logogrid

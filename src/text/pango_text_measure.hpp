// Text measurement and font checks with Pango and fontconfig, for the planner and for the
// `font-missing` diagnostic. Measurement is at 72 dpi (1 Pango unit-point = 1 PDF point)
// with hinting and metric rounding off, so sizes do not depend on the output resolution.
#pragma once

#include <string>

#include "plan/text_measure.hpp"

typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;

namespace logogrid {

class PangoTextMeasure final : public TextMeasure {
 public:
  PangoTextMeasure();
  ~PangoTextMeasure() override;
  PangoTextMeasure(const PangoTextMeasure&) = delete;
  PangoTextMeasure& operator=(const PangoTextMeasure&) = delete;

  LineMetrics metrics(const std::string& font, double size_pt) override;
  // Wraps at word boundaries only (a word is never split); max_width <= 0 or infinite
  // means no wrapping. Hard line breaks in `text` are kept.
  WrappedText wrap(const std::string& text, const std::string& font, double size_pt,
                   double max_width) override;

 private:
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
};

// True when Pango (through fontconfig) would set `font_description` ("DejaVu Sans Bold 18")
// in the family it names, not in a fallback. `chosen_family` gets the family actually
// loaded (empty when nothing could be loaded). Generic families (sans-serif, serif,
// monospace, …) are accepted as named: choosing for them is fontconfig's job.
// The Pango set-up every measurement and every drawing of text uses: 72 dpi semantics,
// hinting and glyph-position rounding off, German language. Drawn text then has exactly
// the widths the planner measured.
void configure_pango_context(PangoContext* context);

bool check_font(const std::string& font_description, std::string& chosen_family);

}  // namespace logogrid

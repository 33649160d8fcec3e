// Text measurement and font checks with Pango and fontconfig, for the planner and for the
// `font-missing` diagnostic. Measurement is at 72 dpi (1 Pango unit-point = 1 PDF point)
// with hinting and metric rounding off, so sizes do not depend on the output resolution.
#pragma once

#include <string>
#include <thread>

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
  // Waits for the font map; fonts registered after this measure was made
  // (text/layout_fonts.hpp) are matched too.
  void follow_font_changes();

  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
  unsigned fonts_generation_ = 0;
  std::thread setup_;  // makes font_map_ and context_; joined before their first use
};

// The Pango set-up every measurement and every drawing of text uses: 72 dpi semantics,
// hinting and glyph-position rounding off, German language. Drawn text then has exactly
// the widths the planner measured.
void configure_pango_context(PangoContext* context);

// What Pango (through fontconfig) sets `font_description` ("DejaVu Sans Bold 18") in.
struct FontMatch {
  // The family named was loaded, not a fallback. Generic families (sans-serif, serif,
  // monospace, …) are accepted as named: choosing for them is fontconfig's job.
  bool family_found = false;
  // The face loaded has the weight (within 100 on the OpenType scale) and the slant
  // asked for: no regular face emboldened or slanted to stand in for a missing one.
  bool face_found = false;
  std::string family;  // family loaded ("" when nothing could be loaded)
  std::string face;    // its style name as the font file gives it ("Bold", "Regular", …)
  std::string file;    // the font file
};
FontMatch match_font(const std::string& font_description);

// True when the family and the face asked for are both there (match_font).
// `chosen_family` gets the family actually loaded.
bool check_font(const std::string& font_description, std::string& chosen_family);

}  // namespace logogrid

// Which characters of a text no installed font can show (they would print as boxes, "tofu"),
// and which are set in another font than the one named because it lacks them (Pango's
// fallback, e.g. a CJK caption in DejaVu Sans). Asks Pango exactly as the renderer sets the
// text, so the answer is what prints.
#pragma once

#include <string>
#include <vector>

typedef struct _PangoFontMap PangoFontMap;
typedef struct _PangoContext PangoContext;

namespace logogrid {

struct GlyphFinding {
  char32_t code_point = 0;
  std::size_t character = 0;  // 1-based position in the text, in code points
  std::string font;           // the family used instead (fallbacks only)
};

struct GlyphReport {
  std::vector<GlyphFinding> missing;    // one per distinct character, first occurrence
  std::vector<GlyphFinding> fallbacks;  // one per substitute family, its first character
  std::string requested;                // the family the font description resolves to
};

class GlyphCoverage {
 public:
  GlyphCoverage();
  ~GlyphCoverage();
  GlyphCoverage(const GlyphCoverage&) = delete;
  GlyphCoverage& operator=(const GlyphCoverage&) = delete;

  // `font` is a Pango font description ("DejaVu Sans 8").
  GlyphReport inspect(const std::string& text, const std::string& font);
  // The same for many texts in one font, in one pass (one report per text).
  std::vector<GlyphReport> inspect_all(const std::vector<std::string>& texts,
                                       const std::string& font);

 private:
  PangoFontMap* font_map_ = nullptr;
  PangoContext* context_ = nullptr;
};

}  // namespace logogrid

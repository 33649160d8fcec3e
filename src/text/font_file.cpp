// Resolving a font description to its file with fontconfig, family, weight and slant
// taken from Pango's reading of the description.
#include "text/font_file.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pango.h>

#include "text/font_description.hpp"

namespace logogrid {

namespace fs = std::filesystem;

std::optional<fs::path> font_file(const std::string& description) {
  const FontSpec spec = font_spec_or(description, 10);
  PangoFontDescription* pango = pango_font_description_from_string(spec.face.c_str());
  const char* family = pango_font_description_get_family(pango);
  FcPattern* pattern = FcPatternCreate();
  if (family) FcPatternAddString(pattern, FC_FAMILY, reinterpret_cast<const FcChar8*>(family));
  FcPatternAddInteger(
      pattern, FC_WEIGHT,
      FcWeightFromOpenType(static_cast<int>(pango_font_description_get_weight(pango))));
  FcPatternAddInteger(pattern, FC_SLANT,
                      pango_font_description_get_style(pango) == PANGO_STYLE_NORMAL
                          ? FC_SLANT_ROMAN
                          : FC_SLANT_ITALIC);
  pango_font_description_free(pango);
  FcConfigSubstitute(nullptr, pattern, FcMatchPattern);
  FcDefaultSubstitute(pattern);
  FcResult result = FcResultNoMatch;
  FcPattern* match = FcFontMatch(nullptr, pattern, &result);
  FcPatternDestroy(pattern);
  std::optional<fs::path> file;
  FcChar8* name = nullptr;
  if (match && FcPatternGetString(match, FC_FILE, 0, &name) == FcResultMatch)
    file = fs::path(reinterpret_cast<const char*>(name));
  if (match) FcPatternDestroy(match);
  return file;
}

}  // namespace logogrid

// Walks the runs of a PangoLayout: a glyph with PANGO_GLYPH_UNKNOWN_FLAG is a character no
// font has; a run whose font is not the requested family is a fallback.
#include "text/glyph_coverage.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <memory>
#include <set>
#include <stdexcept>
#include <vector>

#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

std::string family_of(PangoFont* font) {
  if (font == nullptr) return {};
  PangoFontDescription* d = pango_font_describe(font);
  const char* family = pango_font_description_get_family(d);
  std::string result = family != nullptr ? family : "";
  pango_font_description_free(d);
  return result;
}

bool is_blank(gunichar c) {
  return g_unichar_isspace(c) || g_unichar_type(c) == G_UNICODE_CONTROL ||
         g_unichar_type(c) == G_UNICODE_FORMAT;
}

}  // namespace

GlyphCoverage::GlyphCoverage() {
  font_map_ = pango_cairo_font_map_new();
  if (font_map_ == nullptr) throw std::runtime_error("cannot create a Pango font map");
  pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map_), 72.0);
  context_ = pango_font_map_create_context(font_map_);
  configure_pango_context(context_);
}

GlyphCoverage::~GlyphCoverage() {
  g_object_unref(context_);
  g_object_unref(font_map_);
}

GlyphReport GlyphCoverage::inspect(const std::string& text, const std::string& font) {
  GlyphReport report;
  if (text.empty() || !g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr))
    return report;
  PangoFontDescription* description = pango_font_description_from_string(font.c_str());
  PangoFont* primary = pango_font_map_load_font(font_map_, context_, description);
  report.requested = family_of(primary);
  if (primary != nullptr) g_object_unref(primary);

  PangoLayout* layout = pango_layout_new(context_);
  pango_layout_set_font_description(layout, description);
  pango_font_description_free(description);
  pango_layout_set_text(layout, text.data(), static_cast<int>(text.size()));

  // Character position of every byte offset (one pass; looking each up from the start
  // would make a long caption quadratic).
  std::vector<std::size_t> character_at(text.size() + 1, 0);
  for (std::size_t i = 0, character = 0; i <= text.size(); ++i) {
    if (i == text.size() || (static_cast<unsigned char>(text[i]) & 0xC0U) != 0x80U) ++character;
    character_at[i] = character;
  }
  std::set<char32_t> seen_missing;
  std::set<std::string> seen_fonts;
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (run == nullptr) continue;
    const std::string family = family_of(run->item->analysis.font);
    for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
      const auto byte = static_cast<std::size_t>(run->item->offset + run->glyphs->log_clusters[i]);
      if (byte >= text.size()) continue;
      const gunichar c = g_utf8_get_char(text.data() + byte);
      if (is_blank(c)) continue;
      const std::size_t character = character_at[byte];
      if ((run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0) {
        if (seen_missing.insert(c).second) report.missing.push_back({c, character, ""});
      } else if (family != report.requested && seen_fonts.insert(family).second) {
        report.fallbacks.push_back({c, character, family});
      }
    }
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  g_object_unref(layout);
  auto by_position = [](const GlyphFinding& a, const GlyphFinding& b) {
    return a.character < b.character;
  };
  std::sort(report.missing.begin(), report.missing.end(), by_position);
  std::sort(report.fallbacks.begin(), report.fallbacks.end(), by_position);
  return report;
}

}  // namespace logogrid

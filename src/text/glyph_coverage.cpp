// Walks the runs of a PangoLayout: a glyph with PANGO_GLYPH_UNKNOWN_FLAG is a character no
// font has; a run whose font is not the requested family is a fallback.
#include "text/glyph_coverage.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <map>
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
  return inspect_all({text}, font).front();
}

std::vector<GlyphReport> GlyphCoverage::inspect_all(const std::vector<std::string>& texts,
                                                    const std::string& font) {
  std::vector<GlyphReport> reports(texts.size());
  PangoFontDescription* description = pango_font_description_from_string(font.c_str());
  PangoFont* primary = pango_font_map_load_font(font_map_, context_, description);
  const std::string requested = family_of(primary);
  if (primary != nullptr) g_object_unref(primary);
  for (GlyphReport& report : reports) report.requested = requested;

  // Whether a font has a character does not depend on the caption it stands in: every
  // distinct character is set once, in one probe layout (a layout per caption costs
  // more than the setting itself with 10 000 captions). Texts that are not clean UTF-8
  // or hold a NUL (reported as schema-type elsewhere) are skipped.
  auto clean = [](const std::string& text) {
    return text.find('\0') == std::string::npos &&
           g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr);
  };
  std::set<gunichar> distinct;
  for (const std::string& text : texts) {
    if (!clean(text)) continue;
    for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p))
      if (!is_blank(g_utf8_get_char(p))) distinct.insert(g_utf8_get_char(p));
  }
  std::string probe;
  for (const gunichar c : distinct) {
    char utf8[8];
    probe.append(utf8, static_cast<std::size_t>(g_unichar_to_utf8(c, utf8)));
  }
  // What each character comes out as: missing (""), or the family that sets it.
  std::map<gunichar, std::string> verdict;
  PangoLayout* layout = pango_layout_new(context_);
  pango_layout_set_font_description(layout, description);
  pango_font_description_free(description);
  pango_layout_set_text(layout, probe.data(), static_cast<int>(probe.size()));
  PangoLayoutIter* iter = pango_layout_get_iter(layout);
  do {
    PangoLayoutRun* run = pango_layout_iter_get_run_readonly(iter);
    if (run == nullptr) continue;
    const std::string family = family_of(run->item->analysis.font);
    for (int i = 0; i < run->glyphs->num_glyphs; ++i) {
      const auto byte = static_cast<std::size_t>(run->item->offset + run->glyphs->log_clusters[i]);
      if (byte >= probe.size()) continue;
      const gunichar c = g_utf8_get_char(probe.data() + byte);
      const bool missing = (run->glyphs->glyphs[i].glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0;
      std::string& found = verdict.try_emplace(c, missing ? "" : family).first->second;
      if (missing) found.clear();  // any cluster of it without a glyph
    }
  } while (pango_layout_iter_next_run(iter));
  pango_layout_iter_free(iter);
  g_object_unref(layout);

  for (std::size_t k = 0; k < texts.size(); ++k) {
    if (!clean(texts[k])) continue;
    std::set<gunichar> seen_missing;
    std::set<std::string> seen_fonts;
    std::size_t character = 0;
    const std::string& text = texts[k];
    for (const char* p = text.data(); p < text.data() + text.size(); p = g_utf8_next_char(p)) {
      ++character;
      const gunichar c = g_utf8_get_char(p);
      const auto found = verdict.find(c);
      if (found == verdict.end()) continue;  // blank
      if (found->second.empty()) {
        if (seen_missing.insert(c).second) reports[k].missing.push_back({c, character, ""});
      } else if (found->second != requested && seen_fonts.insert(found->second).second) {
        reports[k].fallbacks.push_back({c, character, found->second});
      }
    }
  }
  return reports;
}

}  // namespace logogrid

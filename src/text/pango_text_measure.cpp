// PangoCairo without a surface: a private font map at 72 dpi and a context with hinting
// and glyph-position rounding off, so widths are the fonts' design widths scaled to points.
#include "text/pango_text_measure.hpp"

#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-font.h>
#include <pango/pangofc-fontmap.h>

#include <algorithm>
#include <climits>
#include <cmath>
#include <memory>
#include <stdexcept>

#include "text/font_description.hpp"
#include "text/layout_fonts.hpp"

namespace logogrid {
namespace {

constexpr double kTolerance = 1e-6;

struct DescriptionDeleter {
  void operator()(PangoFontDescription* d) const { pango_font_description_free(d); }
};
using Description = std::unique_ptr<PangoFontDescription, DescriptionDeleter>;

struct GObjectDeleter {
  void operator()(void* object) const { g_object_unref(object); }
};
template <typename T>
using GObjectPtr = std::unique_ptr<T, GObjectDeleter>;

Description describe(const std::string& face, double size_pt) {
  Description d(pango_font_description_from_string(face.c_str()));
  pango_font_description_set_size(
      d.get(), static_cast<gint>(std::lround(std::max(0.0, size_pt) * PANGO_SCALE)));
  return d;
}

double points(int pango_units) { return static_cast<double>(pango_units) / PANGO_SCALE; }

}  // namespace

void configure_pango_context(PangoContext* context) {
  cairo_font_options_t* options = cairo_font_options_create();
  cairo_font_options_set_hint_style(options, CAIRO_HINT_STYLE_NONE);
  cairo_font_options_set_hint_metrics(options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_antialias(options, CAIRO_ANTIALIAS_GRAY);
  pango_cairo_context_set_font_options(context, options);
  cairo_font_options_destroy(options);
  pango_context_set_round_glyph_positions(context, FALSE);
  pango_context_set_language(context, pango_language_from_string("de"));
}

namespace {

GObjectPtr<PangoLayout> make_layout(PangoContext* context, const std::string& text,
                                    const std::string& face, double size_pt) {
  GObjectPtr<PangoLayout> layout(pango_layout_new(context));
  Description d = describe(face, size_pt);
  pango_layout_set_font_description(layout.get(), d.get());
  PangoAttrList* attrs = pango_attr_list_new();
  pango_attr_list_insert(attrs, pango_attr_insert_hyphens_new(FALSE));
  pango_layout_set_attributes(layout.get(), attrs);
  pango_attr_list_unref(attrs);
  pango_layout_set_text(layout.get(), text.c_str(), static_cast<int>(text.size()));
  return layout;
}

double logical_width(PangoContext* context, const std::string& text, const std::string& face,
                     double size_pt) {
  GObjectPtr<PangoLayout> layout = make_layout(context, text, face, size_pt);
  PangoRectangle logical{};
  pango_layout_get_extents(layout.get(), nullptr, &logical);
  return points(logical.width);
}

std::string trim_trailing_space(std::string s) {
  while (!s.empty() &&
         (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r')) {
    s.pop_back();
  }
  return s;
}

std::string casefold(const std::string& s) {
  gchar* folded = g_utf8_casefold(s.c_str(), static_cast<gssize>(s.size()));
  std::string result = folded != nullptr ? folded : s;
  g_free(folded);
  return result;
}

bool is_generic_family(const std::string& folded) {
  static const char* const kGeneric[] = {"sans",    "sans-serif", "serif",     "monospace",
                                         "cursive", "fantasy",    "system-ui", "emoji"};
  return std::any_of(std::begin(kGeneric), std::end(kGeneric),
                     [&](const char* g) { return folded == g; });
}

}  // namespace

// The font map is made on a thread of its own: fontconfig's set-up (about 3 ms, and Pango's
// own another 2) then overlaps whatever the caller does before the first measurement,
// such as loading the participants.
PangoTextMeasure::PangoTextMeasure()
    : fonts_generation_(fonts_generation()), setup_([this] {
        font_map_ = pango_cairo_font_map_new();
        if (font_map_ == nullptr) return;
        pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(font_map_), 72.0);
        context_ = pango_font_map_create_context(font_map_);
        configure_pango_context(context_);
      }) {}

void PangoTextMeasure::follow_font_changes() {
  if (setup_.joinable()) setup_.join();
  if (font_map_ == nullptr) throw std::runtime_error("cannot create a Pango font map");
  const unsigned now = fonts_generation();
  if (now == fonts_generation_) return;
  fonts_generation_ = now;
  pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(font_map_));
}

PangoTextMeasure::~PangoTextMeasure() {
  if (setup_.joinable()) setup_.join();
  if (context_ != nullptr) g_object_unref(context_);
  if (font_map_ != nullptr) g_object_unref(font_map_);
}

LineMetrics PangoTextMeasure::metrics(const std::string& font, double size_pt) {
  follow_font_changes();
  Description d = describe(font, size_pt);
  PangoFontMetrics* m = pango_context_get_metrics(context_, d.get(), nullptr);
  LineMetrics result;
  result.ascent = points(pango_font_metrics_get_ascent(m));
  result.descent = points(pango_font_metrics_get_descent(m));
  result.line_height = points(pango_font_metrics_get_height(m));
  if (result.line_height <= 0) result.line_height = result.ascent + result.descent;
  pango_font_metrics_unref(m);
  return result;
}

WrappedText PangoTextMeasure::wrap(const std::string& text, const std::string& font, double size_pt,
                                   double max_width) {
  follow_font_changes();
  GObjectPtr<PangoLayout> layout = make_layout(context_, text, font, size_pt);
  const bool limited = std::isfinite(max_width) && max_width > 0 &&
                       max_width * PANGO_SCALE < static_cast<double>(INT_MAX / 2);
  if (limited) {
    pango_layout_set_width(layout.get(), static_cast<int>(std::floor(max_width * PANGO_SCALE)));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD);
  }
  WrappedText result;
  const int count = pango_layout_get_line_count(layout.get());
  for (int i = 0; i < count; ++i) {
    PangoLayoutLine* line = pango_layout_get_line_readonly(layout.get(), i);
    const auto start = static_cast<std::size_t>(line->start_index);
    const auto length = static_cast<std::size_t>(line->length);
    if (start > text.size()) break;
    std::string piece = trim_trailing_space(text.substr(start, length));
    // Pango counts trailing spaces into a wrapped line's extents: measure the visible text.
    const double width = logical_width(context_, piece, font, size_pt);
    result.width = std::max(result.width, width);
    if (limited && width > max_width + kTolerance) result.fits = false;
    result.lines.push_back(std::move(piece));
  }
  if (text.empty()) result.lines.clear();
  return result;
}

namespace {

// The weight and slant the font file itself declares (fontconfig's scale), read from the
// file rather than from the match, which fontconfig edits when it synthesises a face.
struct FaceFacts {
  double weight_min = 0;  // a variable font covers a range
  double weight_max = 0;
  int slant = FC_SLANT_ROMAN;
  std::string style;
};

bool face_facts(const std::string& file, int index, FaceFacts& facts) {
  int count = 0;
  FcPattern* face = FcFreeTypeQuery(reinterpret_cast<const FcChar8*>(file.c_str()),
                                    static_cast<unsigned>(index), nullptr, &count);
  if (face == nullptr) return false;
  FcValue weight{};
  if (FcPatternGet(face, FC_WEIGHT, 0, &weight) == FcResultMatch) {
    if (weight.type == FcTypeInteger) {
      facts.weight_min = facts.weight_max = weight.u.i;
    } else if (weight.type == FcTypeDouble) {
      facts.weight_min = facts.weight_max = weight.u.d;
    } else if (weight.type == FcTypeRange) {
      FcRangeGetDouble(weight.u.r, &facts.weight_min, &facts.weight_max);
    }
  }
  FcPatternGetInteger(face, FC_SLANT, 0, &facts.slant);
  FcChar8* style = nullptr;
  if (FcPatternGetString(face, FC_STYLE, 0, &style) == FcResultMatch)
    facts.style = reinterpret_cast<const char*>(style);
  FcPatternDestroy(face);
  return true;
}

bool face_matches(const PangoFontDescription* requested, const FaceFacts& facts) {
  const double wanted = static_cast<double>(pango_font_description_get_weight(requested));
  const double lightest = FcWeightToOpenTypeDouble(facts.weight_min);
  const double boldest = FcWeightToOpenTypeDouble(facts.weight_max);
  const bool weight_ok = wanted > lightest - 100 && wanted < boldest + 100;
  const bool upright_wanted = pango_font_description_get_style(requested) == PANGO_STYLE_NORMAL;
  return weight_ok && upright_wanted == (facts.slant == FC_SLANT_ROMAN);
}

}  // namespace

FontMatch match_font(const std::string& font_description) {
  FontMatch match;
  const FontSpec spec = font_spec_or(font_description, 12);
  GObjectPtr<PangoFontMap> font_map(pango_cairo_font_map_new());
  GObjectPtr<PangoContext> context(pango_font_map_create_context(font_map.get()));
  Description requested = describe(spec.face, spec.size);
  const char* family = pango_font_description_get_family(requested.get());
  if (family == nullptr) return match;
  // A family list ("DejaVu Sans,Sans") is checked by its first, wanted entry.
  std::string wanted = family;
  wanted = wanted.substr(0, wanted.find(','));
  while (!wanted.empty() && wanted.back() == ' ') wanted.pop_back();

  GObjectPtr<PangoFont> font(
      pango_font_map_load_font(font_map.get(), context.get(), requested.get()));
  if (!font) return match;
  Description loaded(pango_font_describe(font.get()));
  const char* loaded_family = pango_font_description_get_family(loaded.get());
  if (loaded_family == nullptr) return match;
  match.family = loaded_family;
  const std::string folded = casefold(wanted);
  match.family_found = is_generic_family(folded) || casefold(match.family) == folded;

  if (!PANGO_IS_FC_FONT(font.get())) return match;
  FcPattern* pattern = pango_fc_font_get_pattern(PANGO_FC_FONT(font.get()));
  FcChar8* file = nullptr;
  int index = 0;
  if (FcPatternGetString(pattern, FC_FILE, 0, &file) != FcResultMatch) return match;
  FcPatternGetInteger(pattern, FC_INDEX, 0, &index);
  match.file = reinterpret_cast<const char*>(file);
  FaceFacts facts;
  if (!face_facts(match.file, index, facts)) return match;
  match.face = facts.style;
  match.face_found = face_matches(requested.get(), facts);
  return match;
}

bool check_font(const std::string& font_description, std::string& chosen_family) {
  const FontMatch match = match_font(font_description);
  chosen_family = match.family;
  return match.family_found && match.face_found;
}

}  // namespace logogrid

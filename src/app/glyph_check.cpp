// Glyph findings as diagnostics, at the caption's (or title's) position, naming the
// character as U+XXXX and where it stands in the text.
#include "app/glyph_check.hpp"

#include <fmt/format.h>

#include "diag/visible_text.hpp"
#include "text/glyph_coverage.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

struct Text {
  std::string what;  // "Attendorn: caption" or "title"
  std::string text;
  std::string font;
  Position pos;
  std::string participant;
};

void report(Job& job, const Text& t, const GlyphReport& found) {
  for (const GlyphFinding& g : found.missing)
    job.diagnostics.warning(
        "caption-glyph-missing", job.model.file, t.pos,
        fmt::format("{} \"{}\": {} (character {}) has no glyph in any installed font; it would "
                    "print as a box",
                    t.what, visible_text(t.text), code_point_name(g.code_point), g.character),
        {"remove or replace the character, or install a font that has it (`fc-list "
         "':charset=" +
         fmt::format("{:x}", static_cast<unsigned>(g.code_point)) + "' family` lists them)"},
        t.participant);
  std::string chosen;
  if (found.fallbacks.empty() || !check_font(t.font, chosen)) return;  // font-missing says so
  for (const GlyphFinding& g : found.fallbacks)
    job.diagnostics.warning(
        "caption-font-fallback", job.model.file, t.pos,
        fmt::format("{} \"{}\": {} (character {}) is not in {}; it prints in {}", t.what,
                    visible_text(t.text), code_point_name(g.code_point), g.character,
                    found.requested, g.font),
        {"name a font that has these characters in the layout, or accept the substitute"},
        t.participant);
}

}  // namespace

void check_glyphs(Job& job) {
  GlyphCoverage coverage;
  std::vector<Text> captions;
  std::vector<std::string> texts;
  for (const Participant& p : job.model.participants) {
    if (p.status == Status::excluded || p.caption.empty()) continue;  // not printed
    captions.push_back(Text{fmt::format("{}: caption", visible_text(p.name)), p.caption,
                            job.layout.caption.font, p.caption_pos, p.name});
    texts.push_back(p.caption);
  }
  const std::vector<GlyphReport> found = coverage.inspect_all(texts, job.layout.caption.font);
  for (std::size_t i = 0; i < captions.size(); ++i) report(job, captions[i], found[i]);
  const Text title{"title", heading_text(job.layout, job.model.title), job.layout.heading.font,
                   job.model.title_pos, ""};
  report(job, title, coverage.inspect(title.text, title.font));
}

}  // namespace logogrid

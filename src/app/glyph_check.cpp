// Glyph findings as diagnostics, at the caption's (or title's) position, naming the
// character as U+XXXX and where it stands in the text.
#include "app/glyph_check.hpp"

#include <fmt/format.h>

#include "diag/visible_text.hpp"
#include "text/glyph_coverage.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

void report(const std::string& file, const GlyphCheck::Text& t, const GlyphReport& found,
            Diagnostics& out) {
  for (const GlyphFinding& g : found.missing)
    out.warning(
        "caption-glyph-missing", file, t.pos,
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
    out.warning("caption-font-fallback", file, t.pos,
                fmt::format("{} \"{}\": {} (character {}) is not in {}; it prints in {}", t.what,
                            visible_text(t.text), code_point_name(g.code_point), g.character,
                            found.requested, g.font),
                {"name a font that has these characters in the layout, or accept the substitute"},
                t.participant);
}

}  // namespace

GlyphCheck::GlyphCheck(const Job& job)
    : file_(job.model.file),
      caption_font_(job.layout.caption.font),
      title_{"title", heading_text(job.layout, job.model.title), job.layout.heading.font,
             job.model.title_pos, ""} {
  for (const Participant& p : job.model.participants) {
    if (p.status == Status::excluded || p.caption.empty()) continue;  // not printed
    captions_.push_back(Text{fmt::format("{}: caption", visible_text(p.name)), p.caption,
                             caption_font_, p.caption_pos, p.name});
  }
}

void GlyphCheck::run(Diagnostics& out) const {
  GlyphCoverage coverage;
  std::vector<std::string> texts;
  for (const Text& caption : captions_) texts.push_back(caption.text);
  const std::vector<GlyphReport> found = coverage.inspect_all(texts, caption_font_);
  for (std::size_t i = 0; i < captions_.size(); ++i) report(file_, captions_[i], found[i], out);
  report(file_, title_, coverage.inspect(title_.text, title_.font), out);
}

}  // namespace logogrid

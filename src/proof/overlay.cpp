// Proof marks over planned pages and in the slug.
#include "proof/overlay.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "proof/proof_text.hpp"

namespace logogrid {
namespace {

using proof_style::Rgb;

void set_colour(cairo_t* cr, const Rgb& c) { cairo_set_source_rgb(cr, c.r, c.g, c.b); }

void stroke_rect(cairo_t* cr, const Rect& r, const Rgb& colour, double width, bool dashed = false) {
  cairo_save(cr);
  set_colour(cr, colour);
  cairo_set_line_width(cr, width);
  if (dashed) {
    const double dash[] = {3.0, 2.0};
    cairo_set_dash(cr, dash, 2, 0);
  }
  cairo_rectangle(cr, r.x, r.y, r.w, r.h);
  cairo_stroke(cr);
  cairo_restore(cr);
}

// A filled tag with white bold text; returns its height.
double draw_tag(cairo_t* cr, const std::string& label, const Rgb& fill, double x, double y,
                double max_width, bool right_aligned) {
  ProofText text{label, proof_style::kBoldFont, 5.5, {1, 1, 1}};
  text.width = max_width - 3;
  const double w = std::min(measure_text_width(text), max_width - 3) + 3;
  const double h = measure_text(text) + 1.5;
  const double left = right_aligned ? x - w : x;
  cairo_save(cr);
  set_colour(cr, fill);
  cairo_rectangle(cr, left, y, w, h);
  cairo_fill(cr);
  cairo_restore(cr);
  draw_text(cr, text, left + 1.5, y + 0.75);
  return h;
}

void draw_entry_marks(cairo_t* cr, const Placement& placement, const Participant& participant,
                      const Logo* logo, const EntryReview& review, double gutter) {
  const Rect& cell = placement.cell;
  stroke_rect(cr, cell, proof_style::kCell, proof_style::kHairline);
  if (logo == nullptr)
    draw_logo_placeholder(cr, placement.logo_area, missing_logo_reason(participant, review));

  // Tags stack down from the top of the cell: change first, then the invalid band.
  double y = cell.y + 1.2;
  if (review.change) {
    const bool added = review.change->kind == EntryChange::Kind::added;
    y += draw_tag(cr, change_label(*review.change),
                  added ? proof_style::kAdded : proof_style::kChanged, cell.x + cell.w - 1.2, y,
                  cell.w - 2.4, true) +
         1;
  }
  if (participant.status == Status::invalid) {
    stroke_rect(cr, Rect{cell.x + 0.6, cell.y + 0.6, cell.w - 1.2, cell.h - 1.2},
                proof_style::kInvalid, 1.2);
    const std::string codes = review.error_codes.empty()
                                  ? std::string("?")
                                  : fmt::format("{}", fmt::join(review.error_codes, ", "));
    y += draw_tag(cr, "UNGÜLTIG: " + codes, proof_style::kInvalid, cell.x + 1.2, y, cell.w - 2.4,
                  false) +
         1;
  }
  std::vector<std::string> warnings;  // printed, but a reviewer should look twice
  for (const auto& d : review.findings)
    if (d.severity == Severity::warning &&
        std::find(warnings.begin(), warnings.end(), d.code) == warnings.end())
      warnings.push_back(d.code);
  if (!warnings.empty()) {
    draw_tag(cr, fmt::format("WARNUNG: {}", fmt::join(warnings, ", ")), proof_style::kExcluded,
             cell.x + 1.2, y, cell.w - 2.4, false);
  }

  // The note: below the caption's last line, within the cell and the gutter under it.
  const TextBlock& caption = placement.caption;
  const double caption_bottom =
      caption.lines.empty()
          ? placement.logo_area.y + placement.logo_area.h
          : caption.first_baseline +
                static_cast<double>(caption.lines.size() - 1) * caption.line_height +
                0.3 * caption.size;
  const double top = caption_bottom + 1.0;
  const double room = cell.y + cell.h + gutter - 1.5 - top;
  const std::vector<std::string> lines = logo_note(participant, logo, placement.logo.w);
  double size = proof_style::kNoteSize;
  ProofText note{fmt::format("{}", fmt::join(lines, "\n")),
                 proof_style::kCondensedFont,
                 size,
                 proof_style::kMarker,
                 ProofText::Align::center,
                 cell.w};
  note.max_lines = static_cast<int>(lines.size());
  while (size > 3.5 && measure_text(note) > room) {  // keep clear of the next row
    size -= 0.25;
    note.size = size;
  }
  // The path line never wraps: ellipsize it in the middle instead.
  ProofText path = note;
  path.text = lines.front();
  path.ellipsize_middle = true;
  ProofText rest = note;
  rest.text = fmt::format("{}", fmt::join(lines.begin() + 1, lines.end(), "\n"));
  rest.max_lines = static_cast<int>(lines.size() - 1);
  // White behind the note, so the cell frame it crosses does not strike it through.
  const double path_h = measure_text(path);
  const double note_w =
      std::min(cell.w, std::max(measure_text_width(path), measure_text_width(rest)) + 3);
  cairo_save(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, cell.x + (cell.w - note_w) / 2, top, note_w, path_h + measure_text(rest));
  cairo_fill(cr);
  cairo_restore(cr);
  draw_text(cr, path, cell.x, top);
  draw_text(cr, rest, cell.x, top + path_h);
}

void draw_legend(cairo_t* cr, double x, double y) {
  struct Item {
    Rgb colour;
    const char* label;
    bool dashed;
  };
  const Item items[] = {
      {proof_style::kTrim, "Endformat (Beschnitt)", false},
      {proof_style::kBleed, "Anschnitt", false},
      {proof_style::kSafe, "Sicherheitsabstand 5 mm", true},
      {proof_style::kCell, "Zelle", false},
      {proof_style::kPlaceholder, "Logo fehlt (Platzhalter)", false},
      {proof_style::kInvalid, "ungültiger Eintrag", false},
      {proof_style::kChanged, "geändert", false},
      {proof_style::kAdded, "neu", false},
  };
  for (const auto& item : items) {
    cairo_save(cr);
    set_colour(cr, item.colour);
    cairo_set_line_width(cr, 1.2);
    if (item.dashed) {
      const double dash[] = {3.0, 2.0};
      cairo_set_dash(cr, dash, 2, 0);
    }
    cairo_move_to(cr, x, y + 3.2);
    cairo_line_to(cr, x + 10, y + 3.2);
    cairo_stroke(cr);
    cairo_restore(cr);
    ProofText label{item.label, proof_style::kFont, 5.5, proof_style::kMarker};
    draw_text(cr, label, x + 12, y);
    x += 12 + measure_text_width(label) + 8;
  }
}

}  // namespace

void draw_logo_placeholder(cairo_t* cr, const Rect& area, const std::string& reason) {
  cairo_save(cr);
  cairo_rectangle(cr, area.x, area.y, area.w, area.h);
  cairo_clip(cr);
  set_colour(cr, proof_style::kPlaceholder);
  cairo_set_line_width(cr, 0.8);
  for (double d = -area.h; d < area.w; d += 5) {  // 45° hatch
    cairo_move_to(cr, area.x + d, area.y + area.h);
    cairo_line_to(cr, area.x + d + area.h, area.y);
  }
  cairo_stroke(cr);
  cairo_set_line_width(cr, 1.2);
  cairo_move_to(cr, area.x, area.y);
  cairo_line_to(cr, area.x + area.w, area.y + area.h);
  cairo_move_to(cr, area.x + area.w, area.y);
  cairo_line_to(cr, area.x, area.y + area.h);
  cairo_stroke(cr);
  cairo_rectangle(cr, area.x, area.y, area.w, area.h);
  cairo_set_line_width(cr, 2.4);  // half of it is clipped: 1.2 pt inside
  cairo_stroke(cr);

  ProofText label{"KEIN LOGO\n" + reason, proof_style::kBoldFont,   6.5,
                  proof_style::kInvalid,  ProofText::Align::center, area.w - 8};
  label.max_lines = 3;
  const double h = measure_text(label);
  const double w = std::min(area.w - 8, measure_text_width(label) + 4);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_rectangle(cr, area.x + (area.w - w) / 2, area.y + (area.h - h) / 2 - 1.5, w, h + 3);
  cairo_fill(cr);
  draw_text(cr, label, area.x + 4, area.y + (area.h - h) / 2);
  cairo_restore(cr);
}

void draw_slug_marker(cairo_t* cr, const PageFrame& frame, const ProofReview& review,
                      std::size_t index, std::size_t total_pages) {
  // The slug lies outside the bleed; the crop marks run through its corners at x = 0 and
  // x = trim width, so text keeps 8 mm clear of them.
  const double inset = 8.0 * kPointsPerMm;
  const double width = frame.trim_width - 2 * inset;
  const double slug_middle = frame.bleed + frame.slug / 2;
  ProofText marker{"KORREKTURABZUG – PROOF · nicht für den Druck", proof_style::kBoldFont, 8,
                   proof_style::kMarker};
  marker.width = width;
  const double top = -slug_middle - measure_text(marker) / 2;
  draw_text(cr, marker, inset, top);
  ProofText where{fmt::format("{} · {} · Seite {} von {}",
                              std::filesystem::path(review.participants_file).filename().string(),
                              review.date, index + 1, total_pages),
                  proof_style::kFont,
                  7,
                  proof_style::kMarker,
                  ProofText::Align::right,
                  width};
  draw_text(cr, where, inset, -slug_middle - measure_text(where) / 2);
  draw_legend(cr, inset, frame.trim_height + slug_middle - 3.5);
}

void draw_page_marks(cairo_t* cr, const PagePlan& page, const ProofPages& pages) {
  const Job& job = *pages.job;
  const PageFrame frame = page_frame(job.layout.page);
  const double w = frame.trim_width;
  const double h = frame.trim_height;
  const double b = frame.bleed;
  if (b > 0)
    stroke_rect(cr, Rect{-b, -b, w + 2 * b, h + 2 * b}, proof_style::kBleed,
                proof_style::kMarkLine);
  stroke_rect(cr, Rect{0, 0, w, h}, proof_style::kTrim, proof_style::kMarkLine);
  const double s = proof_style::kSafeInset;
  stroke_rect(cr, Rect{s, s, w - 2 * s, h - 2 * s}, proof_style::kSafe, proof_style::kMarkLine,
              true);

  for (const Placement& placement : page.placements) {
    if (placement.entry >= pages.participant_of_entry.size()) continue;
    const std::size_t index = pages.participant_of_entry[placement.entry];
    const Participant& participant = job.model.participants[index];
    const auto& logo = job.logos[index];
    draw_entry_marks(cr, placement, participant, logo ? &*logo : nullptr,
                     pages.review->entries[index], job.layout.grid.gutter);
  }
  draw_slug_marker(cr, frame, *pages.review, static_cast<std::size_t>(page.index),
                   pages.total_pages);
}

}  // namespace logogrid

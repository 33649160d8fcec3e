// Appendix pages: tables of measured rows flowed over pages.
#include "proof/appendix.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "plan/print_order.hpp"
#include "proof/overlay.hpp"
#include "proof/proof_text.hpp"

namespace logogrid {
namespace {

constexpr double kMarginX = 18.0 * kPointsPerMm;
constexpr double kMarginTop = 16.0 * kPointsPerMm;
constexpr double kMarginBottom = 16.0 * kPointsPerMm;
constexpr double kCellPad = 2.0;
constexpr double kBodySize = 7.0;
constexpr proof_style::Rgb kGrey{0.45, 0.45, 0.45};
constexpr std::size_t kNoHeader = static_cast<std::size_t>(-1);

// A table cell: paragraphs stacked top to bottom.
using Cell = std::vector<ProofText>;

class Builder {
 public:
  explicit Builder(double width) : width_(width) {}

  void heading(const std::string& text) {
    ProofText t{text, proof_style::kBoldFont, 11, proof_style::kText};
    t.width = width_;
    const double h = measure_text(t);
    blocks_.push_back(
        {h + 8, [t](cairo_t* cr, double top) { draw_text(cr, t, kMarginX, top + 6); }, -1, true});
  }

  void paragraph(const std::string& text, proof_style::Rgb colour = proof_style::kText) {
    ProofText t{text, proof_style::kFont, kBodySize, colour};
    t.width = width_;
    const double h = measure_text(t);
    blocks_.push_back({h + 3, [t](cairo_t* cr, double top) { draw_text(cr, t, kMarginX, top); }});
  }

  // `shares`: each column's share of the text width.
  int begin_table(const std::vector<double>& shares, std::vector<std::string> titles) {
    widths_.clear();
    for (double share : shares) widths_.push_back(share * width_);
    ++table_;
    zebra_ = false;
    if (titles.empty()) {  // a table without a header row
      header_.push_back(kNoHeader);
      return table_;
    }
    std::vector<Cell> cells;
    for (const auto& title : titles)
      cells.push_back({ProofText{title, proof_style::kBoldFont, kBodySize, proof_style::kText}});
    header_.push_back(blocks_.size());
    row(std::move(cells), proof_style::Rgb{0.86, 0.86, 0.86});
    return table_;
  }

  void row(std::vector<Cell> cells, std::optional<proof_style::Rgb> background = std::nullopt) {
    if (!background) {  // body rows alternate white and light grey; headers are grey
      if (zebra_) background = proof_style::Rgb{0.95, 0.95, 0.95};
      zebra_ = !zebra_;
    }
    double height = 0;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      double h = 0;
      for (auto& t : cells[c]) {
        t.width = widths_[c] - 2 * kCellPad;
        h += measure_text(t);
      }
      height = std::max(height, h);
    }
    height += 2 * kCellPad;
    const std::vector<double> widths = widths_;
    const double total = width_;
    blocks_.push_back({height,
                       [cells, widths, background, height, total](cairo_t* cr, double top) {
                         if (background) {
                           cairo_set_source_rgb(cr, background->r, background->g, background->b);
                           cairo_rectangle(cr, kMarginX, top, total, height);
                           cairo_fill(cr);
                         }
                         double x = kMarginX;
                         for (std::size_t c = 0; c < cells.size(); ++c) {
                           double y = top + kCellPad;
                           for (const auto& t : cells[c]) {
                             draw_text(cr, t, x + kCellPad, y);
                             y += measure_text(t);
                           }
                           x += widths[c];
                         }
                       },
                       table_});
  }

  void space(double h) {
    blocks_.push_back({h, [](cairo_t*, double) {}});
  }

  std::vector<AppendixBlock> blocks_;
  std::vector<std::size_t> header_;

 private:
  double width_;
  std::vector<double> widths_;
  int table_ = -1;
  bool zebra_ = false;
};

ProofText body(std::string text, proof_style::Rgb colour = proof_style::kText) {
  return ProofText{std::move(text), proof_style::kFont, kBodySize, colour};
}
ProofText bold(std::string text, proof_style::Rgb colour = proof_style::kText) {
  return ProofText{std::move(text), proof_style::kBoldFont, kBodySize, colour};
}
ProofText small(std::string text, proof_style::Rgb colour = kGrey) {
  return ProofText{std::move(text), proof_style::kFont, 6, colour};
}

proof_style::Rgb status_colour(Status status) {
  switch (status) {
    case Status::invalid:
      return proof_style::kInvalid;
    case Status::excluded:
      return proof_style::kExcluded;
    case Status::included:
      break;
  }
  return proof_style::kAdded;
}

std::string position(const Diagnostic& d) {
  if (d.pos.line == 0) return d.file;
  return fmt::format("{}:{}:{}", d.file, d.pos.line, d.pos.column);
}

Cell findings_cell(const std::vector<Diagnostic>& findings, bool with_file) {
  Cell cell;
  for (const auto& d : findings) {
    const bool error = d.severity == Severity::error;
    cell.push_back(
        bold(fmt::format("{} [{}]{}", error ? "Fehler" : "Warnung", d.code,
                         with_file ? " " + position(d)
                                   : (d.pos.line > 0 ? fmt::format(" Zeile {}", d.pos.line) : "")),
             error ? proof_style::kInvalid : proof_style::kExcluded));
    cell.push_back(body(d.message));
    for (const auto& hint : d.hints) cell.push_back(small("Hinweis: " + hint));
  }
  if (cell.empty()) cell.push_back(body("—", kGrey));
  return cell;
}

void summary(Builder& b, const Job& job, const ProofReview& review) {
  ProofText title{"Korrekturabzug – Anhang", proof_style::kBoldFont, 16, proof_style::kMarker};
  b.blocks_.push_back({measure_text(title) + 4,
                       [title](cairo_t* cr, double top) { draw_text(cr, title, kMarginX, top); }});
  b.paragraph(fmt::format("{} · erstellt {} · Abzug zur Prüfung, nicht für den Druck",
                          job.model.title, review.date),
              kGrey);
  b.heading("Übersicht");
  b.begin_table({0.32, 0.68}, {});
  auto kv = [&](const std::string& key, const std::string& value,
                proof_style::Rgb colour = proof_style::kText) {
    b.row({{body(key)}, {bold(value, colour)}});
  };
  kv("Einträge gesamt", std::to_string(review.total));
  kv("aufgenommen (gedruckt)", std::to_string(review.included), proof_style::kAdded);
  kv("ausgeschlossen (nicht gedruckt)", std::to_string(review.excluded), proof_style::kExcluded);
  kv("ungültig (im Abzug rot markiert)", std::to_string(review.invalid), proof_style::kInvalid);
  kv("Fehler", std::to_string(review.errors),
     review.errors > 0 ? proof_style::kInvalid : proof_style::kText);
  kv("Warnungen", std::to_string(review.warnings));
  kv("Stichtag", review.deadline);
  kv("Teilnehmerdatei", review.participants_file);
  kv("Layout", review.layout_file.empty() ? "eingebautes Layout" : review.layout_file);
  if (!review.previous_file.empty()) kv("Vorheriger Stand", review.previous_file);
  for (const auto& notice : review.notices) b.paragraph(notice, proof_style::kInvalid);
}

void file_findings(Builder& b, const ProofReview& review) {
  if (review.file_findings.empty()) return;
  b.heading("Befunde zu den Dateien");
  b.begin_table({1.0}, {"Befund"});
  for (const auto& d : review.file_findings) b.row({findings_cell({d}, true)});
}

void changes(Builder& b, const ProofReview& review) {
  if (review.previous_file.empty()) return;
  b.heading("Änderungen seit dem letzten Abzug");
  if (!review.compared) {
    b.paragraph(
        fmt::format("{} konnte nicht gelesen werden; kein Vergleich.", review.previous_file),
        proof_style::kInvalid);
    return;
  }
  b.paragraph(fmt::format("verglichen mit {} (nach amtlichem Namen)", review.previous_file), kGrey);
  if (review.changes.empty()) {
    b.paragraph("Keine Änderungen.");
    return;
  }
  b.begin_table({0.17, 0.24, 0.59}, {"Änderung", "Eintrag", "Was"});
  for (const auto& c : review.changes) {
    const proof_style::Rgb colour = c.kind == EntryChange::Kind::added     ? proof_style::kAdded
                                    : c.kind == EntryChange::Kind::removed ? proof_style::kInvalid
                                                                           : proof_style::kChanged;
    const std::string kind = c.kind == EntryChange::Kind::changed ? "GEÄNDERT" : change_label(c);
    Cell what;
    for (const auto& d : c.details) what.push_back(body(d));
    if (c.kind == EntryChange::Kind::removed) what.push_back(body("nicht mehr in der Datei"));
    b.row({{bold(kind, colour)}, {bold(c.name)}, what});
  }
}

void entries(Builder& b, const Job& job, const ProofReview& review) {
  b.heading("Alle Einträge");
  b.paragraph(
      "Ungültige und ausgeschlossene Einträge zuerst, dann die aufgenommenen; "
      "jeweils nach Namen.",
      kGrey);
  if (job.model.participants.empty()) {
    b.paragraph("Keine Einträge (siehe Befunde zu den Dateien).");
    return;
  }
  b.begin_table({0.15, 0.28, 0.57}, {"Status", "Eintrag", "Gründe (Befunde)"});
  for (Status status : {Status::invalid, Status::excluded, Status::included}) {
    std::vector<const Participant*> group;
    std::vector<std::string> names;
    for (const auto& p : job.model.participants)
      if (p.status == status) {
        group.push_back(&p);
        names.push_back(p.name);
      }
    for (std::size_t k : order_by_name(names)) {
      const Participant& p = *group[k];
      const EntryReview& r = review.entries[p.index];
      Cell who{bold(p.name.empty() ? "(ohne Namen)" : p.name)};
      if (!p.given_name.empty()) who.push_back(small("geschrieben: " + p.given_name));
      if (p.caption != p.name) who.push_back(small("Beschriftung: " + p.caption));
      who.push_back(
          small(fmt::format("Zeile {} · {}", p.pos.line, describe_commitment(p.commitment))));
      Cell state{bold(status_label(status), status_colour(status))};
      if (r.change)
        state.push_back(bold(change_label(*r.change), r.change->kind == EntryChange::Kind::added
                                                          ? proof_style::kAdded
                                                          : proof_style::kChanged));
      b.row({state, who, findings_cell(r.findings, false)});
    }
  }
}

}  // namespace

Appendix layout_appendix(const Job& job, const ProofReview& review, const PageFrame& frame) {
  Builder b(frame.trim_width - 2 * kMarginX);
  summary(b, job, review);
  file_findings(b, review);
  changes(b, review);
  entries(b, job, review);

  Appendix appendix;
  appendix.table_headers = b.header_;
  const double bottom = frame.trim_height - kMarginBottom;
  const auto& blocks = b.blocks_;
  AppendixPage page;
  double y = kMarginTop;
  for (std::size_t i = 0; i < blocks.size(); ++i) {
    double needed = blocks[i].height;
    if (blocks[i].keep_with_next && i + 1 < blocks.size()) needed += blocks[i + 1].height;
    const bool is_header =
        blocks[i].table >= 0 && b.header_[static_cast<std::size_t>(blocks[i].table)] == i;
    if (is_header && i + 1 < blocks.size()) needed += blocks[i + 1].height;
    if (y + needed > bottom && !page.blocks.empty()) {
      appendix.pages.push_back(std::move(page));
      page = {};
      y = kMarginTop;
      // A table continued on a new page repeats its header.
      const std::size_t header =
          blocks[i].table >= 0 ? b.header_[static_cast<std::size_t>(blocks[i].table)] : kNoHeader;
      if (header != kNoHeader && !is_header) {
        page.blocks.emplace_back(header, y);
        y += blocks[header].height;
      }
    }
    page.blocks.emplace_back(i, y);
    y += blocks[i].height;
  }
  if (!page.blocks.empty()) appendix.pages.push_back(std::move(page));
  appendix.blocks = std::make_shared<const std::vector<AppendixBlock>>(std::move(b.blocks_));
  return appendix;
}

std::vector<std::function<void(cairo_t*)>> appendix_painters(const Appendix& appendix,
                                                             const ProofReview& review,
                                                             const PageFrame& frame,
                                                             std::size_t first_index,
                                                             std::size_t total_pages) {
  std::vector<std::function<void(cairo_t*)>> painters;
  const ProofReview* reviewed = &review;
  for (std::size_t k = 0; k < appendix.pages.size(); ++k) {
    painters.push_back([blocks = appendix.blocks, page = appendix.pages[k], frame, reviewed,
                        index = first_index + k, total_pages](cairo_t* cr) {
      for (const auto& [block, top] : page.blocks) (*blocks)[block].draw(cr, top);
      draw_slug_marker(cr, frame, *reviewed, index, total_pages);
    });
  }
  return painters;
}

}  // namespace logogrid

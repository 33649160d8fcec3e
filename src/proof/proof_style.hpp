// The look of proof marks: colours no print content uses (so a mark is never mistaken for
// artwork), line widths and the fonts of notes and appendix.
#pragma once

namespace logogrid::proof_style {

struct Rgb {
  double r, g, b;
};

constexpr Rgb kMarker{0.90, 0.00, 0.55};       // magenta: "KORREKTURABZUG", notes
constexpr Rgb kTrim{0.00, 0.62, 0.90};         // cyan: trim line (finished size)
constexpr Rgb kBleed{0.00, 0.62, 0.25};        // green: bleed line
constexpr Rgb kSafe{0.45, 0.30, 0.90};         // violet, dashed: safe area
constexpr Rgb kCell{0.35, 0.75, 0.95};         // light cyan hairline: cell frames
constexpr Rgb kInvalid{0.85, 0.00, 0.00};      // red: invalid entries
constexpr Rgb kPlaceholder{1.00, 0.55, 0.00};  // orange hatch: no usable logo
constexpr Rgb kAdded{0.00, 0.60, 0.20};        // green tag: NEU
constexpr Rgb kChanged{0.10, 0.35, 0.85};      // blue tag: GEÄNDERT
constexpr Rgb kExcluded{0.80, 0.45, 0.00};     // appendix status: excluded
constexpr Rgb kText{0.10, 0.10, 0.10};         // appendix body text

constexpr double kSafeInset = 5.0 * 72.0 / 25.4;  // safe area: 5 mm inside the trim
constexpr double kMarkLine = 0.5;
constexpr double kHairline = 0.15;

constexpr const char* kFont = "DejaVu Sans";
constexpr const char* kBoldFont = "DejaVu Sans Bold";
constexpr const char* kCondensedFont = "DejaVu Sans Condensed";
constexpr double kNoteSize = 5.0;

}  // namespace logogrid::proof_style

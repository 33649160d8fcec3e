// The page planner: pure geometry. Entries (already in print order) and a layout in; pages
// of fixed boxes out. No Cairo, no files: text is measured through TextMeasure.
// Guarantees once it has run: every box lies inside the page's TrimBox; logos are centred
// in their logo area and never exceed it; captions of one row share their first baseline.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/layout.hpp"
#include "plan/geometry.hpp"
#include "plan/text_measure.hpp"

namespace logogrid {

// One logo to place, in print order.
struct PlanEntry {
  std::string caption;   // text under the logo
  std::string district;  // group label for order: district ("" otherwise)
  double ink_width = 1;  // trimmed artwork size in any unit; only the ratio matters
  double ink_height = 1;
};

// A block of set text: lines, the font and size they were set in, the box they occupy.
struct TextBlock {
  std::vector<std::string> lines;
  std::string font;  // Pango description without size
  double size = 0;   // pt
  Rect box;
  double first_baseline = 0;  // y of the first line's baseline
  double line_height = 0;
  enum class Align { left, center, right } align = Align::center;
};

struct Placement {
  std::size_t entry = 0;  // index into the entries handed to plan_pages
  Rect cell;
  Rect logo_area;  // cell minus caption, gap and padding
  Rect logo;       // where the trimmed artwork's ink box lands
  TextBlock caption;
  bool caption_overflow = false;  // shrunk below the layout's size, or still did not fit
};

struct PagePlan {
  int index = 0;      // 0-based position in the document
  int number = 0;     // printed page number (layout.page_numbers.first + index)
  bool recto = true;  // odd printed number: inside margin on the left
  std::vector<Placement> placements;
  std::optional<TextBlock> heading;
  // order: district. A heading always has its group's first row below it on the same page;
  // a group continued from the previous page repeats it as "<district> (Fortsetzung)".
  std::vector<TextBlock> district_headings;
  std::optional<TextBlock> page_number;
};

struct Plan {
  Layout::Page page;  // trim size, bleed, marks
  int columns = 0;    // the grid used, `auto` resolved
  int rows = 0;
  // Set when grid.pages cannot hold every entry (at the minimum logo size, for an auto
  // grid): how many entries fit on the allowed pages. The plan still places every entry,
  // on as many pages as it takes, so that a proof shows them all.
  std::optional<std::size_t> overflow_fit;
  std::vector<PagePlan> pages;
};

// Heading text after replacing {title}.
std::string heading_text(const Layout& layout, const std::string& title);

// Lays out all entries: an `auto` grid is chosen for these entries (the largest logo area
// within the page limit, see SPEC), `balance: pages` spreads them evenly over the pages
// they need, `align` places the rows of a page that is not full. Adds `caption-overflow` warnings
// (file/position are filled by the caller, who knows the entry's source; here they carry the entry
// index in `participant` via the callback below).
struct CaptionOverflow {
  std::size_t entry;
  double size;  // pt it was finally set in
};
Plan plan_pages(const Layout& layout, const std::string& title,
                const std::vector<PlanEntry>& entries, TextMeasure& measure,
                std::vector<CaptionOverflow>* overflows = nullptr);

// The logo rectangle for artwork of ink size (w, h) in a logo area, per layout.logo.fit:
// contain, or balanced (equal visual area, a square of side base × min(W, H), clamped).
Rect fit_logo(const Layout::Logo& logo, const Rect& logo_area, double ink_width, double ink_height);

// The logo area every cell gets when these entries are planned (same size on every page),
// positioned at the origin; used to compute effective ppi before the full plan exists.
// Only the entries' count and districts matter.
Size logo_area_size(const Layout& layout, TextMeasure& measure,
                    const std::vector<PlanEntry>& entries);

}  // namespace logogrid

// Layout: the page design a build follows (page size, bleed, margins, grid, logo fitting,
// captions, page numbers). All lengths are in PDF points. Loaded from layouts/*.yaml or
// the built-in default, which equals layouts/rahmenstrategie-a4.yaml.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "color/icc_profile.hpp"
#include "diag/diagnostic.hpp"

namespace logogrid {

constexpr double kPointsPerMm = 72.0 / 25.4;

struct Layout {
  enum class Marks { none, crop };
  enum class Order { name, district };
  enum class LastRow { left, center };
  enum class Fit { contain, balanced };
  enum class PageNumberPosition { none, center, outside };
  enum class Balance { none, pages };
  enum class Align { top, center, spread };
  static constexpr int kAuto = 0;  // grid.columns / grid.rows: chosen by the planner

  struct Page {
    double width = 210.0 * kPointsPerMm;  // trim size after orientation
    double height = 297.0 * kPointsPerMm;
    double bleed = 3.0 * kPointsPerMm;
    Marks marks = Marks::none;
  } page;
  struct Margins {
    double top = 30.0 * kPointsPerMm;
    double bottom = 25.0 * kPointsPerMm;
    double inside = 20.0 * kPointsPerMm;
    double outside = 20.0 * kPointsPerMm;
  } margins;
  struct Heading {
    std::string text = "{title}";
    std::string font = "DejaVu Sans Bold 18";
    bool first_page_only = true;
  } heading;
  struct Grid {
    int columns = 4;  // or kAuto
    int rows = 6;     // per page, or kAuto
    int pages = 0;    // most pages the grid may fill (1 for a poster); 0 = no limit
    // Auto grids: the cell shape (width : height) the choice aims for, the most columns,
    // and the smallest logo area (height, and width) worth printing.
    double cell_aspect = 1.2;
    int max_columns = 12;
    double min_logo_height = 20.0 * kPointsPerMm;
    double gutter = 6.0 * kPointsPerMm;
    Order order = Order::name;
    LastRow last_row = LastRow::center;
    Balance balance = Balance::pages;  // spread the entries evenly over the pages needed
    Align align = Align::top;          // rows of a page that is not full
    Position position;                 // where `grid:` stood, for layout-overflow
  } grid;
  struct DistrictHeading {  // order: district only
    std::string font = "DejaVu Sans Bold 10";
  } district_heading;
  struct Logo {
    Fit fit = Fit::balanced;
    double base = 0.75;
    bool trim = true;
    double padding = 2.0 * kPointsPerMm;
    double render_time_limit = 20;      // s per SVG logo in the renderer (svg_worker.hpp)
    double render_memory_limit = 2048;  // MiB per SVG renderer process
  } logo;
  struct Caption {
    std::string font = "DejaVu Sans 8";
    double gap = 2.0 * kPointsPerMm;
    int max_lines = 2;
  } caption;
  struct PageNumbers {
    int first = 1;
    PageNumberPosition position = PageNumberPosition::outside;
    std::string font = "DejaVu Sans 7";
  } page_numbers;
  struct Pdf {
    enum class Standard { x4, none };  // PDF/X-4 for print, or a plain PDF for screens
    enum class Color { rgb_managed, cmyk };
    enum class LogoBlack { k, rich };  // cmyk: pure black logo parts as 100 % K or converted
    std::string title = "Rahmenstrategie \u2013 Mitmacherkommunen";
    std::string author = "Smart Cities S\u00fcdwestfalen";
    Standard standard = Standard::x4;
    Color color = Color::rgb_managed;
    LogoBlack logo_black = LogoBlack::k;
    // The printing condition (checked when loaded); never null.
    std::shared_ptr<const OutputIntent> output_intent = shipped_output_intent();
  } pdf;

  // `fonts:` expanded to font files (folders listed, sorted), in the order given; they are
  // registered for the run before any system font (text/layout_fonts.hpp).
  struct FontFile {
    std::string path;  // as the run opens it (relative to the layout's folder resolved)
    Position pos;      // the list item that named it
  };
  std::vector<FontFile> fonts;

  std::string source;  // file the layout came from, as named by the user; "" = built-in
  std::map<std::string, Position> font_positions;  // where each named font stood in source
};

// The built-in default layout (identical to layouts/rahmenstrategie-a4.yaml).
Layout default_layout();

// Loads a layout file. Problems are `layout-invalid` diagnostics at their line and column;
// the returned layout is only meaningful when no error was added. Throws FatalError when
// the file cannot be read at all.
Layout load_layout(const std::string& path, Diagnostics& diagnostics);

// Parses a length with unit ("3mm", "2.5 pt", "1in", "0.5cm") into points.
// Returns false for a bare number, an unknown unit or a malformed value.
bool parse_length(const std::string& text, double& points);

}  // namespace logogrid

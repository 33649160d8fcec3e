// Layout: the page design a build follows (page size, bleed, margins, grid, logo fitting,
// captions, page numbers). All lengths are in PDF points. Loaded from layouts/*.yaml or
// the built-in default, which equals layouts/rahmenstrategie-a4.yaml.
#pragma once

#include <map>
#include <string>

#include "diag/diagnostic.hpp"

namespace logogrid {

constexpr double kPointsPerMm = 72.0 / 25.4;

struct Layout {
  enum class Marks { none, crop };
  enum class Order { name, district };
  enum class LastRow { left, center };
  enum class Fit { contain, balanced };
  enum class PageNumberPosition { none, center, outside };

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
    int columns = 4;
    int rows = 6;
    double gutter = 6.0 * kPointsPerMm;
    Order order = Order::name;
    LastRow last_row = LastRow::center;
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
    std::string title = "Rahmenstrategie \u2013 Mitmacherkommunen";
    std::string author = "Smart Cities S\u00fcdwestfalen";
  } pdf;

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

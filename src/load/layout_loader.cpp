// Loads layouts/*.yaml. Keys left out keep the built-in default; every problem is a
// `layout-invalid` diagnostic at the offending node.
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "load/layout.hpp"
#include "load/read_file.hpp"
#include "load/schema.hpp"
#include "load/yaml_tree.hpp"

namespace logogrid {
namespace {

constexpr std::size_t kMaxLayoutBytes = 1024u * 1024u;

class LayoutReader {
 public:
  LayoutReader(const std::string& file, Diagnostics& diagnostics)
      : schema_(file, kLayoutCodes, diagnostics) {}

  Schema& schema() { return schema_; }

  void invalid(Position pos, const std::string& message, std::vector<std::string> hints = {}) {
    schema_.diagnostics().error("layout-invalid", schema_.file(), pos, message, std::move(hints));
  }

  // Returns the section mapping, or nullptr when absent or not a mapping.
  const YamlNode* section(const YamlNode& root, const std::string& key,
                          const std::vector<std::string>& known) {
    const YamlNode* node = Schema::find(root, key);
    if (!node || node->is_null()) return nullptr;
    return schema_.check_mapping(*node, known, "`" + key + "`") ? node : nullptr;
  }

  void length(const YamlNode& map, const std::string& key, double& out, double min, double max) {
    const Located v = schema_.scalar(map, key);
    if (!v.present) return;
    double points = 0;
    if (!parse_length(v.text, points)) {
      invalid(v.pos, fmt::format("`{}: {}` is not a length with a unit", key, v.text),
              {"write a number with mm, cm, pt or in, e.g. \"3mm\""});
      return;
    }
    if (points < min || points > max) {
      invalid(v.pos, fmt::format("`{}: {}` is out of range ({:.1f} to {:.1f} mm)", key, v.text,
                                 min / kPointsPerMm, max / kPointsPerMm));
      return;
    }
    out = points;
  }

  void integer(const YamlNode& map, const std::string& key, int& out, int min, int max) {
    const Located v = schema_.scalar(map, key);
    if (!v.present) return;
    char* end = nullptr;
    const long value = std::strtol(v.text.c_str(), &end, 10);
    if (v.text.empty() || *end != '\0' || value < min || value > max) {
      invalid(v.pos,
              fmt::format("`{}: {}` must be a whole number from {} to {}", key, v.text, min, max));
      return;
    }
    out = static_cast<int>(value);
  }

  // A whole number, or `auto` (Layout::kAuto).
  void count_or_auto(const YamlNode& map, const std::string& key, int& out, int min, int max) {
    const Located v = schema_.scalar(map, key);
    if (v.present && v.text == "auto") {
      out = Layout::kAuto;
      return;
    }
    integer(map, key, out, min, max);
  }

  void number(const YamlNode& map, const std::string& key, double& out, double min, double max) {
    const Located v = schema_.scalar(map, key);
    if (!v.present) return;
    char* end = nullptr;
    const double value = std::strtod(v.text.c_str(), &end);
    if (v.text.empty() || *end != '\0' || !std::isfinite(value) || value < min || value > max) {
      invalid(v.pos, fmt::format("`{}: {}` must be a number from {} to {}", key, v.text, min, max));
      return;
    }
    out = value;
  }

  void boolean(const YamlNode& map, const std::string& key, bool& out) {
    const Located v = schema_.scalar(map, key);
    if (!v.present) return;
    if (v.text == "true") {
      out = true;
    } else if (v.text == "false") {
      out = false;
    } else {
      invalid(v.pos, fmt::format("`{}: {}` must be true or false", key, v.text));
    }
  }

  template <typename E>
  void choice(const YamlNode& map, const std::string& key, E& out,
              const std::vector<std::pair<std::string, E>>& options) {
    const Located v = schema_.scalar(map, key);
    if (!v.present) return;
    std::vector<std::string> names;
    for (const auto& [name, value] : options) {
      if (name == v.text) {
        out = value;
        return;
      }
      names.push_back(name);
    }
    invalid(v.pos, fmt::format("`{}: {}` is not one of: {}", key, v.text, fmt::join(names, ", ")));
  }

  void text(const YamlNode& map, const std::string& key, std::string& out) {
    const Located v = schema_.scalar(map, key);
    if (v.present) out = v.text;
  }

  void font(const YamlNode& map, const std::string& key, std::string& out) {
    const Located v = schema_.scalar(map, key);
    if (!v.present) return;
    const auto space = v.text.find_last_of(' ');
    char* end = nullptr;
    const std::string size = space == std::string::npos ? "" : v.text.substr(space + 1);
    const double pt = std::strtod(size.c_str(), &end);
    if (size.empty() || *end != '\0' || pt < 4 || pt > 200) {
      invalid(v.pos,
              fmt::format("font `{}` must name a family and end with a size in pt "
                          "from 4 to 200",
                          v.text),
              {"e.g. \"DejaVu Sans Bold 18\""});
      return;
    }
    out = v.text;
    fonts_.emplace_back(v.text, v.pos);
  }

  // Every font the file names, with where it stood (for font-missing).
  std::vector<std::pair<std::string, Position>> fonts_;

 private:
  Schema schema_;
};

double font_size(const std::string& font) {
  const auto space = font.find_last_of(' ');
  return space == std::string::npos ? 10.0 : std::strtod(font.c_str() + space + 1, nullptr);
}

void read_page(LayoutReader& r, const YamlNode& root, Layout& layout) {
  const YamlNode* page = r.section(root, "page", {"size", "orientation", "bleed", "marks"});
  if (!page) return;
  double width = 210 * kPointsPerMm;
  double height = 297 * kPointsPerMm;
  if (const YamlNode* size = Schema::find(*page, "size"); size && !size->is_null()) {
    if (size->is_scalar()) {
      if (size->text == "A3") {
        width = 297 * kPointsPerMm;
        height = 420 * kPointsPerMm;
      } else if (size->text == "A5") {
        width = 148 * kPointsPerMm;
        height = 210 * kPointsPerMm;
      } else if (size->text != "A4") {
        r.invalid(size->pos,
                  fmt::format("page size `{}` is not A3, A4, A5 or [width, height]", size->text),
                  {"e.g. size: [210mm, 297mm]"});
      }
    } else if (size->is_sequence() && size->items.size() == 2 && size->items[0].is_scalar() &&
               size->items[1].is_scalar()) {
      double w = 0;
      double h = 0;
      if (!parse_length(size->items[0].text, w) || !parse_length(size->items[1].text, h) ||
          w < 50 * kPointsPerMm || h < 50 * kPointsPerMm || w > 2000 * kPointsPerMm ||
          h > 2000 * kPointsPerMm) {
        r.invalid(size->pos, "page size must be two lengths from 50mm to 2000mm",
                  {"e.g. size: [210mm, 297mm]"});
      } else {
        width = w;
        height = h;
      }
    } else {
      r.invalid(size->pos, "page size must be A3, A4, A5 or a list [width, height]");
    }
  }
  bool landscape = false;
  r.choice<bool>(*page, "orientation", landscape, {{"portrait", false}, {"landscape", true}});
  layout.page.width = landscape ? std::max(width, height) : std::min(width, height);
  layout.page.height = landscape ? std::min(width, height) : std::max(width, height);
  r.length(*page, "bleed", layout.page.bleed, 0, 20 * kPointsPerMm);
  r.choice<Layout::Marks>(*page, "marks", layout.page.marks,
                          {{"none", Layout::Marks::none}, {"crop", Layout::Marks::crop}});
}

constexpr std::size_t kMaxProfileBytes = 16u * 1024u * 1024u;

// pdf.output_intent: {profile, condition, info}. The profile is relative to the layout
// file; a problem with it is `output-profile-invalid` at the profile's value.
void read_output_intent(LayoutReader& r, const YamlNode& pdf, Layout& layout) {
  const YamlNode* intent = r.section(pdf, "output_intent", {"profile", "condition", "info"});
  if (!intent) return;
  std::string condition;
  std::string info;
  r.text(*intent, "condition", condition);
  r.text(*intent, "info", info);
  const Located profile = r.schema().scalar(*intent, "profile");
  if (!profile.present) {
    if (condition.empty() && info.empty()) return;
    // The shipped profile under another name would be a lie about the condition.
    r.invalid(intent->pos, "`output_intent` names a condition but no `profile` file",
              {"add `profile: FILE` (an ICC output profile for CMYK), or drop `output_intent` "
               "for the shipped FOGRA39"});
    return;
  }
  const std::filesystem::path folder = std::filesystem::path(r.schema().file()).parent_path();
  const std::filesystem::path path = folder / profile.text;
  const auto bad = [&](const std::string& why) {
    r.schema().diagnostics().error(
        "output-profile-invalid", r.schema().file(), profile.pos,
        fmt::format("output profile `{}` cannot be used: {}", profile.text, why),
        {"name an ICC output profile for CMYK (e.g. PSOcoated_v3.icc for FOGRA51), relative "
         "to the layout file",
         "or leave `output_intent` out for the shipped FOGRA39 (ISO Coated v2)"});
  };
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    bad(std::filesystem::exists(path, ec) ? "it is not a file" : "the file does not exist");
    return;
  }
  if (std::filesystem::file_size(path, ec) > kMaxProfileBytes) {
    bad("it is larger than 16 MiB");
    return;
  }
  std::ifstream in(path, std::ios::binary);
  std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.good() && !in.eof()) {
    bad("the file cannot be read");
    return;
  }
  if (const std::string problem = output_profile_problem(bytes); !problem.empty()) {
    bad(problem);
    return;
  }
  layout.pdf.output_intent =
      make_output_intent(std::move(bytes), std::move(condition), std::move(info));
}

void read_sections(LayoutReader& r, const YamlNode& root, Layout& layout) {
  const double big = 500 * kPointsPerMm;
  if (auto m = r.section(root, "margins", {"top", "bottom", "inside", "outside"})) {
    r.length(*m, "top", layout.margins.top, 0, big);
    r.length(*m, "bottom", layout.margins.bottom, 0, big);
    r.length(*m, "inside", layout.margins.inside, 0, big);
    r.length(*m, "outside", layout.margins.outside, 0, big);
  }
  if (auto h = r.section(root, "heading", {"text", "font", "first_page_only"})) {
    r.text(*h, "text", layout.heading.text);
    r.font(*h, "font", layout.heading.font);
    r.boolean(*h, "first_page_only", layout.heading.first_page_only);
  }
  if (auto g = r.section(root, "grid",
                         {"columns", "rows", "pages", "cell_aspect", "max_columns",
                          "min_logo_height", "gutter", "order", "last_row", "balance", "align"})) {
    layout.grid.position = g->pos;
    r.count_or_auto(*g, "columns", layout.grid.columns, 1, 40);
    r.count_or_auto(*g, "rows", layout.grid.rows, 1, 40);
    r.integer(*g, "pages", layout.grid.pages, 1, 10000);
    r.number(*g, "cell_aspect", layout.grid.cell_aspect, 0.2, 5);
    r.integer(*g, "max_columns", layout.grid.max_columns, 1, 40);
    r.length(*g, "min_logo_height", layout.grid.min_logo_height, 1 * kPointsPerMm,
             500 * kPointsPerMm);
    r.length(*g, "gutter", layout.grid.gutter, 0, 100 * kPointsPerMm);
    r.choice<Layout::Balance>(*g, "balance", layout.grid.balance,
                              {{"pages", Layout::Balance::pages}, {"none", Layout::Balance::none}});
    r.choice<Layout::Align>(*g, "align", layout.grid.align,
                            {{"top", Layout::Align::top},
                             {"center", Layout::Align::center},
                             {"spread", Layout::Align::spread}});
    r.choice<Layout::Order>(*g, "order", layout.grid.order,
                            {{"name", Layout::Order::name}, {"district", Layout::Order::district}});
    r.choice<Layout::LastRow>(
        *g, "last_row", layout.grid.last_row,
        {{"left", Layout::LastRow::left}, {"center", Layout::LastRow::center}});
  }
  if (auto d = r.section(root, "district_heading", {"font"}))
    r.font(*d, "font", layout.district_heading.font);
  if (auto l = r.section(
          root, "logo",
          {"fit", "base", "trim", "padding", "render_time_limit", "render_memory_limit"})) {
    r.choice<Layout::Fit>(*l, "fit", layout.logo.fit,
                          {{"contain", Layout::Fit::contain}, {"balanced", Layout::Fit::balanced}});
    r.number(*l, "base", layout.logo.base, 0.05, 1.0);
    r.boolean(*l, "trim", layout.logo.trim);
    r.length(*l, "padding", layout.logo.padding, 0, 50 * kPointsPerMm);
    r.number(*l, "render_time_limit", layout.logo.render_time_limit, 1, 3600);
    r.number(*l, "render_memory_limit", layout.logo.render_memory_limit, 256, 1 << 20);
  }
  if (auto c = r.section(root, "caption", {"font", "gap", "max_lines"})) {
    r.font(*c, "font", layout.caption.font);
    r.length(*c, "gap", layout.caption.gap, 0, 50 * kPointsPerMm);
    r.integer(*c, "max_lines", layout.caption.max_lines, 1, 6);
  }
  if (auto n = r.section(root, "page_numbers", {"first", "position", "font"})) {
    r.integer(*n, "first", layout.page_numbers.first, 0, 100000);
    r.choice<Layout::PageNumberPosition>(*n, "position", layout.page_numbers.position,
                                         {{"none", Layout::PageNumberPosition::none},
                                          {"center", Layout::PageNumberPosition::center},
                                          {"outside", Layout::PageNumberPosition::outside}});
    r.font(*n, "font", layout.page_numbers.font);
  }
  if (auto p = r.section(root, "pdf",
                         {"title", "author", "standard", "color", "logo_black", "output_intent"})) {
    r.text(*p, "title", layout.pdf.title);
    r.text(*p, "author", layout.pdf.author);
    using Pdf = Layout::Pdf;
    r.choice<Pdf::Standard>(*p, "standard", layout.pdf.standard,
                            {{"x4", Pdf::Standard::x4}, {"none", Pdf::Standard::none}});
    r.choice<Pdf::Color>(*p, "color", layout.pdf.color,
                         {{"rgb-managed", Pdf::Color::rgb_managed}, {"cmyk", Pdf::Color::cmyk}});
    r.choice<Pdf::LogoBlack>(*p, "logo_black", layout.pdf.logo_black,
                             {{"k", Pdf::LogoBlack::k}, {"rich", Pdf::LogoBlack::rich}});
    read_output_intent(r, *p, layout);
  }
}

bool is_font_file(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".otf" || ext == ".ttf" || ext == ".otc" || ext == ".ttc";
}

// `fonts:` names files or folders relative to the layout file; a folder stands for the
// OTF/TTF files directly in it, in name order (so the registration order is fixed).
void read_fonts(LayoutReader& r, const YamlNode& root, const std::string& layout_path,
                Layout& layout) {
  const YamlNode* list = Schema::find(root, "fonts");
  if (!list || list->is_null()) return;
  if (!list->is_sequence()) {
    r.invalid(list->pos, "`fonts` must be a list of font files or folders",
              {"e.g. fonts: [../fonts/lato]"});
    return;
  }
  const std::filesystem::path base = std::filesystem::path(layout_path).parent_path();
  for (const YamlNode& item : list->items) {
    if (!item.is_scalar() || item.text.empty()) {
      r.invalid(item.pos, "each entry of `fonts` must be a path to a font file or folder");
      continue;
    }
    const std::filesystem::path path = (base / item.text).lexically_normal();
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      std::vector<std::string> found;
      for (std::filesystem::directory_iterator it(path, ec), end; !ec && it != end;
           it.increment(ec)) {
        if (it->is_regular_file(ec) && is_font_file(it->path()))
          found.push_back(it->path().string());
      }
      std::sort(found.begin(), found.end());
      if (found.empty()) {
        r.invalid(item.pos, fmt::format("font folder `{}` holds no OTF or TTF file", item.text));
      }
      for (std::string& file : found) layout.fonts.push_back({std::move(file), item.pos});
    } else if (std::filesystem::is_regular_file(path, ec)) {
      layout.fonts.push_back({path.string(), item.pos});
    } else {
      r.invalid(
          item.pos,
          fmt::format("font file or folder `{}` does not exist ({})", item.text, path.string()),
          {"paths in `fonts` are relative to the layout file"});
    }
  }
}

// Geometry that cannot work: margins wider than the page, cells smaller than their caption.
void check_geometry(LayoutReader& r, const YamlNode& root, const Layout& layout) {
  const auto pos_of = [&](const char* section) {
    const YamlNode* node = Schema::find(root, section);
    return node ? node->pos : root.pos;
  };
  const double area_w = layout.page.width - layout.margins.inside - layout.margins.outside;
  const double area_h = layout.page.height - layout.margins.top - layout.margins.bottom;
  if (area_w < 20 * kPointsPerMm || area_h < 20 * kPointsPerMm) {
    r.invalid(pos_of("margins"),
              fmt::format("margins leave {:.1f} × {:.1f} mm of a {:.1f} × {:.1f} mm page for "
                          "the grid",
                          area_w / kPointsPerMm, area_h / kPointsPerMm,
                          layout.page.width / kPointsPerMm, layout.page.height / kPointsPerMm),
              {"make the margins smaller or the page larger"});
    return;
  }
  // An auto dimension is the planner's to choose (it reports layout-overflow); a fixed one
  // is checked as written, the other taken at its smallest (one cell).
  const int columns = std::max(1, layout.grid.columns);
  const int rows = std::max(1, layout.grid.rows);
  const double cell_w = (area_w - (columns - 1) * layout.grid.gutter) / columns;
  const double cell_h = (area_h - (rows - 1) * layout.grid.gutter) / rows;
  const double caption_h = layout.caption.max_lines * 1.2 * font_size(layout.caption.font);
  const double needed_h =
      caption_h + layout.caption.gap + 2 * layout.logo.padding + 5 * kPointsPerMm;
  const double needed_w = 2 * layout.logo.padding + 5 * kPointsPerMm;
  if (cell_w < needed_w || cell_h < needed_h) {
    r.invalid(
        pos_of("grid"),
        fmt::format("cells are {:.1f} × {:.1f} mm, too small for a logo of at least 5 mm "
                    "above its caption ({} lines), gap and padding (needs {:.1f} × {:.1f} mm)",
                    cell_w / kPointsPerMm, cell_h / kPointsPerMm, layout.caption.max_lines,
                    needed_w / kPointsPerMm, needed_h / kPointsPerMm),
        {"use fewer columns or rows, a smaller gutter, caption or padding"});
  }
}

}  // namespace

bool parse_length(const std::string& text, double& points) {
  std::size_t i = 0;
  while (i < text.size() && text[i] == ' ') ++i;
  const std::size_t start = i;
  bool digits = false;
  while (i < text.size() && ((text[i] >= '0' && text[i] <= '9') || text[i] == '.')) {
    digits = digits || text[i] != '.';
    ++i;
  }
  if (!digits) return false;
  const double value = std::strtod(text.substr(start, i - start).c_str(), nullptr);
  while (i < text.size() && text[i] == ' ') ++i;
  std::string unit = text.substr(i);
  while (!unit.empty() && unit.back() == ' ') unit.pop_back();
  double factor = 0;
  if (unit == "mm")
    factor = kPointsPerMm;
  else if (unit == "cm")
    factor = 10 * kPointsPerMm;
  else if (unit == "pt")
    factor = 1;
  else if (unit == "in")
    factor = 72;
  else
    return false;
  points = value * factor;
  return std::isfinite(points);
}

Layout load_layout(const std::string& path, Diagnostics& diagnostics) {
  Layout layout = default_layout();
  layout.source = path;
  const std::string text = read_input_file(path, "layout file", kMaxLayoutBytes);
  YamlParse parsed = parse_yaml(text);
  LayoutReader r(path, diagnostics);
  if (parsed.error) {
    r.invalid(parsed.error->pos.line ? parsed.error->pos : Position{1, 1},
              fmt::format("the layout is not valid YAML: {}", parsed.error->message));
    return layout;
  }
  if (!parsed.root || parsed.root->is_null()) return layout;  // empty: all defaults
  const YamlNode& root = *parsed.root;
  if (!r.schema().check_mapping(root,
                                {"page", "margins", "heading", "grid", "district_heading", "logo",
                                 "caption", "page_numbers", "pdf", "fonts"},
                                "the layout"))
    return layout;
  const int errors_before = diagnostics.errors();
  read_page(r, root, layout);
  read_sections(r, root, layout);
  read_fonts(r, root, path, layout);
  if (diagnostics.errors() == errors_before) check_geometry(r, root, layout);
  for (const auto& [font, pos] : r.fonts_) layout.font_positions[font] = pos;
  return layout;
}

}  // namespace logogrid

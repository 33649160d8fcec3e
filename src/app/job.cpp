// Loading, validation and logo resolution shared by every subcommand.
#include "app/job.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <exception>
#include <filesystem>
#include <system_error>
#include <thread>

#include "app/glyph_check.hpp"
#include "app/installed_files.hpp"
#include "app/parallel_for.hpp"
#include "plan/plan.hpp"
#include "plan/print_order.hpp"
#include "resolve/svg_logo.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

constexpr double kPrintPpi = 300;
constexpr double kMinimumPpi = 150;

void load_job_layout(const JobOptions& options, Job& job) {
  job.layout_file = layout_file_for(options, job.model.folder, job.model.layout);
  job.layout =
      job.layout_file.empty() ? default_layout() : load_layout(job.layout_file, job.diagnostics);
}

// The layout's `fonts:`, registered before any font is checked or text measured.
void register_layout_fonts(Job& job) {
  if (job.layout.fonts.empty()) return;
  std::vector<std::string> files;
  for (const Layout::FontFile& font : job.layout.fonts) files.push_back(font.path);
  std::vector<std::string> unreadable;
  job.fonts = std::make_shared<LayoutFonts>(files, unreadable);
  for (const std::string& file : unreadable) {
    const auto font = std::find_if(job.layout.fonts.begin(), job.layout.fonts.end(),
                                   [&](const Layout::FontFile& f) { return f.path == file; });
    job.diagnostics.error("layout-invalid", job.layout_file, font->pos,
                          fmt::format("`{}` is not a font file fontconfig can read", file),
                          {"list OpenType or TrueType files (.otf, .ttf) or folders of them"});
  }
}

void check_fonts(const Job& job, Diagnostics& out) {
  const Layout& l = job.layout;
  std::vector<std::string> fonts{l.heading.font, l.caption.font, l.page_numbers.font};
  if (l.grid.order == Layout::Order::district) fonts.push_back(l.district_heading.font);
  std::sort(fonts.begin(), fonts.end());
  fonts.erase(std::unique(fonts.begin(), fonts.end()), fonts.end());
  const std::string file = job.layout_file.empty() ? "<built-in layout>" : job.layout_file;
  for (const auto& font : fonts) {
    const FontMatch match = match_font(font);
    if (match.family_found && match.face_found) continue;
    const auto where = l.font_positions.find(font);
    const Position pos = where == l.font_positions.end() ? Position{} : where->second;
    if (!match.family_found) {
      out.error("font-missing", file, pos,
                fmt::format("font `{}` is not installed (the system would substitute {})", font,
                            match.family.empty() ? "another font" : match.family),
                {"install the font, list its files under `fonts:` in the layout, or name an "
                 "installed one; `fc-list : family` lists them"});
    } else {
      out.error("font-missing", file, pos,
                fmt::format("font `{}`: {} has no face in that weight and style; it would be "
                            "imitated with {} ({})",
                            font, match.family, match.face.empty() ? "another face" : match.face,
                            match.file),
                {"list the font file of that face under `fonts:` in the layout, or ask for a "
                 "weight and style the family has"});
    }
  }
}

// The order logos are handed to the workers: largest file first, so that a big logo does
// not start last and leave the other cores idle at the end (a missing file counts as 0).
std::vector<std::size_t> largest_first(const Model& model) {
  std::vector<std::uintmax_t> size(model.participants.size(), 0);
  for (const Participant& p : model.participants) {
    if (p.logo_path.empty()) continue;
    std::error_code ec;
    const auto bytes =
        std::filesystem::file_size(std::filesystem::path(model.folder) / p.logo_path, ec);
    if (!ec) size[p.index] = bytes;
  }
  std::vector<std::size_t> order(model.participants.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return size[model.participants[a].index] > size[model.participants[b].index];
  });
  return order;
}

SvgLimits svg_limits(const Layout& layout) {
  return SvgLimits{layout.logo.render_time_limit, layout.logo.render_memory_limit};
}

// Logos are independent: resolved on all workers, each into its own slot and its own
// diagnostics, which are then merged in participant order (the same for any thread count
// and any order of work).
void resolve_logos(Job& job, const JobOptions& options, const std::optional<Size>& area) {
  auto& participants = job.model.participants;
  job.logos.resize(participants.size());
  std::vector<Diagnostics> found(participants.size());
  const std::size_t logo_count = static_cast<std::size_t>(
      std::count_if(participants.begin(), participants.end(),
                    [](const Participant& p) { return !p.logo_path.empty(); }));
  // With the logo area known, ink is measured just as precisely as it will print, the same
  // in check and build.
  const int ink_side = area ? svg_ink_side_for(std::max(area->w, area->h)) : 0;
  const std::vector<std::size_t> order = largest_first(job.model);
  parallel_for(order.size(), worker_count(options.threads), [&](std::size_t k) {
    const std::size_t i = order[k];
    const Participant& p = participants[i];
    if (p.logo_path.empty()) return;
    LogoRequest request{job.model.folder,
                        p.logo_path,
                        job.model.file,
                        p.logo_pos,
                        p.name,
                        p.status == Status::excluded,
                        ink_side,
                        svg_limits(job.layout),
                        options.svg_documents};
    // Without the logo area the job goes no further than the check.
    request.png_print_image = area.has_value() && !options.check_only;
    request.content_hash = !options.check_only;
    request.svg_ink_box = !options.check_only;
    job.logos[p.index] = resolve_logo(request, found[i], options.facts);
    LogoReport report(request, found[i]);
    if (job.logos[p.index] && area && options.after_resolve &&
        !options.after_resolve(*job.logos[p.index],
                               JobOptions::Resolved{job.layout, *area, logo_count, report}))
      job.logos[p.index].reset();
  });
  for (std::size_t i = 0; i < participants.size(); ++i) {
    auto& p = participants[i];
    job.diagnostics.append(found[i]);
    if (!p.logo_path.empty() && !job.logos[p.index] && p.status == Status::included)
      mark_invalid(p);
  }
}

// The entries `selected` in print order (German collation, or grouped by district), with
// their logos' ink sizes where resolved.
PagedJob print_entries(const Job& job, bool (*selected)(const Participant&),
                       std::vector<PlanEntry>& entries) {
  std::vector<std::size_t> chosen;
  std::vector<std::string> names;
  std::vector<std::string> districts;
  for (const auto& p : job.model.participants) {
    if (!selected(p)) continue;
    chosen.push_back(p.index);
    names.push_back(p.name);  // SPEC: sorted by name (DIN 5007-1), not by caption
    districts.push_back(p.district);
  }
  std::vector<std::string> district_order;
  for (const auto& m : Register::builtin().municipalities())
    if (district_order.empty() || district_order.back() != m.district)
      district_order.push_back(m.district);
  const std::vector<std::size_t> order = job.layout.grid.order == Layout::Order::district
                                             ? order_by_district(names, districts, district_order)
                                             : order_by_name(names);
  PagedJob paged;
  for (std::size_t k : order) {
    const Participant& p = job.model.participants[chosen[k]];
    PlanEntry entry{p.caption, p.district, 1, 1};
    if (p.index < job.logos.size()) {
      if (const auto& logo = job.logos[p.index]) {
        entry.ink_width = job.layout.logo.trim ? logo->ink.width : logo->width;
        entry.ink_height = job.layout.logo.trim ? logo->ink.height : logo->height;
      }
    }
    entries.push_back(entry);
    paged.participant_of_entry.push_back(p.index);
  }
  return paged;
}

// The logo area of the cells the included entries will be printed in (an auto grid
// depends on how many there are).
Size included_logo_area(const Job& job, TextMeasure& measure) {
  std::vector<PlanEntry> entries;
  print_entries(job, is_included, entries);
  return logo_area_size(job.layout, measure, entries);
}

void report_low_resolution(Job& job, Participant& p, double ppi, double placed_width_pt,
                           const std::string& what) {
  const bool error = ppi < kMinimumPpi && p.status != Status::excluded;
  const double needed_px = std::ceil(placed_width_pt / 72.0 * kPrintPpi);
  job.diagnostics.add(
      error ? Severity::error : Severity::warning, "logo-low-resolution", job.model.file,
      p.logo_pos,
      fmt::format("{}, which prints at {:.0f} ppi at its placed width of {:.1f} mm", what, ppi,
                  placed_width_pt / kPointsPerMm),
      {fmt::format("supply at least {:.0f} px across the artwork, or an SVG", needed_px)}, p.name);
  if (error) mark_invalid(p);
}

// Rasters embedded in an SVG follow the PNG rule at the size they print at.
void check_embedded_resolution(Job& job, Participant& p, const Logo& logo, double pt_per_unit) {
  for (const EmbeddedRaster& raster : logo.embedded_rasters) {
    const double placed_w = raster.width * pt_per_unit;
    if (!(placed_w > 0)) continue;
    const double ppi = raster.pixel_width / (placed_w / 72.0);
    if (ppi >= kPrintPpi) continue;
    report_low_resolution(
        job, p, ppi, placed_w,
        fmt::format("{}: the image embedded at line {} of the SVG is {}×{} px", p.logo_path,
                    raster.line, raster.pixel_width, raster.pixel_height));
  }
}

void check_resolution(Job& job, const Size& area) {
  job.ppi.resize(job.model.participants.size());
  for (auto& p : job.model.participants) {
    const auto& logo = job.logos[p.index];
    if (!logo) continue;
    const double ink_w = job.layout.logo.trim ? logo->ink.width : logo->width;
    const double ink_h = job.layout.logo.trim ? logo->ink.height : logo->height;
    const Rect placed = fit_logo(job.layout.logo, Rect{0, 0, area.w, area.h}, ink_w, ink_h);
    if (logo->format == LogoFormat::svg) {
      check_embedded_resolution(job, p, *logo, placed.w / ink_w);
      continue;
    }
    const double ppi = effective_ppi(*logo, placed.w);
    job.ppi[p.index] = ppi;
    if (ppi >= kPrintPpi) continue;
    report_low_resolution(
        job, p, ppi, placed.w,
        fmt::format("{} is {}×{} px", p.logo_path, logo->pixel_width, logo->pixel_height));
  }
}

// layout-overflow: the page limit cannot hold the entries (once per job).
void report_overflow(Job& job, const Plan& plan, std::size_t entries) {
  const auto& items = job.diagnostics.items();
  if (std::any_of(items.begin(), items.end(),
                  [](const Diagnostic& d) { return d.code == "layout-overflow"; }))
    return;
  const Layout::Grid& grid = job.layout.grid;
  const bool auto_grid = grid.columns == Layout::kAuto || grid.rows == Layout::kAuto;
  const std::string pages = grid.pages <= 1 ? "one page" : fmt::format("{} pages", grid.pages);
  job.diagnostics.error(
      "layout-overflow", job.layout_file.empty() ? "<built-in layout>" : job.layout_file,
      grid.position,
      auto_grid
          ? fmt::format("{} entries do not fit on {} with logo areas of at least {:.1f} mm: "
                        "{} fit",
                        entries, pages, grid.min_logo_height / kPointsPerMm, *plan.overflow_fit)
          : fmt::format("{} entries do not fit on {} of {} × {} cells: {} fit", entries, pages,
                        plan.columns, plan.rows, *plan.overflow_fit),
      {"allow more pages (`grid.pages`), a smaller `grid.min_logo_height`, smaller margins, "
       "gutters or captions, or a larger page"});
}

}  // namespace

std::string layout_file_for(const JobOptions& options, const std::string& folder,
                            const Located& campaign_layout) {
  if (options.layout) return find_layout_file(*options.layout, *options.layout);
  if (!campaign_layout.present) return "";
  return find_layout_file(
      campaign_layout.text,
      (std::filesystem::path(folder) / campaign_layout.text).lexically_normal().string());
}

int Job::count(Status status) const {
  return static_cast<int>(std::count_if(model.participants.begin(), model.participants.end(),
                                        [&](const Participant& p) { return p.status == status; }));
}

Job prepare_job(const JobOptions& options, TextMeasure& measure) {
  Job job;
  ParticipantsFile file = load_participants(options.participants, job.diagnostics);
  job.fatal_input = file.syntax_error;
  job.model = validate_participants(file, job.diagnostics);
  const int errors_before_layout = job.diagnostics.errors();
  load_job_layout(options, job);
  register_layout_fonts(job);
  const bool layout_ok = job.diagnostics.errors() == errors_before_layout;
  std::optional<Size> area;
  if (layout_ok) area = included_logo_area(job, measure);
  // Fonts and glyphs only add diagnostics and read nothing the logos change: they are
  // checked on a thread of their own while the logos resolve (4.5 ms of every run at 60
  // entries that was on one core). fontconfig is thread-safe, and each check makes its own
  // font map. The diagnostics are sorted below, so the order of appending does not show.
  Diagnostics font_findings;
  std::exception_ptr font_failure;
  {
    const GlyphCheck glyphs(job);
    std::jthread fonts([&] {
      try {
        check_fonts(job, font_findings);
        glyphs.run(font_findings);
      } catch (...) {
        font_failure = std::current_exception();
      }
    });
    resolve_logos(job, options, area);
  }
  if (font_failure) std::rethrow_exception(font_failure);
  job.diagnostics.append(font_findings);
  if (area) {
    check_resolution(job, *area);
    job.included_pages = plan_job(job, measure, is_included);  // also for caption-overflow
  }
  job.diagnostics.sort();
  return job;
}

bool is_included(const Participant& participant) { return participant.status == Status::included; }

PagedJob plan_job(Job& job, TextMeasure& measure, bool (*selected)(const Participant&)) {
  std::vector<PlanEntry> entries;
  PagedJob paged = print_entries(job, selected, entries);
  std::vector<CaptionOverflow> overflows;
  paged.plan = plan_pages(job.layout, job.model.title, entries, measure, &overflows);
  for (const auto& o : overflows) {
    const Participant& p = job.model.participants[paged.participant_of_entry[o.entry]];
    const bool seen = std::any_of(job.diagnostics.items().begin(), job.diagnostics.items().end(),
                                  [&](const Diagnostic& d) {
                                    return d.code == "caption-overflow" && d.participant == p.name;
                                  });
    if (seen) continue;
    job.diagnostics.warning(
        "caption-overflow", job.model.file, p.caption_pos,
        fmt::format("{}: caption \"{}\" does not fit {} line(s) of {} in its cell; set at "
                    "{:.1f} pt",
                    p.name, p.caption, job.layout.caption.max_lines, job.layout.caption.font,
                    o.size),
        {"give the entry a shorter `caption:`, or allow more caption lines in the layout"}, p.name);
  }
  if (paged.plan.overflow_fit) report_overflow(job, paged.plan, entries.size());
  return paged;
}

}  // namespace logogrid

// Fragments per logo, from the cache or rendered; facts of clean logos cached alongside.
#include "app/logo_fragments.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "app/svg_requests.hpp"
#include "app/version.hpp"
#include "cache/sha256.hpp"
#include "diag/fatal_error.hpp"
#include "render/logo_fragment.hpp"
#include "render/render.hpp"
#include "resolve/svg_logo.hpp"
#include "safety/scratch_registry.hpp"
#include "text/layout_fonts.hpp"

namespace logogrid {
namespace {

std::string facts_key(const Logo& logo) {
  // "located-ink": entries measured before ink was measured on the artwork's region (and
  // before embedded rasters were facts) are not reused; "coverage-edges": nor those whose
  // edges were whole pixels rounded outward.
  return FragmentCache::key({"logo-facts", kVersion, "located-ink/coverage-edges",
                             logo.content_hash, std::to_string(logo.ink_side),
                             registered_fonts_digest()});
}

std::string serialise_facts(const Logo& logo) {
  if (logo.format == LogoFormat::svg) return "svg " + svg_facts_text(logo);
  return fmt::format("png {:.17g} {:.17g} {} {} {:.17g} {:.17g} {:.17g} {:.17g}", logo.width,
                     logo.height, logo.pixel_width, logo.pixel_height, logo.ink.x, logo.ink.y,
                     logo.ink.width, logo.ink.height);
}

bool parse_facts(const std::string& text, Logo& logo) {
  if (text.rfind("svg ", 0) == 0) {
    logo.format = LogoFormat::svg;
    return read_svg_facts(text.substr(4), logo);
  }
  std::istringstream in(text);
  std::string format;
  in >> format >> logo.width >> logo.height >> logo.pixel_width >> logo.pixel_height >>
      logo.ink.x >> logo.ink.y >> logo.ink.width >> logo.ink.height;
  logo.format = LogoFormat::png;
  return in && format == "png";
}

std::string scratch_parent() {
  const char* tmp = std::getenv("TMPDIR");
  return tmp != nullptr && *tmp == '/' ? tmp : "/tmp";
}

}  // namespace

LogoFragments::LogoFragments(FragmentCache cache, bool keep_logo_data)
    : cache_(std::move(cache)), keep_logo_data_(keep_logo_data) {
  remove_stale_scratch(scratch_parent());            // scratch folders of killed runs
  if (!cache_.enabled() || keep_logo_data_) return;  // previews need the decoded logos
  facts_.recall = [this](Logo& logo) {
    const auto text = cache_.load(facts_key(logo));
    return text && parse_facts(*text, logo);
  };
  facts_.remember = [this](const Logo& logo) {
    cache_.store(facts_key(logo), serialise_facts(logo));
  };
}

LogoFragments::~LogoFragments() {
  if (scratch_.empty()) return;
  std::error_code ec;
  std::filesystem::remove_all(scratch_, ec);
}

LogoFormFile LogoFragments::store_scratch(const std::string& key, const std::string& package) {
  std::string path;
  {
    const std::lock_guard<std::mutex> lock(scratch_mutex_);
    if (scratch_.empty()) {
      const std::string folder = scratch_parent();
      std::string pattern = scratch_pattern(folder, "", kFragmentsPrefix);
      int none = -1;
      const std::uint64_t ticket = create_tracked_scratch(pattern, ScratchKind::folder, none);
      if (ticket == 0) throw FatalError("cannot create a scratch folder in " + folder);
      scratch_tracked_ = TrackedScratch(ticket);
      scratch_ = pattern;
    }
    path = scratch_ + "/" + std::to_string(scratch_count_++);
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(package.data(), static_cast<std::streamsize>(package.size()));
  out.close();
  if (!out) throw FatalError("cannot write " + path);
  return LogoFormFile{path, 0, package.size(), key, sha256_hex(package.data(), package.size())};
}

std::string LogoFragments::fragment_key(const Logo& logo, const Layout& layout,
                                        const Rect& placed) {
  // "/2": PNG fragments follow the colour rule of resolve/png_color.hpp since then; "/3":
  // their images are rows with PNG's Up filter since then. Older entries of the same
  // version must not be reused. "outlined-decorations": SVG text with
  // decorations is drawn through a recording surface since then (logo_painter.cpp).
  return FragmentCache::key({"logo-fragment/3", kVersion,
                             fmt::format("svg-scale-{:g}/outlined-decorations", kSvgFragmentScale),
                             logo.content_hash, layout.logo.trim ? "trim" : "whole",
                             print_colour(layout.pdf).key(),
                             fmt::format("{:.6f}x{:.6f}", placed.w, placed.h),
                             registered_fonts_digest()});  // text in an SVG uses them
}

bool LogoFragments::make(Logo& logo, const JobOptions::Resolved& context) {
  const Layout& layout = context.layout;
  const double ink_w = layout.logo.trim ? logo.ink.width : logo.width;
  const double ink_h = layout.logo.trim ? logo.ink.height : logo.height;
  const Rect placed =
      fit_logo(layout.logo, Rect{0, 0, context.logo_area.w, context.logo_area.h}, ink_w, ink_h);
  const std::optional<std::string> key = fragment(logo, layout, placed, context.report);
  if (!key) return false;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    key_of_logo_[logo.content_hash] = *key;
  }
  if (!keep_logo_data_) {
    std::string().swap(logo.bytes);
    logo.svg.reset();
    logo.png.reset();
  }
  ++done_;
  return true;
}

std::optional<std::string> LogoFragments::fragment(Logo& logo, const Layout& layout,
                                                   const Rect& placed, LogoReport& report) {
  const std::string key = fragment_key(logo, layout, placed);
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    if (fragments_.count(key) > 0) return key;
  }
  std::optional<FragmentCache::Location> found = cache_.locate(key);
  LogoFormFile file;
  if (found) {
    file = LogoFormFile{found->path, found->offset, found->length, key, found->checksum};
  } else {
    // SVGs are drawn in a worker process (a renderer crash or runaway is that logo's
    // diagnostic, not the run's end); PNG fragments are written without a renderer.
    const std::optional<std::string> drawn =
        logo.format == LogoFormat::svg
            ? svg_fragment_in_worker(
                  logo, placed.w, placed.h,
                  SvgLimits{layout.logo.render_time_limit, layout.logo.render_memory_limit}, report)
            : std::optional<std::string>(render_logo_fragment(logo, placed.w, placed.h));
    if (!drawn) return std::nullopt;
    const std::string package = package_logo_form(*drawn, print_colour(layout.pdf));
    found = cache_.store(key, package);
    file = found ? LogoFormFile{found->path, found->offset, found->length, key, found->checksum}
                 : store_scratch(key, package);
  }
  const std::lock_guard<std::mutex> lock(mutex_);
  fragments_.emplace(key, std::move(file));
  return key;
}

LogoForms LogoFragments::proof_forms(Job& job, const PagedJob& paged) {
  LogoForms forms;
  std::map<std::string, std::size_t> index_of_key;
  for (std::size_t page = 0; page < paged.plan.pages.size(); ++page) {
    for (const Placement& placement : paged.plan.pages[page].placements) {
      if (placement.entry >= paged.participant_of_entry.size()) continue;
      auto& logo = job.logos[paged.participant_of_entry[placement.entry]];
      if (!logo || placement.logo.w <= 0 || placement.logo.h <= 0) continue;
      const Participant& p = job.model.participants[paged.participant_of_entry[placement.entry]];
      LogoRequest request;
      request.participants_file = job.model.file;
      request.path = p.logo_path;
      request.pos = p.logo_pos;
      request.participant = p.name;
      request.as_warnings = p.status == Status::excluded;
      LogoReport report(request, job.diagnostics);
      const std::optional<std::string> key = fragment(*logo, job.layout, placement.logo, report);
      if (!key) continue;  // reported; the proof shows the cell without its logo
      auto [at, added] = index_of_key.emplace(*key, forms.fragments.size());
      if (added) forms.fragments.push_back(fragments_.at(*key));
      forms.placements.push_back(LogoFormPlacement{page, at->second, placement.logo.x,
                                                   placement.logo.y, placement.logo.w,
                                                   placement.logo.h});
    }
  }
  return forms;
}

LogoForms LogoFragments::forms(const Job& job, const PagedJob& paged) const {
  LogoForms forms;
  std::map<std::string, std::size_t> index_of_key;
  for (std::size_t page = 0; page < paged.plan.pages.size(); ++page) {
    for (const Placement& placement : paged.plan.pages[page].placements) {
      if (placement.entry >= paged.participant_of_entry.size()) continue;
      const auto& logo = job.logos[paged.participant_of_entry[placement.entry]];
      if (!logo) continue;
      const auto key = key_of_logo_.find(logo->content_hash);
      if (key == key_of_logo_.end()) continue;
      auto [at, added] = index_of_key.emplace(key->second, forms.fragments.size());
      if (added) forms.fragments.push_back(fragments_.at(key->second));
      forms.placements.push_back(LogoFormPlacement{page, at->second, placement.logo.x,
                                                   placement.logo.y, placement.logo.w,
                                                   placement.logo.h});
    }
  }
  return forms;
}

}  // namespace logogrid

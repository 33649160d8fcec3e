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
#include "diag/fatal_error.hpp"
#include "render/logo_fragment.hpp"
#include "render/render.hpp"
#include "resolve/svg_logo.hpp"

namespace logogrid {
namespace {

std::string facts_key(const Logo& logo) {
  // "located-ink": entries measured before ink was measured on the artwork's region (and
  // before embedded rasters were facts) are not reused.
  return FragmentCache::key(
      {"logo-facts", kVersion, "located-ink", logo.content_hash, std::to_string(logo.ink_side)});
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

}  // namespace

LogoFragments::LogoFragments(FragmentCache cache, bool keep_logo_data)
    : cache_(std::move(cache)), keep_logo_data_(keep_logo_data) {
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
      const char* tmp = std::getenv("TMPDIR");
      std::string pattern =
          std::string(tmp != nullptr && *tmp == '/' ? tmp : "/tmp") + "/logogrid-fragments-XXXXXX";
      if (::mkdtemp(pattern.data()) == nullptr)
        throw FatalError("cannot create a scratch folder in " +
                         pattern.substr(0, pattern.rfind('/')));
      scratch_ = pattern;
    }
    path = scratch_ + "/" + std::to_string(scratch_count_++);
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(package.data(), static_cast<std::streamsize>(package.size()));
  out.close();
  if (!out) throw FatalError("cannot write " + path);
  return LogoFormFile{path, 0, package.size(), key};
}

std::string LogoFragments::fragment_key(const Logo& logo, const Layout& layout,
                                        const Rect& placed) {
  return FragmentCache::key({"logo-fragment", kVersion,
                             fmt::format("svg-scale-{:g}", kSvgFragmentScale), logo.content_hash,
                             layout.logo.trim ? "trim" : "whole",
                             fmt::format("{:.6f}x{:.6f}", placed.w, placed.h)});
}

bool LogoFragments::make(Logo& logo, const JobOptions::Resolved& context) {
  const Layout& layout = context.layout;
  const double ink_w = layout.logo.trim ? logo.ink.width : logo.width;
  const double ink_h = layout.logo.trim ? logo.ink.height : logo.height;
  const Rect placed =
      fit_logo(layout.logo, Rect{0, 0, context.logo_area.w, context.logo_area.h}, ink_w, ink_h);
  const std::string key = fragment_key(logo, layout, placed);
  bool known = false;
  {
    const std::lock_guard<std::mutex> lock(mutex_);
    key_of_logo_[logo.content_hash] = key;
    known = fragments_.count(key) > 0;
  }
  if (!known) {
    std::optional<FragmentCache::Location> found = cache_.locate(key);
    LogoFormFile file;
    if (found) {
      file = LogoFormFile{found->path, found->offset, found->length, key};
    } else {
      std::optional<std::string> fragment;
      if (logo.format == LogoFormat::svg)
        fragment = svg_fragment_in_worker(
            logo, placed.w, placed.h,
            SvgLimits{layout.logo.render_time_limit, layout.logo.render_memory_limit},
            context.report);
      else
        fragment = render_logo_fragment(logo, placed.w, placed.h);
      if (!fragment) {
        const std::lock_guard<std::mutex> lock(mutex_);
        key_of_logo_.erase(logo.content_hash);
        return false;
      }
      const std::string package = package_logo_form(*fragment);
      found = cache_.store(key, package);
      file = found ? LogoFormFile{found->path, found->offset, found->length, key}
                   : store_scratch(key, package);
    }
    const std::lock_guard<std::mutex> lock(mutex_);
    fragments_.emplace(key, std::move(file));
  }
  if (!keep_logo_data_) {
    std::string().swap(logo.bytes);
    logo.svg.reset();
  }
  ++done_;
  return true;
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

// Build's logo pipeline: while logos resolve (on all workers), each distinct logo at its
// placed size gets its PDF fragment — from the cache when a valid entry exists, else
// rendered (SVGs in a worker process, svg_worker.hpp) and stored — and the logo's file
// bytes and parsed SVG are released. Fragments
// live in files only (cache entries, or a scratch folder for this run when there is no
// cache, removed with this object): memory holds their locations, not their bytes.
// Afterwards the planned pages become LogoForms for finishing.
#pragma once

#include <atomic>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "app/job.hpp"
#include "cache/fragment_cache.hpp"
#include "finish/logo_forms.hpp"
#include "safety/scratch_registry.hpp"

namespace logogrid {

class LogoFragments {
 public:
  // `keep_logo_data`: keep bytes and parsed SVGs (PNG previews draw them again).
  LogoFragments(FragmentCache cache, bool keep_logo_data);
  ~LogoFragments();
  LogoFragments(const LogoFragments&) = delete;
  LogoFragments& operator=(const LogoFragments&) = delete;

  const LogoFacts& facts() const { return facts_; }
  // JobOptions::after_resolve: false when the logo cannot be drawn (reported).
  bool make(Logo& logo, const JobOptions::Resolved& context);
  int logos_done() const { return done_; }

  // The fragments and their placements for the planned pages (one form per fragment).
  LogoForms forms(const Job& job, const PagedJob& paged) const;
  // For a proof: a fragment for every placed logo at its planned size, made now (the same
  // fragments a build places, so the proof shows the logos exactly as they print).
  LogoForms proof_forms(Job& job, const PagedJob& paged);

 private:
  static std::string fragment_key(const Logo& logo, const Layout& layout, const Rect& placed);
  // The fragment of `logo` at `placed` size, from the cache or rendered; returns its key,
  // or nullopt when the logo cannot be drawn (reported to `report`).
  std::optional<std::string> fragment(Logo& logo, const Layout& layout, const Rect& placed,
                                      LogoReport& report);
  // Writes a package into the scratch folder (created on first use).
  LogoFormFile store_scratch(const std::string& key, const std::string& package);

  FragmentCache cache_;
  bool keep_logo_data_;
  LogoFacts facts_;
  mutable std::mutex mutex_;
  std::map<std::string, LogoFormFile> fragments_;   // by fragment key
  std::map<std::string, std::string> key_of_logo_;  // content hash → key
  std::atomic<int> done_{0};
  std::mutex scratch_mutex_;
  std::string scratch_;  // folder, "" until needed
  unsigned scratch_count_ = 0;
  TrackedScratch scratch_tracked_;  // removed on SIGINT/SIGTERM/SIGHUP
};

}  // namespace logogrid

// The proof's appendix pages: summary counts, findings about the files, the changes since a
// previous participants file, and a table of every entry with its status and reasons
// (invalid and excluded first). Laid out into blocks of measured height, then flowed over
// as many pages as needed; drawn with Pango in trim coordinates.
#pragma once

#include <cairo.h>

#include <functional>
#include <memory>
#include <vector>

#include "app/job.hpp"
#include "proof/review.hpp"
#include "render/render.hpp"

namespace logogrid {

struct AppendixBlock {
  double height = 0;
  std::function<void(cairo_t*, double top)> draw;
  int table = -1;               // rows of one table share an id; their header repeats on new pages
  bool keep_with_next = false;  // headings: never last on a page
};

struct AppendixPage {
  std::vector<std::pair<std::size_t, double>> blocks;  // block index, top
};

struct Appendix {
  std::shared_ptr<const std::vector<AppendixBlock>> blocks;
  std::vector<std::size_t> table_headers;  // block index of each table's header, by table id
  std::vector<AppendixPage> pages;
};

// Builds and paginates the appendix for pages of `frame`'s trim size.
Appendix layout_appendix(const Job& job, const ProofReview& review, const PageFrame& frame);

// One painter per appendix page (for RenderJob::appendix_pages); `first_index` is the
// 0-based document index of the first appendix page.
std::vector<std::function<void(cairo_t*)>> appendix_painters(const Appendix& appendix,
                                                             const ProofReview& review,
                                                             const PageFrame& frame,
                                                             std::size_t first_index,
                                                             std::size_t total_pages);

}  // namespace logogrid

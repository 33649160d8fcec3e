// Writing a job's pages: the RenderJob for a planned job, and the finished PDF written
// atomically (cairo's unfinished document stays in memory).
// Shared by build and proof.
#include "app/output.hpp"

#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>

#include "app/version.hpp"
#include "diag/fatal_error.hpp"
#include "finish/finish.hpp"

namespace logogrid {
void write_standard_output(const std::string& bytes) {
  std::cout.flush();
  auto failed = [](int error_number) {
    throw FatalError(fmt::format("cannot write the report to standard output ({})",
                                 std::strerror(error_number)));
  };
  const char* next = bytes.data();
  std::size_t left = bytes.size();
  while (left > 0) {
    const ssize_t written = ::write(STDOUT_FILENO, next, left);
    if (written < 0) {
      if (errno == EINTR) continue;
      failed(errno);
    }
    next += written;
    left -= static_cast<std::size_t>(written);
  }
  struct stat st {};
  if (::fstat(STDOUT_FILENO, &st) == 0 && S_ISREG(st.st_mode) && ::fsync(STDOUT_FILENO) != 0 &&
      errno != EINVAL && errno != EROFS)
    failed(errno);
}

void ensure_folder(const std::string& file) {
  const auto folder = std::filesystem::path(file).parent_path();
  if (folder.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec)
    throw FatalError(fmt::format("cannot create folder {}: {}", folder.string(), ec.message()));
}

RenderJob make_render_job(const Job& job, const PagedJob& paged) {
  RenderJob render;
  render.plan = paged.plan;
  render.layout = job.layout;
  render.title = job.layout.pdf.title;
  render.metadata.author = job.layout.pdf.author;
  render.metadata.creator = std::string("logogrid ") + kVersion;
  for (std::size_t participant : paged.participant_of_entry) {
    const auto& logo = job.logos[participant];
    render.logos.push_back(logo ? &*logo : nullptr);
  }
  return render;
}

void write_pdf(const RenderJob& render, const Layout& layout, const std::string& output) {
  write_pdf(render, layout, output, LogoForms{});
}

void write_pdf(const RenderJob& render, const Layout& layout, const std::string& output,
               const LogoForms& forms) {
  ensure_folder(output);
  const std::string cairo_pdf = render_pdf(render);
  FinishOptions finish;
  const PageFrame frame = page_frame(layout.page);
  finish.page = {frame.trim_width, frame.trim_height, frame.bleed, frame.slug};
  finish.title = layout.pdf.title;
  finish.author = layout.pdf.author;
  finish.creator = render.metadata.creator;
  finish.epoch = source_date_epoch_from_environment();
  finish.colour = print_colour(layout.pdf);
  if (!forms.placements.empty()) finish.logo_forms = &forms;
  finish_pdf(cairo_pdf, output, finish);
}

}  // namespace logogrid

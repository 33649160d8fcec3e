// `logogrid build`: the print job. Refuses while check would report an error; otherwise
// plans, renders, finishes and writes the PDF (and optional previews and report)
// atomically, then prints one summary line.
#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <iostream>

#include "app/commands.hpp"
#include "app/version.hpp"
#include "diag/fatal_error.hpp"
#include "finish/atomic_file.hpp"
#include "finish/finish.hpp"
#include "render/render.hpp"
#include "report/report.hpp"
#include "text/pango_text_measure.hpp"

namespace logogrid {
namespace {

// A scratch file next to the output for cairo's unfinished PDF, removed on every path out.
class ScratchFile {
 public:
  explicit ScratchFile(const std::string& beside) {
    const auto folder = std::filesystem::path(beside).parent_path();
    std::string pattern =
        ((folder.empty() ? std::filesystem::path(".") : folder) / ".logogrid-cairo-XXXXXX")
            .string();
    const int fd = mkstemp(pattern.data());
    if (fd < 0) throw FatalError(fmt::format("cannot create a scratch file next to {}", beside));
    close(fd);
    path_ = pattern;
  }
  ~ScratchFile() {
    std::error_code ec;
    std::filesystem::remove(path_, ec);
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  const std::string& path() const { return path_; }

 private:
  std::string path_;
};

void ensure_folder(const std::string& file) {
  const auto folder = std::filesystem::path(file).parent_path();
  if (folder.empty()) return;
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) throw FatalError(fmt::format("cannot create folder {}: {}", folder.string(), ec.message()));
}

}  // namespace

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
  ensure_folder(output);
  ScratchFile scratch(output);
  render_pdf(render, scratch.path());
  FinishOptions finish;
  const PageFrame frame = page_frame(layout.page);
  finish.page = {frame.trim_width, frame.trim_height, frame.bleed, frame.slug};
  finish.title = layout.pdf.title;
  finish.author = layout.pdf.author;
  finish.creator = render.metadata.creator;
  finish.epoch = source_date_epoch_from_environment();
  finish_pdf(scratch.path(), output, finish);
}

int run_build(const BuildOptions& options) {
  PangoTextMeasure measure;
  Job job = prepare_job(options.job, measure);
  const std::string output = options.output.value_or(default_output(options.job.participants, ""));
  if (!job.diagnostics.has_errors() && job.count(Status::included) == 0)
    job.diagnostics.error("nothing-to-print", job.model.file, {1, 1},
                          "no entry qualifies, so there is nothing to print",
                          {"add participants with a logo and a commitment dated on or before "
                           "the deadline"});
  write_text_diagnostics(std::cerr, job.diagnostics);
  const int refused = input_exit_code(job, options.strict);
  if (refused != 0) {
    std::cerr << fmt::format("build: refused with {} errors and {} warnings{}; {} was not written\n",
                             job.diagnostics.errors(), job.diagnostics.warnings(),
                             options.strict ? " (--strict)" : "", output);
    return refused;
  }

  PagedJob paged = plan_job(job, measure, is_included);
  const RenderJob render = make_render_job(job, paged);
  write_pdf(render, job.layout, output);
  if (options.png_dir) render_png_previews(render, *options.png_dir, options.dpi);
  if (options.report) {
    ensure_folder(*options.report);
    write_file_atomically(*options.report,
                          json_report(job, &paged.plan, &paged.participant_of_entry).dump(2) + "\n");
  }
  const std::size_t pages = paged.plan.pages.size();
  std::cout << fmt::format("build: {} page{}, {} included, {} excluded, {} warning{} -> {}\n",
                           pages, pages == 1 ? "" : "s", job.count(Status::included),
                           job.count(Status::excluded), job.diagnostics.warnings(),
                           job.diagnostics.warnings() == 1 ? "" : "s", output);
  return 0;
}

int run_proof(const ProofOptions&) {
  std::cerr << "logogrid: proof is not available yet\n";
  return 2;
}

}  // namespace logogrid

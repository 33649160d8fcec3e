// Writing a job's pages, shared by build and proof.
#pragma once

#include <string>

#include "app/job.hpp"
#include "finish/logo_forms.hpp"
#include "render/render.hpp"

namespace logogrid {

// The renderer's input for a planned job: plan, layout, metadata and one logo per entry.
RenderJob make_render_job(const Job& job, const PagedJob& paged);

// Renders, finishes (boxes, metadata, deterministic ID, SOURCE_DATE_EPOCH) and writes
// `output` atomically. Throws FatalError when it cannot be written.
void write_pdf(const RenderJob& render, const Layout& layout, const std::string& output);

// The same with logos placed as Form XObjects from `forms` (render draws no logos then:
// pass a RenderJob whose logos are all nullptr).
void write_pdf(const RenderJob& render, const Layout& layout, const std::string& output,
               const LogoForms& forms);

// Writes a machine-readable report to standard output and makes sure it arrived: every byte
// written, and on a file, synced (a full disk may only say so then). Throws FatalError with
// the reason when not (a full disk, /dev/full, a closed pipe).
void write_standard_output(const std::string& bytes);

// Creates the folder `file` will be written to. Throws FatalError when it cannot.
void ensure_folder(const std::string& file);

}  // namespace logogrid

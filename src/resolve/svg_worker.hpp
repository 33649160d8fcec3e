// The SVG renderer in a separate process: librsvg can panic (a Rust panic aborts the
// process), loop for minutes or allocate gigabytes on a hostile file, so every librsvg call
// on a logo runs in a worker process (forked by the zygote of svg_zygote.hpp, or this
// program started again with kSvgWorkerArgument; one per resolving thread, reused from
// logo to logo) under an address-space limit, a CPU
// limit and a wall-clock deadline. A worker that dies or overruns is replaced; the logo
// gets a diagnostic and the run goes on.
#pragma once

#include <string>
#include <vector>

namespace logogrid {

constexpr const char* kSvgWorkerArgument = "--logogrid-svg-worker";

// Budget for one logo (decoding and measuring it, or drawing one fragment).
struct SvgLimits {
  double seconds = 20;       // wall clock, and CPU time
  double memory_mib = 2048;  // address space of the worker (not applied under ASan)
};

// A request or a reply: a list of byte strings.
using SvgMessage = std::vector<std::string>;

struct SvgWorkerOutcome {
  enum class Kind { replied, failed, timed_out, out_of_memory };
  Kind kind = Kind::replied;
  SvgMessage reply;
  std::string reason;  // failed: what the renderer said before it died ("…panicked…")

  // The sentence for a logo-corrupt diagnostic: "the SVG renderer failed on this file: …".
  std::string explanation(const SvgLimits& limits) const;
};

// False in AddressSanitizer builds: ASan's shadow memory needs more address space than any
// limit, so workers there run under the time limit only.
bool svg_memory_limit_enforced();

// Sends `request` to this thread's worker (started on first use) and waits for its reply.
SvgWorkerOutcome call_svg_worker(const SvgMessage& request, const SvgLimits& limits);

// Worker side. Each binary that decodes logos calls this first in main: when `argv` asks
// for a worker it serves requests with `handler` until its parent closes the connection
// and returns true (the process should then exit with 0).
using SvgRequestHandler = SvgMessage (*)(const SvgMessage& request);
bool serve_svg_worker_if_asked(int argc, char** argv, SvgRequestHandler handler);

// The worker's loop, however it was started: the process-wide limits, then requests on
// `socket` answered with `handler` until the parent closes the connection.
void serve_svg_worker(int socket, double memory_mib, SvgRequestHandler handler);

}  // namespace logogrid

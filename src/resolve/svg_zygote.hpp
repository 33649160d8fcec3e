// Where SVG workers come from in logogrid itself: a small process forked at the start of
// main, while the program still has one thread, that forks each worker on request. A
// worker started that way is ready in about a millisecond; started with posix_spawn it
// loads and relocates 64 libraries first (about 9 ms, on the way to the first logo of every
// thread). Programs that do not start the zygote (the test binaries) spawn workers as before.
//
// Workers are made children of the calling process (it becomes their subreaper, and the
// zygote forks them through a short-lived intermediate), so it waits for them, kills them
// and reads their exit status exactly as for a spawned worker.
#pragma once

#include <sys/types.h>

#include "resolve/svg_worker.hpp"

namespace logogrid {

// Forks the zygote. Call first in main, before any thread starts; `prepare` runs in each
// worker before it serves (the set-up the program's main would do, such as GLib's log
// handlers). Does nothing when the zygote cannot be made: workers are then spawned.
void start_svg_zygote(SvgRequestHandler handler, void (*prepare)());

// A worker from the zygote, talking on `socket` (its end of the socket pair) and writing
// its stderr to `errors`; the caller closes both of its copies afterwards. False when there
// is no zygote (never started, or gone), and the caller spawns the worker itself.
bool fork_svg_worker(double memory_mib, int socket, int errors, pid_t& pid);

}  // namespace logogrid

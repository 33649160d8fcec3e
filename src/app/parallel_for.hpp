// Runs independent tasks on a few threads. Tasks are taken in index order from a shared
// counter; each writes only its own slot, so results do not depend on the thread count
// or on scheduling. The first exception thrown by a task is rethrown after all threads
// have stopped.
#pragma once

#include <cstddef>
#include <functional>

namespace logogrid {

// Threads to use: LOGOGRID_JOBS when set (1 = single-threaded), else `requested` when > 0,
// else the number of cores.
unsigned worker_count(unsigned requested = 0);

// Calls task(i) for every i in [0, count) on up to `threads` threads (the caller's thread
// is one of them).
void parallel_for(std::size_t count, unsigned threads,
                  const std::function<void(std::size_t)>& task);

}  // namespace logogrid

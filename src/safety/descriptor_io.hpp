// Whole reads and sends on descriptors and waiting for a child, each retried on EINTR: for
// the SVG workers' connections (resolve/svg_worker, svg_zygote) and the fragment cache.
#pragma once

#include <sys/types.h>

#include <cstddef>

namespace logogrid {

// Reads exactly `size` bytes; false at end of input or on an error.
bool read_exactly(int fd, void* data, std::size_t size);

// Sends all `size` bytes on a socket; a peer that has gone is false, never SIGPIPE.
bool send_exactly(int socket, const void* data, std::size_t size);

// Waits for child `pid` to end; its wait status (0 when it cannot be had).
int wait_for_exit(pid_t pid);

}  // namespace logogrid

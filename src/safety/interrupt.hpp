// Interruption and the signals that would otherwise end a run without a word: SIGINT,
// SIGTERM and SIGHUP remove every tracked scratch path and end the run with 130, 143 and
// 129; SIGXFSZ (file size limit) and SIGPIPE (reader gone) are ignored, so the write
// fails with an error the run reports (exit 2) instead of killing it.
#pragma once

namespace logogrid {

// Call first in main, before any thread exists: the three signals are blocked in every
// thread (each inherits the mask) and one thread waits for them with sigwait.
void install_interrupt_handling();

}  // namespace logogrid

// sigwait on a thread of its own: the cleanup runs as ordinary code (locks, allocation and
// directory walks are fine there), unlike in an asynchronous signal handler.
#include "safety/interrupt.hpp"

#include <pthread.h>
#include <signal.h>
#include <unistd.h>

#include <thread>

#include "safety/scratch_registry.hpp"

namespace logogrid {

void install_interrupt_handling() {
  ::signal(SIGXFSZ, SIG_IGN);
  ::signal(SIGPIPE, SIG_IGN);
  sigset_t stop;
  sigemptyset(&stop);
  sigaddset(&stop, SIGINT);
  sigaddset(&stop, SIGTERM);
  sigaddset(&stop, SIGHUP);
  if (pthread_sigmask(SIG_BLOCK, &stop, nullptr) != 0) return;
  try {
    std::thread([stop] {
      int signal_number = 0;
      while (sigwait(&stop, &signal_number) != 0) {
      }
      remove_tracked_scratch();
      ::_exit(128 + signal_number);
    }).detach();
  } catch (...) {
    // No thread to wait for them: the signals keep their default action.
    pthread_sigmask(SIG_UNBLOCK, &stop, nullptr);
  }
}

}  // namespace logogrid

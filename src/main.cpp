// logogrid: renders the participant pages of the Rahmenstrategie brochure.
#include "app/cli.hpp"
#include "safety/interrupt.hpp"

int main(int argc, char** argv) {
  logogrid::start_worker_zygote(argc, argv);  // while there is one thread
  logogrid::install_interrupt_handling();     // before any thread starts
  return logogrid::run_cli(argc, argv);
}

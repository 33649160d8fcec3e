// logogrid: renders the participant pages of the Rahmenstrategie brochure.
#include "app/cli.hpp"
#include "safety/interrupt.hpp"

int main(int argc, char** argv) {
  logogrid::install_interrupt_handling();  // before any thread starts
  return logogrid::run_cli(argc, argv);
}

// logogrid: renders the participant pages of the Rahmenstrategie brochure.
#include "app/cli.hpp"

int main(int argc, char** argv) { return logogrid::run_cli(argc, argv); }

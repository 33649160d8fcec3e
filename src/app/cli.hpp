// The command line: parses arguments, runs one subcommand, turns failures into exit codes
// (0 done, 1 input has errors, 2 usage error or unreadable/unwritable file).
#pragma once

namespace logogrid {

// Forks the process SVG workers are started from (resolve/svg_zygote.hpp) for the commands
// that resolve logos. First thing in main: the program must still have one thread.
void start_worker_zygote(int argc, char** argv);

int run_cli(int argc, char** argv);

}  // namespace logogrid

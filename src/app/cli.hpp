// The command line: parses arguments, runs one subcommand, turns failures into exit codes
// (0 done, 1 input has errors, 2 usage error or unreadable/unwritable file).
#pragma once

namespace logogrid {

int run_cli(int argc, char** argv);

}  // namespace logogrid

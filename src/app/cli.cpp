// Command-line entry point (skeleton; subcommands follow).
#include "app/cli.hpp"

namespace logogrid {

int run_cli(int, char**) { return 0; }

}  // namespace logogrid

// Fuzz target for the participants loader and validator: any bytes end in diagnostics.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "diag/fatal_error.hpp"
#include "load/participants_file.hpp"
#include "validate/model.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = [] {
    char name[] = "/tmp/logogrid-fuzz-participants-XXXXXX";
    const int fd = mkstemp(name);
    if (fd >= 0) close(fd);
    return std::string(name);
  }();
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  logogrid::Diagnostics diagnostics;
  try {
    const auto file = logogrid::load_participants(path, diagnostics);
    logogrid::validate_participants(file, diagnostics);
  } catch (const logogrid::FatalError&) {
    // An unreadable register file named inside the input: exit code 2 in the CLI.
  }
  return 0;
}

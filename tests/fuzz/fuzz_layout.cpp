// Fuzz target for the layout loader: any bytes end in layout-invalid diagnostics.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "load/layout.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::string path = [] {
    char name[] = "/tmp/logogrid-fuzz-layout-XXXXXX";
    const int fd = mkstemp(name);
    if (fd >= 0) close(fd);
    return std::string(name);
  }();
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  logogrid::Diagnostics diagnostics;
  logogrid::load_layout(path, diagnostics);
  return 0;
}

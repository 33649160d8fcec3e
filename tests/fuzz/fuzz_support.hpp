// Shared by the fuzz targets: the loaders take a path, not bytes, so inputs go to one
// temporary file; the logo targets share one decode check.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <optional>
#include <string>

#include "resolve/logo.hpp"
#include "resolve/svg_logo.hpp"
#include "resolve/svg_worker.hpp"

namespace logogrid::fuzzing {

// Writes the input to this process's scratch file (created once) and returns its path.
inline const std::string& input_file(const std::uint8_t* data, std::size_t size) {
  static const std::string path = [] {
    char name[] = "/tmp/logogrid-fuzz-XXXXXX";
    const int fd = mkstemp(name);
    if (fd >= 0) close(fd);
    return std::string(name);
  }();
  if (std::FILE* f = std::fopen(path.c_str(), "wb")) {
    std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  return path;
}

// SVG decoding starts this binary again as its renderer worker (svg_worker.hpp): answers
// as one when asked (decoding only: the fuzz build has no renderer of fragments).
inline bool serve_as_svg_worker(int argc, char** argv) {
  return serve_svg_worker_if_asked(argc, argv, answer_svg_decode);
}

// Decodes `data` as a logo named `path` (only the name differs between the PNG and SVG
// targets: the format is sniffed from content). A refusal without a diagnostic traps.
inline std::optional<Logo> decode_logo_or_explain(const std::uint8_t* data, std::size_t size,
                                                  const char* path) {
  LogoRequest request;
  request.path = path;
  request.participants_file = "participants.yaml";
  Diagnostics diagnostics;
  const auto logo =
      decode_logo(std::string(reinterpret_cast<const char*>(data), size), request, diagnostics);
  if (!logo && diagnostics.items().empty()) __builtin_trap();  // a refusal must say why
  return logo;
}

}  // namespace logogrid::fuzzing

// bench/deflate_levels: which deflate level for the streams we write? Decodes the PNG logos
// named on the command line into the colour and alpha planes a PDF image carries, then
// deflates all planes with zlib at its default level (what libqpdf uses today) and with
// libdeflate at each level, and prints total size and CPU time per variant.
#include <png.h>
#include <zlib.h>

#include <cstdio>
#include <ctime>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "codec/deflate.hpp"

namespace {

std::vector<std::string> planes_of(const char* path) {
  std::ifstream in(path, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size())) return {};
  image.format = PNG_FORMAT_RGBA;
  const std::size_t pixels = std::size_t{image.width} * image.height;
  std::vector<unsigned char> rgba(pixels * 4);
  if (!png_image_finish_read(&image, nullptr, rgba.data(), 0, nullptr)) return {};
  std::string rgb(pixels * 3, '\0'), alpha(pixels, '\0');
  bool opaque = true;
  for (std::size_t i = 0; i < pixels; ++i) {
    for (std::size_t k = 0; k < 3; ++k) rgb[3 * i + k] = static_cast<char>(rgba[4 * i + k]);
    alpha[i] = static_cast<char>(rgba[4 * i + 3]);
    opaque = opaque && rgba[4 * i + 3] == 255;
  }
  if (opaque) return {rgb};
  return {rgb, alpha};
}

// Process CPU time: the machine may be busy with other work.
double cpu_seconds() { return static_cast<double>(std::clock()) / CLOCKS_PER_SEC; }

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> planes;
  std::size_t raw = 0;
  for (int i = 1; i < argc; ++i)
    for (auto& plane : planes_of(argv[i])) {
      raw += plane.size();
      planes.push_back(std::move(plane));
    }
  if (planes.empty()) {
    std::fprintf(stderr, "usage: deflate_levels PNG...\n");
    return 2;
  }
  std::printf("%zu planes, %.1f MB raw\n%-16s %10s %9s %9s\n", planes.size(), double(raw) / 1e6,
              "variant", "size_MB", "vs_zlib6", "time_s");
  double zlib_size = 0;
  auto report = [&](const char* name, int level, auto&& compress) {
    const double start = cpu_seconds();
    std::size_t size = 0;
    for (const auto& plane : planes) size += compress(plane, level);
    const double took = cpu_seconds() - start;
    if (zlib_size == 0) zlib_size = double(size);
    std::printf("%-12s %3d %10.3f %8.1f%% %9.3f\n", name, level, double(size) / 1e6,
                100.0 * double(size) / zlib_size, took);
  };
  report("zlib", Z_DEFAULT_COMPRESSION, [](const std::string& plane, int level) {
    uLongf length = compressBound(static_cast<uLong>(plane.size()));
    std::vector<Bytef> out(length);
    compress2(out.data(), &length, reinterpret_cast<const Bytef*>(plane.data()),
              static_cast<uLong>(plane.size()), level);
    return std::size_t{length};
  });
  report("zlib", 1, [](const std::string& plane, int level) {
    uLongf length = compressBound(static_cast<uLong>(plane.size()));
    std::vector<Bytef> out(length);
    compress2(out.data(), &length, reinterpret_cast<const Bytef*>(plane.data()),
              static_cast<uLong>(plane.size()), level);
    return std::size_t{length};
  });
  for (int level : {1, 2, 3, 4, 5, 6, 7, 9, 12})
    report("libdeflate", level,
           [](const std::string& plane, int l) { return logogrid::deflate_zlib(plane, l).size(); });
  return 0;
}

// deflate_file IN OUT: writes IN deflated in the zlib format with codec/deflate's level, the
// bytes logogrid itself would write for it. The build uses it to compile in the shipped
// output profile already deflated (src/color/shipped_profile.cpp), which a PDF/X output
// intent embeds on every build.
#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "codec/deflate.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: deflate_file IN OUT\n");
    return 2;
  }
  std::ifstream in(argv[1], std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (!in.eof() && in.fail()) {
    std::fprintf(stderr, "deflate_file: cannot read %s\n", argv[1]);
    return 1;
  }
  const std::string deflated = logogrid::deflate_zlib(bytes);
  std::ofstream out(argv[2], std::ios::binary | std::ios::trunc);
  out.write(deflated.data(), static_cast<std::streamsize>(deflated.size()));
  out.close();
  if (!out) {
    std::fprintf(stderr, "deflate_file: cannot write %s\n", argv[2]);
    return 1;
  }
  return 0;
}

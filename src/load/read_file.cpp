// Whole-file reads for the participants and layout files.
#include "load/read_file.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "diag/fatal_error.hpp"

namespace logogrid {

std::string read_input_file(const std::string& path, const std::string& what,
                            std::size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec))
    throw FatalError(fmt::format("cannot read {} {}: it is a folder", what, path));
  const auto size = std::filesystem::file_size(path, ec);
  if (ec) throw FatalError(fmt::format("cannot read {} {}: {}", what, path, ec.message()));
  if (size > max_bytes)
    throw FatalError(
        fmt::format("{} {} is {} bytes; the limit is {} bytes", what, path, size, max_bytes));
  std::ifstream in(path, std::ios::binary);
  if (!in) throw FatalError(fmt::format("cannot read {} {}: {}", what, path, std::strerror(errno)));
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw FatalError(fmt::format("cannot read {} {}: read error", what, path));
  return text;
}

}  // namespace logogrid

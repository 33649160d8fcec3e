// Magic numbers of the formats people most often hand in instead of SVG or PNG.
#include "resolve/content_sniff.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace logogrid {
namespace {

using namespace std::string_view_literals;

bool starts_with(std::string_view bytes, std::string_view magic) {
  return bytes.substr(0, magic.size()) == magic;
}

std::string lowercase_prefix(std::string_view bytes, std::size_t count) {
  std::string out(bytes.substr(0, count));
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return out;
}

struct Magic {
  std::string_view bytes;
  const char* looks_like;
};

constexpr std::array kMagics{
    Magic{"\xFF\xD8\xFF"sv, "a JPEG image"},
    Magic{"GIF87a"sv, "a GIF image"},
    Magic{"GIF89a"sv, "a GIF image"},
    Magic{"%PDF-"sv, "a PDF document"},
    Magic{"%!PS"sv, "a PostScript/EPS file"},
    Magic{"\xC5\xD0\xD3\xC6"sv, "an EPS file"},
    Magic{"II*\0"sv, "a TIFF image"},
    Magic{"MM\0*"sv, "a TIFF image"},
    Magic{"BM"sv, "a BMP image"},
    Magic{"PK\x03\x04"sv, "a ZIP archive (an Office or .ai file?)"},
    Magic{"8BPS"sv, "a Photoshop document"},
    Magic{"\0\0\1\0"sv, "an icon file (.ico)"},
};

}  // namespace

Sniffed sniff_logo_content(std::string_view bytes) {
  if (bytes.empty()) return {SniffedFormat::other, "an empty file"};
  if (starts_with(bytes, "\x89PNG\r\n\x1A\n"sv)) return {SniffedFormat::png, {}};
  if (starts_with(bytes, "\x89PNG"sv) || (bytes.size() >= 16 && bytes.substr(12, 4) == "IHDR"))
    return {SniffedFormat::damaged_png, {}};
  if (starts_with(bytes, "\x1F\x8B"sv)) return {SniffedFormat::gzip, {}};
  if (bytes.size() >= 12 && starts_with(bytes, "RIFF") && bytes.substr(8, 4) == "WEBP")
    return {SniffedFormat::other, "a WebP image"};
  for (const Magic& magic : kMagics)
    if (starts_with(bytes, magic.bytes)) return {SniffedFormat::other, magic.looks_like};

  // XML: after an optional byte order mark and white space, markup starts. UTF-16 XML
  // is left to libxml2 to decode.
  if (starts_with(bytes, "\xFE\xFF") || starts_with(bytes, "\xFF\xFE"))
    return {SniffedFormat::xml, {}};
  std::string_view rest = bytes;
  if (starts_with(rest, "\xEF\xBB\xBF")) rest.remove_prefix(3);
  const auto first = rest.find_first_not_of(" \t\r\n");
  if (first != std::string_view::npos && rest[first] == '<') {
    const std::string head = lowercase_prefix(rest.substr(first), 15);
    if (head.starts_with("<!doctype html") || head.starts_with("<html"))
      return {SniffedFormat::other, "an HTML page"};
    return {SniffedFormat::xml, {}};
  }
  if (first == std::string_view::npos) return {SniffedFormat::other, "blank text"};
  return {SniffedFormat::other, {}};
}

}  // namespace logogrid

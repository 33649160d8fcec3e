// data: URI and image header parsing for rasters embedded in SVGs.
#include "resolve/svg_images.hpp"

#include <fmt/format.h>
#include <glib.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>

#include "resolve/logo.hpp"

namespace logogrid {
namespace {

std::string lowercase(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(), [](char c) {
    return static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  });
  return out;
}

unsigned byte(const std::string& bytes, std::size_t at) {
  return static_cast<unsigned char>(bytes[at]);
}

unsigned big_endian(const std::string& bytes, std::size_t at, int count) {
  unsigned value = 0;
  for (int i = 0; i < count; ++i)
    value = (value << 8) | byte(bytes, at + static_cast<std::size_t>(i));
  return value;
}

bool png_size(const std::string& bytes, SvgEmbeddedImage& image) {
  if (bytes.size() < 24 || bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") != 0 ||
      bytes.compare(12, 4, "IHDR") != 0)
    return false;
  image.pixel_width = static_cast<int>(std::min(big_endian(bytes, 16, 4), 0x7fffffffu));
  image.pixel_height = static_cast<int>(std::min(big_endian(bytes, 20, 4), 0x7fffffffu));
  return true;
}

// Walks the JPEG markers up to the frame header (SOF0…SOF15 but DHT, JPG and DAC).
bool jpeg_size(const std::string& bytes, SvgEmbeddedImage& image) {
  if (bytes.size() < 4 || byte(bytes, 0) != 0xff || byte(bytes, 1) != 0xd8) return false;
  std::size_t at = 2;
  while (at + 4 <= bytes.size()) {
    if (byte(bytes, at) != 0xff) return false;
    const unsigned marker = byte(bytes, at + 1);
    if (marker == 0xff) {
      ++at;
      continue;
    }
    const unsigned length = big_endian(bytes, at + 2, 2);
    if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
      if (at + 9 > bytes.size()) return false;
      image.pixel_height = static_cast<int>(big_endian(bytes, at + 5, 2));
      image.pixel_width = static_cast<int>(big_endian(bytes, at + 7, 2));
      return true;
    }
    if (length < 2) return false;
    at += 2 + length;
  }
  return false;
}

// Every chunk whole with a right CRC, up to IEND: a cut-short or damaged PNG is found here
// (the image decoder librsvg uses shows such a file half drawn, or not at all).
bool png_complete(const std::string& bytes) {
  std::size_t at = 8;
  while (at + 12 <= bytes.size()) {
    const std::size_t length = big_endian(bytes, at, 4);
    if (length > bytes.size() - at - 12) return false;
    const auto* body = reinterpret_cast<const Bytef*>(bytes.data() + at + 4);
    if (crc32(0, body, static_cast<uInt>(length + 4)) != big_endian(bytes, at + 8 + length, 4))
      return false;
    if (bytes.compare(at + 4, 4, "IEND") == 0) return true;
    at += 12 + length;
  }
  return false;
}

// A JPEG ends with its EOI marker.
bool jpeg_complete(const std::string& bytes) {
  std::size_t end = bytes.size();
  while (end > 0 && bytes[end - 1] == '\0') --end;
  return end >= 4 && byte(bytes, end - 2) == 0xff && byte(bytes, end - 1) == 0xd9;
}

}  // namespace

bool read_embedded_image(std::string_view href, SvgEmbeddedImage& image) {
  while (!href.empty() && std::isspace(static_cast<unsigned char>(href.front())))
    href.remove_prefix(1);
  if (lowercase(href.substr(0, 5)) != "data:") return false;
  const auto comma = href.find(',');
  if (comma == std::string_view::npos) {
    image.problem = "its data: URI has no data";
    return true;
  }
  const std::string head = lowercase(href.substr(5, comma - 5));
  const std::string media = head.substr(0, head.find(';'));
  const bool base64 = head.find(";base64") != std::string::npos;
  if (media != "image/png" && media != "image/jpeg" && media != "image/jpg") {
    image.format = media.empty() ? "text/plain" : media;
    return true;  // other media (SVG, GIF, …) are left to librsvg
  }
  image.format = media == "image/png" ? "PNG" : "JPEG";
  if (!base64) {
    image.problem = "its data: URI is not base64-encoded";
    return true;
  }
  // Base64 is 4 characters for 3 bytes: refuse an oversized payload before decoding it.
  const std::string_view payload = href.substr(comma + 1);
  if (payload.size() / 4 * 3 > kMaxLogoBytes) {
    image.too_large = true;
    image.problem = fmt::format("it is {:.1f} MiB; the limit is {} MiB",
                                static_cast<double>(payload.size()) / 4 * 3 / (1024.0 * 1024.0),
                                kMaxLogoBytes / (1024u * 1024u));
    return true;
  }
  const std::string text(payload);
  gsize length = 0;
  guchar* decoded = g_base64_decode(text.c_str(), &length);
  image.bytes.assign(reinterpret_cast<const char*>(decoded), length);
  g_free(decoded);
  const bool known =
      image.format == "PNG" ? png_size(image.bytes, image) : jpeg_size(image.bytes, image);
  if (!known) {
    image.problem = fmt::format("its data is not a readable {} image", image.format);
    return true;
  }
  const double pixels = static_cast<double>(image.pixel_width) * image.pixel_height;
  const bool complete =
      image.format == "PNG" ? png_complete(image.bytes) : jpeg_complete(image.bytes);
  if (image.pixel_width <= 0 || image.pixel_height <= 0) {
    image.problem = fmt::format("its {} header gives a size of {}×{} px", image.format,
                                image.pixel_width, image.pixel_height);
  } else if (pixels > kMaxLogoPixels || image.pixel_width > kMaxLogoSide ||
             image.pixel_height > kMaxLogoSide) {
    image.too_large = true;
    image.problem = fmt::format(
        "it is {}×{} px ({:.0f} megapixels); the limits are {:.0f} megapixels and {} px on a side",
        image.pixel_width, image.pixel_height, pixels / 1e6, kMaxLogoPixels / 1e6, kMaxLogoSide);
  } else if (!complete) {
    image.problem = fmt::format("its {} data is cut short or damaged", image.format);
  }
  return true;
}

}  // namespace logogrid

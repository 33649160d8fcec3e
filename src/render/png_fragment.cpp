// PNG pass-through fragments, written with libqpdf.
#include "render/png_fragment.hpp"

#include <png.h>

#include <cstdint>
#include <cstdio>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>
#include <vector>

#include "diag/fatal_error.hpp"

namespace logogrid {
namespace {

std::uint32_t be32(const std::string& b, std::size_t at) {
  return (std::uint32_t{static_cast<unsigned char>(b[at])} << 24) |
         (std::uint32_t{static_cast<unsigned char>(b[at + 1])} << 16) |
         (std::uint32_t{static_cast<unsigned char>(b[at + 2])} << 8) |
         std::uint32_t{static_cast<unsigned char>(b[at + 3])};
}

struct PngChunks {
  std::uint32_t width = 0, height = 0;
  int bit_depth = 0, colour_type = -1, interlace = 0;
  bool transparency = false;  // tRNS
  std::string idat;
  bool ok = false;
};

PngChunks read_chunks(const std::string& bytes) {
  PngChunks png;
  std::size_t at = 8;
  while (at + 12 <= bytes.size()) {
    const std::uint32_t length = be32(bytes, at);
    if (length > bytes.size() - at - 12) return png;
    const std::string type = bytes.substr(at + 4, 4);
    const std::size_t data = at + 8;
    if (type == "IHDR" && length >= 13) {
      png.width = be32(bytes, data);
      png.height = be32(bytes, data + 4);
      png.bit_depth = static_cast<unsigned char>(bytes[data + 8]);
      png.colour_type = static_cast<unsigned char>(bytes[data + 9]);
      png.interlace = static_cast<unsigned char>(bytes[data + 12]);
    } else if (type == "tRNS") {
      png.transparency = true;
    } else if (type == "IDAT") {
      png.idat.append(bytes, data, length);
    } else if (type == "IEND") {
      png.ok = png.width > 0 && !png.idat.empty();
      return png;
    }
    at = data + length + 4;
  }
  return png;
}

QPDFObjectHandle name(const char* n) { return QPDFObjectHandle::newName(n); }
QPDFObjectHandle integer(long long v) { return QPDFObjectHandle::newInteger(v); }

QPDFObjectHandle image_stream(QPDF& pdf, std::uint32_t w, std::uint32_t h, const char* space,
                              int bits, std::string data, QPDFObjectHandle decode_parms) {
  QPDFObjectHandle image = pdf.newStream();
  // Raw planes (decode_parms null) are deflated by the fragment's QPDFWriter.
  image.replaceStreamData(
      data, decode_parms.isNull() ? QPDFObjectHandle::newNull() : name("/FlateDecode"),
      decode_parms);
  QPDFObjectHandle dict = image.getDict();
  dict.replaceKey("/Type", name("/XObject"));
  dict.replaceKey("/Subtype", name("/Image"));
  dict.replaceKey("/Width", integer(w));
  dict.replaceKey("/Height", integer(h));
  dict.replaceKey("/ColorSpace", name(space));
  dict.replaceKey("/BitsPerComponent", integer(bits));
  dict.replaceKey("/Interpolate", QPDFObjectHandle::newBool(false));
  return image;
}

std::string number(double v) {
  char text[40];
  std::snprintf(text, sizeof text, "%.6f", v);
  return text;
}

}  // namespace

std::string render_png_fragment(const Logo& logo, double width, double height) {
  const PngChunks png = read_chunks(logo.bytes);
  if (!png.ok) throw FatalError("failed to draw logo " + logo.path + " (PNG does not decode)");
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle image;
  const bool pass_through = (png.colour_type == 0 || png.colour_type == 2) &&
                            (png.bit_depth == 8 || png.bit_depth == 16) && png.interlace == 0 &&
                            !png.transparency;
  if (pass_through) {
    const int colours = png.colour_type == 2 ? 3 : 1;
    QPDFObjectHandle parms = QPDFObjectHandle::newDictionary();
    parms.replaceKey("/Predictor", integer(15));
    parms.replaceKey("/Colors", integer(colours));
    parms.replaceKey("/BitsPerComponent", integer(png.bit_depth));
    parms.replaceKey("/Columns", integer(png.width));
    image = image_stream(pdf, png.width, png.height, colours == 3 ? "/DeviceRGB" : "/DeviceGray",
                         png.bit_depth, png.idat, parms);
  } else {
    png_image decoded{};
    decoded.version = PNG_IMAGE_VERSION;
    if (!png_image_begin_read_from_memory(&decoded, logo.bytes.data(), logo.bytes.size()))
      throw FatalError("failed to draw logo " + logo.path + " (PNG does not decode)");
    decoded.format = PNG_FORMAT_RGBA;
    const std::size_t pixels = std::size_t{decoded.width} * decoded.height;
    std::vector<unsigned char> rgba(pixels * 4);
    if (!png_image_finish_read(&decoded, nullptr, rgba.data(), 0, nullptr)) {
      png_image_free(&decoded);
      throw FatalError("failed to draw logo " + logo.path + " (PNG does not decode)");
    }
    std::vector<unsigned char> rgb(pixels * 3);
    std::vector<unsigned char> alpha(pixels);
    bool opaque = true;
    for (std::size_t i = 0; i < pixels; ++i) {
      rgb[3 * i] = rgba[4 * i];
      rgb[3 * i + 1] = rgba[4 * i + 1];
      rgb[3 * i + 2] = rgba[4 * i + 2];
      alpha[i] = rgba[4 * i + 3];
      opaque = opaque && alpha[i] == 255;
    }
    std::vector<unsigned char>().swap(rgba);
    image = image_stream(pdf, decoded.width, decoded.height, "/DeviceRGB", 8,
                         std::string(rgb.begin(), rgb.end()), QPDFObjectHandle::newNull());
    if (!opaque) {
      QPDFObjectHandle mask =
          image_stream(pdf, decoded.width, decoded.height, "/DeviceGray", 8,
                       std::string(alpha.begin(), alpha.end()), QPDFObjectHandle::newNull());
      image.getDict().replaceKey("/SMask", mask);
    }
  }

  // Logo units are pixels (top-left origin); the ink box lands on (0, 0, width, height).
  const double kx = width / logo.ink.width;
  const double ky = height / logo.ink.height;
  const double pw = logo.pixel_width;
  const double ph = logo.pixel_height;
  const std::string content = "q 0 0 " + number(width) + " " + number(height) + " re W n " +
                              number(pw * kx) + " 0 0 " + number(ph * ky) + " " +
                              number(-logo.ink.x * kx) + " " +
                              number(height - (ph - logo.ink.y) * ky) + " cm /Im0 Do Q\n";
  QPDFObjectHandle xobjects = QPDFObjectHandle::newDictionary();
  xobjects.replaceKey("/Im0", image);
  QPDFObjectHandle resources = QPDFObjectHandle::newDictionary();
  resources.replaceKey("/XObject", xobjects);
  QPDFObjectHandle page = QPDFObjectHandle::newDictionary();
  page.replaceKey("/Type", name("/Page"));
  page.replaceKey("/MediaBox", QPDFObjectHandle::newArray({integer(0), integer(0),
                                                           QPDFObjectHandle::newReal(width, 6),
                                                           QPDFObjectHandle::newReal(height, 6)}));
  page.replaceKey("/Resources", resources);
  page.replaceKey("/Contents", pdf.newStream(content));
  pdf.addPage(pdf.makeIndirectObject(page), false);

  QPDFWriter writer(pdf);
  writer.setOutputMemory();
  writer.setStaticID(true);
  writer.setObjectStreamMode(qpdf_o_disable);
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace logogrid

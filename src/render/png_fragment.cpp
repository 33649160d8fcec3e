// PNG fragments, written with libqpdf from the print image made in resolve/.
#include "render/png_fragment.hpp"

#include <cstdio>
#include <memory>
#include <optional>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>
#include <vector>

#include "diag/fatal_error.hpp"
#include "resolve/png_image.hpp"

namespace logogrid {
namespace {

QPDFObjectHandle name(const char* n) { return QPDFObjectHandle::newName(n); }
QPDFObjectHandle integer(long long v) { return QPDFObjectHandle::newInteger(v); }

// An image XObject over samples that are already compressed, rows with PNG filters (see
// png_image.hpp).
QPDFObjectHandle image_stream(QPDF& pdf, const PngImage& image, int components, int bits,
                              const std::string& data, QPDFObjectHandle color_space) {
  QPDFObjectHandle decode_parms = QPDFObjectHandle::newDictionary();
  decode_parms.replaceKey("/Predictor", integer(15));
  decode_parms.replaceKey("/Colors", integer(components));
  decode_parms.replaceKey("/BitsPerComponent", integer(bits));
  decode_parms.replaceKey("/Columns", integer(image.width));
  QPDFObjectHandle stream = pdf.newStream();
  stream.replaceStreamData(data, name("/FlateDecode"), decode_parms);
  QPDFObjectHandle dict = stream.getDict();
  dict.replaceKey("/Type", name("/XObject"));
  dict.replaceKey("/Subtype", name("/Image"));
  dict.replaceKey("/Width", integer(image.width));
  dict.replaceKey("/Height", integer(image.height));
  dict.replaceKey("/ColorSpace", color_space);
  dict.replaceKey("/BitsPerComponent", integer(bits));
  dict.replaceKey("/Interpolate", QPDFObjectHandle::newBool(false));
  return stream;
}

// DeviceGray/DeviceRGB for sRGB samples, else [/ICCBased profile]. The build's colour
// step (finish/) relies on images being declared in exactly one of these two ways.
QPDFObjectHandle color_space(QPDF& pdf, const PngImage& image) {
  const char* device = image.components == 1 ? "/DeviceGray" : "/DeviceRGB";
  if (image.icc_profile.empty()) return name(device);
  QPDFObjectHandle profile = pdf.newStream(image.icc_profile);
  profile.getDict().replaceKey("/N", integer(image.components));
  profile.getDict().replaceKey("/Alternate", name(device));
  return QPDFObjectHandle::newArray({name("/ICCBased"), profile});
}

// The logo's print image: from resolve when it is still there, else decoded again (the
// facts came from the cache).
std::shared_ptr<const PngImage> print_image(const Logo& logo) {
  if (logo.png) return logo.png;
  Diagnostics ignored;
  std::optional<Logo> decoded = decode_logo(logo.bytes, LogoRequest{}, ignored);
  if (!decoded || !decoded->png)
    throw FatalError("failed to draw logo " + logo.path + " (PNG does not decode)");
  return decoded->png;
}

std::string number(double v) {
  char text[40];
  std::snprintf(text, sizeof text, "%.6f", v);
  return text;
}

}  // namespace

std::string render_png_fragment(const Logo& logo, double width, double height) {
  const std::shared_ptr<const PngImage> png = print_image(logo);
  QPDF pdf;
  pdf.emptyPDF();
  QPDFObjectHandle space = color_space(pdf, *png);
  QPDFObjectHandle image =
      image_stream(pdf, *png, png->components, png->bits_per_component, png->samples, space);
  if (!png->alpha.empty())
    image.getDict().replaceKey("/SMask",
                               image_stream(pdf, *png, 1, 8, png->alpha, name("/DeviceGray")));

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
  // The image streams are compressed already: written as they are, never inflated.
  writer.setDecodeLevel(qpdf_dl_none);
  writer.write();
  auto buffer = writer.getBufferSharedPointer();
  return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace logogrid

// finish/print_colour on a hand-made page with what logos bring: RGB vector colours, an RGB
// image with a soft mask, an ICC-based 16-bit image, an indexed image, an axial shading and
// a luminosity soft mask.
#include <gtest/gtest.h>
#include <lcms2.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <string>

#include "../pdfx_structure.hpp"
#include "color/icc_profile.hpp"
#include "finish/print_colour.hpp"

namespace logogrid {
namespace {

QPDFObjectHandle parse(const std::string& text) { return QPDFObjectHandle::parse(text); }

QPDFObjectHandle image(QPDF& pdf, const std::string& dict, const std::string& data) {
  QPDFObjectHandle im = pdf.newStream(data);
  for (auto& [key, value] : parse(dict).ditems()) im.getDict().replaceKey(key, value);
  return im;
}

struct Page {
  QPDF pdf;
  QPDFObjectHandle page;
  Page() {
    pdf.emptyPDF();
    QPDFObjectHandle mask_form = pdf.newStream(std::string("0.5 0.5 0.5 rg 0 0 10 10 re f"));
    for (auto& [key, value] :
         parse("<< /Type /XObject /Subtype /Form /BBox [0 0 10 10] /Group << /S /Transparency "
               "/CS /DeviceRGB >> >>")
             .ditems())
      mask_form.getDict().replaceKey(key, value);
    QPDFObjectHandle smask = image(pdf,
                                   "<< /Type /XObject /Subtype /Image /Width 2 /Height 1 "
                                   "/ColorSpace /DeviceGray /BitsPerComponent 8 >>",
                                   std::string("\x80\xff", 2));
    QPDFObjectHandle rgb = image(pdf,
                                 "<< /Type /XObject /Subtype /Image /Width 2 /Height 1 "
                                 "/ColorSpace /DeviceRGB /BitsPerComponent 8 >>",
                                 std::string("\0\0\0\xff\0\0", 6));
    rgb.getDict().replaceKey("/SMask", smask);
    QPDFObjectHandle icc = pdf.newStream(srgb_profile());
    icc.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
    QPDFObjectHandle icc_image =
        image(pdf, "<< /Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 16 >>",
              std::string("\0\0\0\0\xff\xff", 6));
    icc_image.getDict().replaceKey(
        "/ColorSpace", QPDFObjectHandle::newArray({QPDFObjectHandle::newName("/ICCBased"), icc}));
    QPDFObjectHandle indexed = image(pdf,
                                     "<< /Type /XObject /Subtype /Image /Width 2 /Height 1 "
                                     "/ColorSpace [/Indexed /DeviceRGB 1 <000000ff0000>] "
                                     "/BitsPerComponent 8 >>",
                                     std::string("\0\1", 2));
    QPDFObjectHandle resources = parse(
        "<< /Shading << /Sh0 << /ShadingType 2 /ColorSpace /DeviceRGB /Coords [0 0 10 0] "
        "/Function << /FunctionType 2 /Domain [0 1] /C0 [1 0 0] /C1 [0 0 1] /N 1 >> >> >> >>");
    QPDFObjectHandle xobjects = QPDFObjectHandle::newDictionary();
    xobjects.replaceKey("/Im0", rgb);
    xobjects.replaceKey("/Im1", icc_image);
    xobjects.replaceKey("/Im2", indexed);
    resources.replaceKey("/XObject", xobjects);
    QPDFObjectHandle gs = parse("<< /SMask << /Type /Mask /S /Luminosity >> >>");
    gs.getKey("/SMask").replaceKey("/G", mask_form);
    resources.replaceKey("/ExtGState", parse("<< >>"));
    resources.getKey("/ExtGState").replaceKey("/Gs0", gs);
    page = pdf.makeIndirectObject(parse(
        "<< /Type /Page /MediaBox [0 0 10 10] /Group << /S /Transparency /CS /DeviceRGB >> >>"));
    page.replaceKey("/Resources", resources);
    page.replaceKey("/Contents",
                    pdf.newStream(std::string("0 0 0 rg 0 0 5 5 re f 0.2 0.4 0.6 RG 0 0 m 5 5 l S "
                                              "/Gs0 gs /Im0 Do /Im1 Do /Im2 Do /Sh0 sh")));
    pdf.addPage(page, false);
  }
  QPDFObjectHandle resource(const char* kind, const char* name) {
    return page.getKey("/Resources").getKey(kind).getKey(name);
  }
  std::string content() { return testing::stream_text(page.getKey("/Contents")); }
};

PrintColour cmyk() {
  PrintColour colour;
  colour.cmyk = true;
  return colour;
}

TEST(finish_print_colour, cmyk_converts_vector_colours_and_black_to_k) {
  Page p;
  apply_colour_rules(p.pdf, p.page, logo_rules(cmyk(), QPDFObjectHandle::newNull()));
  const std::string content = p.content();
  EXPECT_NE(content.find("0 0 0 1 k"), std::string::npos) << content;
  for (const auto& w : testing::content_words(content)) {
    EXPECT_NE(w, "rg");
    EXPECT_NE(w, "RG");
  }
  EXPECT_NE(content.find(" K"), std::string::npos);
  EXPECT_EQ(p.page.getKey("/Group").getKey("/CS").unparse(), "/DeviceCMYK");
}

TEST(finish_print_colour, cmyk_converts_images_and_keeps_their_soft_masks) {
  Page p;
  apply_colour_rules(p.pdf, p.page, logo_rules(cmyk(), QPDFObjectHandle::newNull()));
  QPDFObjectHandle rgb = p.resource("/XObject", "/Im0");
  EXPECT_EQ(rgb.getDict().getKey("/ColorSpace").unparse(), "/DeviceCMYK");
  EXPECT_EQ(rgb.getDict().getKey("/BitsPerComponent").getIntValue(), 8);
  ASSERT_TRUE(rgb.getDict().getKey("/SMask").isStream());
  EXPECT_EQ(testing::stream_text(rgb.getDict().getKey("/SMask")), std::string("\x80\xff", 2));
  const std::string pixels = testing::stream_text(rgb);
  ASSERT_EQ(pixels.size(), 8u);
  EXPECT_EQ(pixels.substr(0, 4), std::string("\0\0\0\xff", 4));  // black: K only
  EXPECT_GT(static_cast<unsigned char>(pixels[5]), 200);         // red: magenta
  QPDFObjectHandle icc = p.resource("/XObject", "/Im1");
  EXPECT_EQ(icc.getDict().getKey("/ColorSpace").unparse(), "/DeviceCMYK");
  const std::string blue = testing::stream_text(icc);
  ASSERT_EQ(blue.size(), 4u);
  EXPECT_GT(static_cast<unsigned char>(blue[0]), 200);  // ICC sRGB blue: cyan
  QPDFObjectHandle indexed = p.resource("/XObject", "/Im2");
  QPDFObjectHandle space = indexed.getDict().getKey("/ColorSpace");
  EXPECT_EQ(space.getArrayItem(1).unparse(), "/DeviceCMYK");
  EXPECT_EQ(space.getArrayItem(3).getStringValue().substr(0, 4), std::string("\0\0\0\xff", 4));
}

TEST(finish_print_colour, cmyk_converts_shadings_and_soft_mask_groups) {
  Page p;
  apply_colour_rules(p.pdf, p.page, logo_rules(cmyk(), QPDFObjectHandle::newNull()));
  QPDFObjectHandle shading = p.resource("/Shading", "/Sh0");
  EXPECT_EQ(shading.getKey("/ColorSpace").unparse(), "/DeviceCMYK");
  EXPECT_EQ(shading.getKey("/Function").getKey("/C0").getArrayNItems(), 4);
  QPDFObjectHandle mask = p.resource("/ExtGState", "/Gs0").getKey("/SMask").getKey("/G");
  EXPECT_EQ(mask.getDict().getKey("/Group").getKey("/CS").unparse(), "/DeviceGray");
  EXPECT_NE(testing::stream_text(mask).find("0.5 g"), std::string::npos);
}

TEST(finish_print_colour, rgb_managed_covers_rgb_with_default_rgb) {
  Page p;
  PrintColour colour;  // PDF/X-4, rgb-managed
  QPDFObjectHandle srgb = make_default_rgb(p.pdf);
  apply_colour_rules(p.pdf, p.page, logo_rules(colour, srgb));
  EXPECT_EQ(p.page.getKey("/Group").getKey("/CS").unparse(), "/DeviceCMYK");
  EXPECT_EQ(p.resource("/ColorSpace", "/DefaultRGB").getObjGen(), srgb.getObjGen());
  EXPECT_EQ(p.resource("/XObject", "/Im0").getDict().getKey("/ColorSpace").unparse(),
            "/DeviceRGB");  // the image itself is left as it is
  QPDFObjectHandle mask = p.resource("/ExtGState", "/Gs0").getKey("/SMask").getKey("/G");
  EXPECT_EQ(mask.getDict().getKey("/Group").getKey("/CS").getObjGen(), srgb.getObjGen());
  EXPECT_EQ(
      mask.getDict().getKey("/Resources").getKey("/ColorSpace").getKey("/DefaultRGB").getObjGen(),
      srgb.getObjGen());
  EXPECT_NE(p.content().find("0 0 0 rg"), std::string::npos);  // logo black stays as drawn
}

TEST(finish_print_colour, page_text_black_is_k_in_every_mode) {
  Page p;
  PrintColour colour;
  apply_colour_rules(p.pdf, p.page, page_rules(colour, make_default_rgb(p.pdf)));
  EXPECT_NE(p.content().find("0 0 0 1 k"), std::string::npos);
  EXPECT_NE(p.content().find("0.2 0.4 0.6 RG"), std::string::npos);
}

// A grey ICC profile (gamma 2.2) as PNGs with an iCCP chunk bring it.
std::string grey_profile() {
  cmsToneCurve* curve = cmsBuildGamma(nullptr, 2.2);
  cmsHPROFILE grey = cmsCreateGrayProfile(cmsD50_xyY(), curve);
  cmsUInt32Number size = 0;
  cmsSaveProfileToMem(grey, nullptr, &size);
  std::string bytes(size, '\0');
  cmsSaveProfileToMem(grey, bytes.data(), &size);
  cmsCloseProfile(grey);
  cmsFreeToneCurve(curve);
  return bytes;
}

TEST(finish_print_colour, cmyk_converts_one_bit_icc_grey_images) {
  Page p;
  QPDFObjectHandle icc = p.pdf.newStream(grey_profile());
  icc.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(1));
  QPDFObjectHandle bilevel =
      image(p.pdf, "<< /Type /XObject /Subtype /Image /Width 8 /Height 1 /BitsPerComponent 1 >>",
            std::string("\x0f", 1));
  bilevel.getDict().replaceKey(
      "/ColorSpace", QPDFObjectHandle::newArray({QPDFObjectHandle::newName("/ICCBased"), icc}));
  p.page.getKey("/Resources").getKey("/XObject").replaceKey("/Im3", bilevel);
  apply_colour_rules(p.pdf, p.page, logo_rules(cmyk(), QPDFObjectHandle::newNull()));
  QPDFObjectHandle converted = p.resource("/XObject", "/Im3");
  EXPECT_EQ(converted.getDict().getKey("/ColorSpace").unparse(), "/DeviceCMYK");
  const std::string pixels = testing::stream_text(converted);
  ASSERT_EQ(pixels.size(), 32u);
  EXPECT_EQ(pixels.substr(0, 4), std::string("\0\0\0\xff", 4));  // black: K only
  for (std::size_t i = 16; i < 32; ++i) EXPECT_LT(static_cast<unsigned char>(pixels[i]), 8);
}

TEST(finish_print_colour, colour_key_changes_with_what_changes_the_bytes) {
  PrintColour a;
  PrintColour b = cmyk();
  PrintColour c = cmyk();
  c.logo_black_k = false;
  PrintColour d = cmyk();
  d.intent = make_output_intent(std::string(shipped_output_profile()) + " ", "X", "");
  EXPECT_NE(a.key(), b.key());
  EXPECT_NE(b.key(), c.key());
  EXPECT_NE(b.key(), d.key());
}

}  // namespace
}  // namespace logogrid

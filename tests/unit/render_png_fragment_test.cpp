// PNG print images: the fixture matrix of tests/png_matrix.py (one picture saved every way
// a PNG can hold it) decoded back out of the built fragments with libqpdf. Every variant of
// one colour rule must print the same pixels and alpha in the same colour space, and the
// proof must carry the samples the print carries.
#include <cairo.h>
#include <gtest/gtest.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "render/logo_painter.hpp"
#include "render/png_fragment.hpp"
#include "resolve/logo.hpp"

namespace logogrid {
namespace {

namespace fs = std::filesystem;

std::string read_all(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

struct Variant {
  std::string name, rule, family;
};

// What a fragment prints: its colour space (a name, or "ICC" + the profile) and the
// samples as 8-bit RGBA.
struct Printed {
  std::string color_space;
  std::string profile;
  int width = 0, height = 0;
  std::vector<int> rgba;
};

std::vector<unsigned char> stream_bytes(QPDFObjectHandle stream) {
  auto data = stream.getStreamData(qpdf_dl_all);
  return std::vector<unsigned char>(data->getBuffer(), data->getBuffer() + data->getSize());
}

Printed printed(const std::string& fragment) {
  QPDF pdf;
  pdf.processMemoryFile("fragment", fragment.data(), fragment.size());
  QPDFObjectHandle page = pdf.getAllPages().at(0);
  QPDFObjectHandle image = page.getKey("/Resources").getKey("/XObject").getKey("/Im0");
  QPDFObjectHandle dict = image.getDict();
  Printed out;
  out.width = static_cast<int>(dict.getKey("/Width").getIntValue());
  out.height = static_cast<int>(dict.getKey("/Height").getIntValue());
  const int bits = static_cast<int>(dict.getKey("/BitsPerComponent").getIntValue());
  QPDFObjectHandle space = dict.getKey("/ColorSpace");
  int components = 0;
  if (space.isName()) {
    out.color_space = space.getName();
    components = out.color_space == "/DeviceGray" ? 1 : 3;
  } else {
    EXPECT_EQ(space.getArrayItem(0).getName(), "/ICCBased");
    QPDFObjectHandle profile = space.getArrayItem(1);
    components = static_cast<int>(profile.getDict().getKey("/N").getIntValue());
    const auto bytes = stream_bytes(profile);
    out.profile.assign(bytes.begin(), bytes.end());
    out.color_space = "ICC/N" + std::to_string(components);
  }
  const auto samples = stream_bytes(image);
  const std::size_t pixels = std::size_t(out.width) * std::size_t(out.height);
  EXPECT_EQ(samples.size(), pixels * std::size_t(components) * std::size_t(bits / 8));
  std::vector<unsigned char> alpha(pixels, 255);
  if (dict.hasKey("/SMask")) {
    QPDFObjectHandle mask = dict.getKey("/SMask");
    EXPECT_EQ(mask.getDict().getKey("/BitsPerComponent").getIntValue(), 8);
    alpha = stream_bytes(mask);
    EXPECT_EQ(alpha.size(), pixels);
  }
  out.rgba.resize(pixels * 4);
  for (std::size_t p = 0;
       p < pixels && (p + 1) * std::size_t(components * bits / 8) <= samples.size(); ++p) {
    for (int c = 0; c < 3; ++c) {
      const std::size_t i = p * std::size_t(components) + std::size_t(components == 1 ? 0 : c);
      out.rgba[p * 4 + std::size_t(c)] =
          bits == 16 ? (samples[2 * i] * 256 + samples[2 * i + 1] + 128) / 257 : samples[i];
    }
    out.rgba[p * 4 + 3] = p < alpha.size() ? alpha[p] : -1;
  }
  return out;
}

class png_matrix : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = fs::temp_directory_path() / ("logogrid-png-matrix-" + std::to_string(::getpid()));
    const std::string command =
        "python3 '" LOGOGRID_SOURCE_DIR "/tests/png_matrix.py' '" + dir_.string() + "'";
    ASSERT_EQ(std::system(command.c_str()), 0) << command;
    std::istringstream lines(read_all(dir_ / "matrix.tsv"));
    Variant v;
    while (std::getline(lines, v.name, '\t') && std::getline(lines, v.rule, '\t') &&
           std::getline(lines, v.family))
      variants_.push_back(v);
  }
  static void TearDownTestSuite() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }

  static Logo resolved(const Variant& v, Diagnostics& diagnostics) {
    LogoRequest request;
    request.path = v.name + ".png";
    std::optional<Logo> logo =
        decode_logo(read_all(dir_ / (v.name + ".png")), request, diagnostics);
    EXPECT_TRUE(logo) << v.name;
    return logo ? *logo : Logo{};
  }

  static inline fs::path dir_;
  static inline std::vector<Variant> variants_;
};

TEST_F(png_matrix, covers_every_storage_way_and_colour_rule) {
  // 26 storage ways (colour type × bit depth × tRNS) × 2 interlace methods × 4 rules, and
  // the 14 colour ways × 2 again with the Adobe RGB profile.
  EXPECT_EQ(variants_.size(), 26u * 2u * 4u + 14u * 2u);
}

TEST_F(png_matrix, every_variant_of_a_rule_prints_the_picture_in_one_colour_space) {
  const std::string adobe = read_all(dir_ / "adobe-rgb.icc");
  std::map<std::string, std::set<std::string>> spaces;  // rule/family → colour spaces
  for (const Variant& v : variants_) {
    SCOPED_TRACE(v.name);
    Diagnostics diagnostics;
    const Logo logo = resolved(v, diagnostics);
    for (const auto& d : diagnostics.items())
      EXPECT_TRUE(v.rule == "gamma10" && d.code == "logo-png-gamma") << d.code << ": " << d.message;
    if (v.rule == "gamma10") {
      EXPECT_EQ(diagnostics.items().size(), 1u);
    }
    if (logo.pixel_width == 0) continue;
    const Printed out = printed(render_png_fragment(logo, 20, 20));
    spaces[v.rule + "/" + v.family].insert(out.color_space + out.profile);
    const std::string expected = read_all(dir_ / (v.name + ".rgba"));
    ASSERT_EQ(out.rgba.size(), expected.size());
    int worst = 0;
    for (std::size_t i = 0; i < expected.size(); ++i)
      worst = std::max(worst, std::abs(out.rgba[i] - static_cast<unsigned char>(expected[i])));
    EXPECT_LE(worst, 1) << "largest difference from the picture";

    const std::string device = v.family == "grey" ? "/DeviceGray" : "/DeviceRGB";
    if (v.rule == "none" || v.rule == "srgb" || v.rule == "gamma045") {
      EXPECT_EQ(out.color_space, device);
    }
    if (v.rule == "adobe") {
      EXPECT_TRUE(out.profile == adobe) << "the iCCP profile, as embedded";
    }
    if (v.rule == "gamma10") {
      EXPECT_EQ(out.color_space, v.family == "grey" ? "ICC/N1" : "ICC/N3");
      EXPECT_NE(out.profile, adobe);
    }
  }
  for (const auto& [rule, found] : spaces) EXPECT_EQ(found.size(), 1u) << rule;
}

TEST_F(png_matrix, proof_draws_the_samples_the_build_prints) {
  for (const Variant& v : variants_) {
    SCOPED_TRACE(v.name);
    Diagnostics diagnostics;
    const Logo logo = resolved(v, diagnostics);
    if (logo.pixel_width == 0) continue;
    const Printed out = printed(render_png_fragment(logo, 20, 20));
    LogoSurfaceCache cache;
    cairo_surface_t* proof = cache.png(logo);
    ASSERT_EQ(cairo_image_surface_get_width(proof), out.width);
    ASSERT_EQ(cairo_image_surface_get_height(proof), out.height);
    const unsigned char* data = cairo_image_surface_get_data(proof);
    const int stride = cairo_image_surface_get_stride(proof);
    int worst = 0;
    for (int y = 0; y < out.height; ++y) {
      for (int x = 0; x < out.width; ++x) {
        std::uint32_t argb = 0;
        std::memcpy(&argb, data + y * stride + x * 4, 4);
        const int* print = &out.rgba[std::size_t(y * out.width + x) * 4];
        const int alpha = print[3];
        worst = std::max(worst, std::abs(int(argb >> 24) - alpha));
        for (int c = 0; c < 3; ++c) {
          const int premultiplied = (print[c] * alpha + 127) / 255;
          worst = std::max(worst, std::abs(int((argb >> (16 - 8 * c)) & 0xff) - premultiplied));
        }
      }
    }
    EXPECT_LE(worst, 1) << "largest difference between proof and print";
  }
}

}  // namespace
}  // namespace logogrid

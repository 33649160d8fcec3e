// The PNG colour rule with lcms2: embedded profiles are checked, gAMA/cHRM become a
// profile. Profiles built here carry a fixed date, so the output stays byte-identical.
#include "resolve/png_color.hpp"

#include <fmt/format.h>
#include <lcms2.h>
#include <png.h>

#include <cmath>
#include <memory>

namespace logogrid {
namespace {

struct ProfileCloser {
  void operator()(void* profile) const { cmsCloseProfile(profile); }
};
using ProfilePtr = std::unique_ptr<void, ProfileCloser>;

struct CurveFree {
  void operator()(cmsToneCurve* curve) const { cmsFreeToneCurve(curve); }
};

constexpr double kSrgbFileGamma = 0.45455;
constexpr std::array<double, 8> kSrgbChromaticities{0.3127, 0.3290, 0.64, 0.33,
                                                    0.30,   0.60,   0.15, 0.06};

// Why `profile` cannot describe the samples of a grey or colour image, or "" when it can.
std::string profile_problem(const std::string& profile, bool grey) {
  ProfilePtr opened(cmsOpenProfileFromMem(profile.data(), cmsUInt32Number(profile.size())));
  if (!opened) return "it is not a readable ICC profile";
  const cmsColorSpaceSignature space = cmsGetColorSpace(opened.get());
  if (space != (grey ? cmsSigGrayData : cmsSigRgbData))
    return grey ? "it is not a grey profile, but the image is grey"
                : "it is not an RGB profile, but the image is in colour";
  // Usable means: colours convert from it (this is what the print conversion does).
  ProfilePtr srgb(cmsCreate_sRGBProfile());
  cmsHTRANSFORM transform = cmsCreateTransform(opened.get(), grey ? TYPE_GRAY_8 : TYPE_RGB_8,
                                               srgb.get(), TYPE_RGB_8, INTENT_PERCEPTUAL, 0);
  if (transform == nullptr) return "colours cannot be converted from it";
  cmsDeleteTransform(transform);
  return {};
}

bool near(double a, double b, double tolerance) { return std::fabs(a - b) <= tolerance; }

// gAMA 0.45455 (and cHRM, if any, with sRGB's primaries) is what sRGB exports write.
bool describes_srgb(const PngColorChunks& color) {
  if (color.gamma && !near(*color.gamma, kSrgbFileGamma, 0.0001)) return false;
  if (color.chromaticities)
    for (std::size_t i = 0; i < 8; ++i)
      if (!near((*color.chromaticities)[i], kSrgbChromaticities[i], 0.001)) return false;
  return true;
}

// An ICC profile (v2.1, for every PDF reader) for the gamma and primaries a PNG states;
// what it leaves out is taken from sRGB.
std::string profile_from_chunks(const PngColorChunks& color, bool grey) {
  const double file_gamma = color.gamma.value_or(kSrgbFileGamma);
  const std::array<double, 8> c = color.chromaticities.value_or(kSrgbChromaticities);
  std::unique_ptr<cmsToneCurve, CurveFree> curve(cmsBuildGamma(nullptr, 1.0 / file_gamma));
  if (!curve) return {};
  const cmsCIExyY white{c[0], c[1], 1.0};
  ProfilePtr profile;
  if (grey) {
    profile.reset(cmsCreateGrayProfile(&white, curve.get()));
  } else {
    const cmsCIExyYTRIPLE primaries{{c[2], c[3], 1.0}, {c[4], c[5], 1.0}, {c[6], c[7], 1.0}};
    cmsToneCurve* curves[3] = {curve.get(), curve.get(), curve.get()};
    profile.reset(cmsCreateRGBProfile(&white, &primaries, curves));
  }
  if (!profile) return {};
  cmsSetProfileVersion(profile.get(), 2.1);
  cmsUInt32Number size = 0;
  if (!cmsSaveProfileToMem(profile.get(), nullptr, &size) || size < 128) return {};
  std::string bytes(size, '\0');
  if (!cmsSaveProfileToMem(profile.get(), bytes.data(), &size)) return {};
  // Header bytes 24–35: creation date and time. lcms2 writes the current time; a fixed
  // 2000-01-01 00:00:00 keeps the bytes the same in every run.
  static constexpr unsigned char kFixedDate[12] = {0x07, 0xd0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
  std::copy(std::begin(kFixedDate), std::end(kFixedDate), bytes.begin() + 24);
  return bytes;
}

}  // namespace

std::string png_print_profile(const PngHeader& header, LogoReport& report) {
  const bool grey =
      header.color_type == PNG_COLOR_TYPE_GRAY || header.color_type == PNG_COLOR_TYPE_GRAY_ALPHA;
  const PngColorChunks& color = header.color;
  if (color.has_iccp_chunk) {
    const std::string problem = color.icc_profile.empty()
                                    ? "libpng refused it as damaged or not fitting the image"
                                    : profile_problem(color.icc_profile, grey);
    if (problem.empty()) return color.icc_profile;
    report.warning("logo-color-profile",
                   fmt::format("{} embeds a colour profile (iCCP) that cannot be used ({}); its "
                               "colours are printed as sRGB",
                               report.name(), problem),
                   {"export the logo again with its colour profile embedded (sRGB or Adobe RGB), "
                    "or check the colours in the proof"});
    return {};
  }
  if (color.srgb || (!color.gamma && !color.chromaticities) || describes_srgb(color)) return {};
  if (color.gamma && (*color.gamma < 0.40 || *color.gamma > 0.50)) {
    report.warning(
        "logo-png-gamma",
        fmt::format("{} declares a gamma of {:.5f} (gAMA chunk), far from sRGB's 0.45455; it "
                    "prints as declared, so {} than browsers and design tools that ignore "
                    "gAMA show it",
                    report.name(), *color.gamma, *color.gamma > 0.5 ? "lighter" : "darker"),
        {"compare the proof with the logo as its owner sees it, or export the logo again as "
         "sRGB"});
  }
  return profile_from_chunks(color, grey);
}

}  // namespace logogrid

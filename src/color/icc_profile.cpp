// Output profile checks and the sRGB profile, through lcms2.
#include "color/icc_profile.hpp"

#include <lcms2.h>

#include <memory>

#include "cache/sha256.hpp"

namespace logogrid {
namespace {

struct ProfileClose {
  void operator()(cmsHPROFILE p) const { cmsCloseProfile(p); }
};
using Profile = std::unique_ptr<void, ProfileClose>;

Profile open(const std::string& bytes) {
  // lcms2 reports errors through a global handler; a null handle is all we need.
  return Profile(cmsOpenProfileFromMem(bytes.data(), static_cast<cmsUInt32Number>(bytes.size())));
}

}  // namespace

std::string output_profile_problem(const std::string& bytes) {
  if (bytes.size() < 132 || bytes.compare(36, 4, "acsp") != 0)
    return "it is not an ICC profile (no 'acsp' signature)";
  Profile profile = open(bytes);
  if (!profile) return "the ICC profile is damaged (lcms2 cannot read it)";
  if (cmsGetColorSpace(profile.get()) != cmsSigCmykData)
    return "it is not a CMYK profile (PDF/X-4 output intents for presses are CMYK)";
  if (cmsGetDeviceClass(profile.get()) != cmsSigOutputClass)
    return "it is not an output (printer) profile";
  // The tables a conversion needs must be there and readable.
  Profile srgb(cmsCreate_sRGBProfile());
  cmsHTRANSFORM transform = cmsCreateTransform(srgb.get(), TYPE_RGB_8, profile.get(), TYPE_CMYK_8,
                                               INTENT_RELATIVE_COLORIMETRIC, cmsFLAGS_NOCACHE);
  if (transform == nullptr) return "the ICC profile is damaged (lcms2 cannot convert into it)";
  cmsDeleteTransform(transform);
  return {};
}

std::string profile_description(const std::string& bytes) {
  Profile profile = open(bytes);
  if (!profile) return {};
  char text[256] = {};
  const cmsUInt32Number length =
      cmsGetProfileInfoASCII(profile.get(), cmsInfoDescription, "en", "US", text, sizeof text);
  return length > 1 ? std::string(text) : std::string();
}

const std::string& OutputIntent::digest() const {
  std::call_once(digest_once_, [this] { digest_ = sha256_hex(profile.data(), profile.size()); });
  return digest_;
}

std::shared_ptr<const OutputIntent> make_output_intent(std::string profile, std::string condition,
                                                       std::string info) {
  auto intent = std::make_shared<OutputIntent>();
  intent->condition = condition.empty() ? "Custom" : std::move(condition);
  intent->info = info.empty() ? profile_description(profile) : std::move(info);
  intent->profile = std::move(profile);
  return intent;
}

std::shared_ptr<const OutputIntent> shipped_output_intent() {
  static const std::shared_ptr<const OutputIntent> intent = [] {
    auto shipped = std::make_shared<OutputIntent>();
    shipped->profile = std::string(shipped_output_profile());
    shipped->condition = "FOGRA39";
    shipped->info = "Coated FOGRA39 (ISO 12647-2:2004), ISO Coated v2 300% (basICColor)";
    shipped->deflated = shipped_output_profile_deflated();
    return std::shared_ptr<const OutputIntent>(std::move(shipped));
  }();
  return intent;
}

const std::string& srgb_profile() {
  static const std::string bytes = [] {
    Profile srgb(cmsCreate_sRGBProfile());
    cmsUInt32Number size = 0;
    cmsSaveProfileToMem(srgb.get(), nullptr, &size);
    std::string out(size, '\0');
    cmsSaveProfileToMem(srgb.get(), out.data(), &size);
    // Header bytes 24..35: the creation date lcms2 stamps with the current time. A fixed
    // date (the sRGB standard's year, 1999-01-01) keeps every document reproducible.
    const unsigned char date[12] = {0x07, 0xcf, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0};
    if (out.size() > 36) out.replace(24, 12, reinterpret_cast<const char*>(date), 12);
    return out;
  }();
  return bytes;
}

}  // namespace logogrid

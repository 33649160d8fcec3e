// lcms2 transforms into the output profile, made once per source and shared by threads.
#include "color/cmyk_transform.hpp"

#include <lcms2.h>

#include <map>
#include <mutex>
#include <tuple>

#include "cache/sha256.hpp"
#include "diag/fatal_error.hpp"

namespace logogrid {
namespace {

constexpr cmsUInt32Number kFlags = cmsFLAGS_NOCACHE | cmsFLAGS_BLACKPOINTCOMPENSATION;

cmsUInt32Number input_format(int channels, int bits) {
  if (channels == 3) return bits == 16 ? TYPE_RGB_16_SE : TYPE_RGB_8;
  if (channels == 1) return bits == 16 ? TYPE_GRAY_16_SE : TYPE_GRAY_8;
  return TYPE_RGB_DBL;
}

// Transforms by (output profile, source profile, input format).
std::shared_ptr<void> shared_transform(const OutputIntent& intent, const std::string& source_icc,
                                       cmsUInt32Number in_format, cmsUInt32Number out_format,
                                       int channels) {
  static std::mutex mutex;
  static std::map<std::tuple<std::string, std::string, cmsUInt32Number>, std::shared_ptr<void>>
      transforms;
  const std::string source_key =
      source_icc.empty() ? std::string("sRGB") : sha256_hex(source_icc.data(), source_icc.size());
  const auto key = std::make_tuple(intent.digest(), source_key, in_format);
  const std::lock_guard<std::mutex> lock(mutex);
  if (auto found = transforms.find(key); found != transforms.end()) return found->second;

  cmsHPROFILE source = nullptr;
  if (!source_icc.empty()) {
    source =
        cmsOpenProfileFromMem(source_icc.data(), static_cast<cmsUInt32Number>(source_icc.size()));
    const cmsColorSpaceSignature wanted = channels == 1 ? cmsSigGrayData : cmsSigRgbData;
    if (source != nullptr && cmsGetColorSpace(source) != wanted) {
      cmsCloseProfile(source);
      source = nullptr;
    }
  }
  if (source == nullptr) {
    if (channels == 1)
      throw FatalError("a grey image has no usable ICC profile to convert it to CMYK from");
    source = cmsCreate_sRGBProfile();
  }
  cmsHPROFILE output = cmsOpenProfileFromMem(intent.profile.data(),
                                             static_cast<cmsUInt32Number>(intent.profile.size()));
  cmsHTRANSFORM transform = output == nullptr
                                ? nullptr
                                : cmsCreateTransform(source, in_format, output, out_format,
                                                     INTENT_RELATIVE_COLORIMETRIC, kFlags);
  cmsCloseProfile(source);
  if (output != nullptr) cmsCloseProfile(output);
  if (transform == nullptr)
    throw FatalError("cannot convert colours into the output profile (" + intent.info + ")");
  std::shared_ptr<void> shared(transform, [](void* t) { cmsDeleteTransform(t); });
  transforms.emplace(key, shared);
  return shared;
}

}  // namespace

CmykTransform::CmykTransform(const OutputIntent& intent, const std::string& source_icc,
                             int channels, int bits, bool black_to_k)
    : channels_(channels), bits_(bits), black_to_k_(black_to_k) {
  if ((channels != 1 && channels != 3) || (bits != 8 && bits != 16))
    throw FatalError("cannot convert an image with " + std::to_string(channels) +
                     " colour components of " + std::to_string(bits) + " bits to CMYK");
  transform_ =
      shared_transform(intent, source_icc, input_format(channels, bits), TYPE_CMYK_8, channels);
}

void CmykTransform::convert(const unsigned char* in, unsigned char* out, std::size_t pixels) const {
  cmsDoTransform(transform_.get(), in, out, static_cast<cmsUInt32Number>(pixels));
  if (!black_to_k_) return;
  const std::size_t in_size = static_cast<std::size_t>(channels_ * bits_ / 8);
  for (std::size_t i = 0; i < pixels; ++i) {
    const unsigned char* pixel = in + i * in_size;
    bool black = true;
    for (std::size_t c = 0; c < in_size && black; ++c) black = pixel[c] == 0;
    if (!black) continue;
    unsigned char* cmyk = out + 4 * i;
    cmyk[0] = cmyk[1] = cmyk[2] = 0;
    cmyk[3] = 255;
  }
}

std::array<double, 4> srgb_to_cmyk(const OutputIntent& intent, double r, double g, double b,
                                   bool black_to_k) {
  if (black_to_k && r == 0 && g == 0 && b == 0) return {0, 0, 0, 1};
  const std::shared_ptr<void> transform =
      shared_transform(intent, "", TYPE_RGB_DBL, TYPE_CMYK_DBL, 3);
  const double rgb[3] = {r, g, b};
  double cmyk[4] = {};
  cmsDoTransform(transform.get(), rgb, cmyk, 1);
  // lcms2 gives CMYK in percent.
  return {cmyk[0] / 100, cmyk[1] / 100, cmyk[2] / 100, cmyk[3] / 100};
}

}  // namespace logogrid

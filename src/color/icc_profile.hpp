// ICC profiles for print colour: the FOGRA39 output profile shipped in profiles/ (compiled
// into the binary), the check that a file is a usable CMYK output profile, and an sRGB
// profile with fixed bytes for /DefaultRGB. lcms2 only; no PDF here.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <string_view>

namespace logogrid {

// A PDF/X output intent: the printing condition the pages are made for.
struct OutputIntent {
  std::string profile;    // ICC bytes: an output-class CMYK profile
  std::string condition;  // /OutputConditionIdentifier, e.g. "FOGRA39"
  std::string info;       // /Info, human-readable
  // `profile` deflated in the zlib format with codec/deflate's level, when made in advance
  // (the shipped profile's, at build time); else empty.
  std::string_view deflated;

  // SHA-256 of `profile` (cache keys of converted logos, the document ID), made on first
  // use: every layout holds the shipped intent, and check never needs its digest.
  const std::string& digest() const;

 private:
  mutable std::once_flag digest_once_;
  mutable std::string digest_;
};

// profiles/ISOcoated_v2_300_bas.icc, byte for byte, and deflated.
std::string_view shipped_output_profile();
std::string_view shipped_output_profile_deflated();

// FOGRA39 with the shipped profile: the default of every layout.
std::shared_ptr<const OutputIntent> shipped_output_intent();

// An intent for `profile` (already checked by output_profile_problem); an empty
// `condition` becomes "Custom" (ISO 15930-7 for unregistered conditions), an empty `info`
// the profile's description.
std::shared_ptr<const OutputIntent> make_output_intent(std::string profile, std::string condition,
                                                       std::string info);

// "" when `bytes` is an ICC output profile for CMYK that lcms2 can transform into; else
// what is wrong with it, for a diagnostic.
std::string output_profile_problem(const std::string& bytes);

// The profile's description tag (English), "" when it has none.
std::string profile_description(const std::string& bytes);

// lcms2's sRGB (IEC 61966-2.1) as ICC bytes with a fixed creation date, so documents that
// embed it stay byte-identical.
const std::string& srgb_profile();

}  // namespace logogrid

// NFC + case folding through ICU.
#include "validate/name_key.hpp"

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace logogrid {

std::string name_key(const std::string& name) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(name);
  text.trim();
  if (U_SUCCESS(status)) {
    // Fold, then normalise again: folding can produce sequences that recompose.
    icu::UnicodeString normal = nfc->normalize(text, status);
    if (U_SUCCESS(status)) text = normal;
    text.foldCase();
    normal = nfc->normalize(text, status);
    if (U_SUCCESS(status)) text = normal;
  } else {
    text.foldCase();
  }
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace logogrid

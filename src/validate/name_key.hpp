// Name comparison key: NFC normalisation and Unicode case folding (ICU), so "LÜDENSCHEID",
// "lüdenscheid" and a decomposed "Lu\u0308denscheid" all match.
#pragma once

#include <string>

namespace logogrid {

std::string name_key(const std::string& name);

}  // namespace logogrid

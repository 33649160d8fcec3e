// Text for XML documents we write (the JUnit report, the PDF's XMP metadata).
#pragma once

#include <string>

namespace logogrid {

// Escapes & < > " ' and replaces control characters XML 1.0 does not allow with spaces.
std::string xml_escape(const std::string& text);

}  // namespace logogrid

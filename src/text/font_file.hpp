// The font file a font description ("DejaVu Sans Bold 18") resolves to, as fontconfig
// matches it for Pango: what `logogrid watch` watches for the layout's fonts.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace logogrid {

std::optional<std::filesystem::path> font_file(const std::string& description);

}  // namespace logogrid

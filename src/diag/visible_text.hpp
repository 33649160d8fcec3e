// How a user's string is quoted in a message: characters that would not show (zero-width
// spaces, soft hyphens, control characters, unusual spaces) are written as \uXXXX, so
// "`Sie\u200Bgen` is not a municipality" explains itself.
#pragma once

#include <string>

namespace logogrid {

std::string visible_text(const std::string& text);

// "U+200B" (at least four hex digits).
std::string code_point_name(char32_t c);

// True for C0/C1 control characters and DEL (U+0000–U+001F, U+007F–U+009F).
bool is_control_character(char32_t c);

}  // namespace logogrid

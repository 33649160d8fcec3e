// Invisible characters by Unicode general category, through GLib (already linked).
#include "diag/visible_text.hpp"

#include <fmt/format.h>
#include <glib.h>

namespace logogrid {
namespace {

bool invisible(gunichar c) {
  switch (g_unichar_type(c)) {
    case G_UNICODE_CONTROL:
    case G_UNICODE_FORMAT:  // U+200B…U+200F, U+2060, U+FEFF, U+00AD, …
    case G_UNICODE_LINE_SEPARATOR:
    case G_UNICODE_PARAGRAPH_SEPARATOR:
    case G_UNICODE_UNASSIGNED:
    case G_UNICODE_PRIVATE_USE:
    case G_UNICODE_SURROGATE:
      return true;
    case G_UNICODE_SPACE_SEPARATOR:
      return c != ' ';
    default:
      return false;
  }
}

}  // namespace

std::string code_point_name(char32_t c) {
  return fmt::format("U+{:04X}", static_cast<unsigned>(c));
}

bool is_control_character(char32_t c) { return c < 0x20 || (c >= 0x7F && c <= 0x9F); }

std::string visible_text(const std::string& text) {
  std::string out;
  const char* p = text.data();
  const char* const end = text.data() + text.size();
  while (p < end) {
    const gunichar c = *p == '\0' ? 0 : g_utf8_get_char_validated(p, end - p);
    if (c == static_cast<gunichar>(-1) || c == static_cast<gunichar>(-2)) {
      out += fmt::format("\\x{:02X}", static_cast<unsigned char>(*p));  // not UTF-8
      ++p;
      continue;
    }
    const char* next = c == 0 ? p + 1 : g_utf8_next_char(p);
    if (invisible(c)) {
      out += c > 0xFFFF ? fmt::format("\\U{:08X}", c) : fmt::format("\\u{:04X}", c);
    } else {
      out.append(p, static_cast<std::size_t>(next - p));
    }
    p = next;
  }
  return out;
}

}  // namespace logogrid

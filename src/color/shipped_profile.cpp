// The shipped FOGRA39 profile, compiled in with the assembler's .incbin (CMake passes its
// path), so the binary needs no data files at run time; and its deflated bytes, made by the
// build (tools/deflate_file).
#include <cstddef>
#include <string_view>

#include "color/icc_profile.hpp"

#define LOGOGRID_STR2(x) #x
#define LOGOGRID_STR(x) LOGOGRID_STR2(x)

__asm__(".section .rodata\n"
        ".balign 16\n"
        "logogrid_fogra39_begin:\n"
        ".incbin \"" LOGOGRID_STR(LOGOGRID_FOGRA39_PROFILE) "\"\n"
        "logogrid_fogra39_end:\n"
        ".balign 8\n"
        "logogrid_fogra39_size:\n"
        ".quad logogrid_fogra39_end - logogrid_fogra39_begin\n"
        ".balign 16\n"
        "logogrid_fogra39_deflated_begin:\n"
        ".incbin \"" LOGOGRID_STR(LOGOGRID_FOGRA39_DEFLATED) "\"\n"
        "logogrid_fogra39_deflated_end:\n"
        ".balign 8\n"
        "logogrid_fogra39_deflated_size:\n"
        ".quad logogrid_fogra39_deflated_end - logogrid_fogra39_deflated_begin\n"
        ".previous\n");

extern "C" {
extern const unsigned char logogrid_fogra39_begin[] __asm__("logogrid_fogra39_begin");
extern const unsigned long long logogrid_fogra39_size __asm__("logogrid_fogra39_size");
extern const unsigned char logogrid_fogra39_deflated_begin[] __asm__(
    "logogrid_fogra39_deflated_begin");
extern const unsigned long long logogrid_fogra39_deflated_size __asm__(
    "logogrid_fogra39_deflated_size");
}

namespace logogrid {

std::string_view shipped_output_profile() {
  return {reinterpret_cast<const char*>(logogrid_fogra39_begin),
          static_cast<std::size_t>(logogrid_fogra39_size)};
}

std::string_view shipped_output_profile_deflated() {
  return {reinterpret_cast<const char*>(logogrid_fogra39_deflated_begin),
          static_cast<std::size_t>(logogrid_fogra39_deflated_size)};
}

}  // namespace logogrid

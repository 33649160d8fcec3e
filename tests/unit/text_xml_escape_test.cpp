#include <gtest/gtest.h>

#include "text/xml_escape.hpp"

namespace logogrid {
namespace {

TEST(xml_escape, escapes_markup_and_replaces_control_characters) {
  EXPECT_EQ(xml_escape("A & B <c> \"d\" 'e'"), "A &amp; B &lt;c&gt; &quot;d&quot; &apos;e&apos;");
  EXPECT_EQ(xml_escape(std::string("x\x01y\tz\n")), "x y\tz\n");
  EXPECT_EQ(xml_escape("Lüdenscheid – Südwestfalen"), "Lüdenscheid – Südwestfalen");
}

}  // namespace
}  // namespace logogrid

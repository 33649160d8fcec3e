#include "diag/diagnostic.hpp"

#include <gtest/gtest.h>

namespace logogrid {
namespace {

TEST(diagnostics, counts_errors_and_warnings) {
  Diagnostics d;
  d.error("logo-missing", "p.yaml", {3, 4}, "missing");
  d.warning("commitment-late", "p.yaml", {1, 2}, "late");
  EXPECT_EQ(d.errors(), 1);
  EXPECT_EQ(d.warnings(), 1);
  d.sort();
  EXPECT_EQ(d.items().front().code, "commitment-late");
}

}  // namespace
}  // namespace logogrid

#include <gtest/gtest.h>

#include "validate/date.hpp"

namespace logogrid {
namespace {

TEST(validate_date, accepts_real_calendar_dates) {
  ASSERT_TRUE(parse_date("2021-10-15"));
  EXPECT_EQ(parse_date("2020-02-29")->day, 29);
  EXPECT_TRUE(parse_date("2000-02-29"));
}

TEST(validate_date, rejects_impossible_and_loose_forms) {
  for (const char* bad :
       {"2021-02-29", "1900-02-29", "2021-13-01", "2021-04-31", "2021-00-10", "2021-1-5",
        "15.10.2021", "2021/10/15", "2021-10-15 ", " 2021-10-15", "20211015", "2021-10-1x", ""})
    EXPECT_FALSE(parse_date(bad)) << bad;
}

TEST(validate_date, orders_dates) {
  EXPECT_LT(*parse_date("2021-10-15"), *parse_date("2021-10-16"));
  EXPECT_EQ(*parse_date("2021-10-15"), *parse_date("2021-10-15"));
  EXPECT_EQ(parse_date("2021-09-08")->iso(), "2021-09-08");
}

}  // namespace
}  // namespace logogrid

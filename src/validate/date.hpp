// Calendar dates written strictly as YYYY-MM-DD.
#pragma once

#include <optional>
#include <string>

namespace logogrid {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;
  auto operator<=>(const Date&) const = default;
  std::string iso() const;  // YYYY-MM-DD
};

// A real calendar date in exactly the form YYYY-MM-DD (Gregorian, years 1000-9999).
std::optional<Date> parse_date(const std::string& text);

}  // namespace logogrid

// Sorting uses ICU collation keys computed once per name, so a sort costs byte compares and
// the ICU collator is opened once per call (it is not cheap and not thread-safe to share).
#include "plan/print_order.hpp"

#include <unicode/coll.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>
#include <numeric>
#include <stdexcept>

namespace logogrid {
namespace {

std::unique_ptr<icu::Collator> german_collator() {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Collator> collator(icu::Collator::createInstance(icu::Locale("de"), status));
  if (U_FAILURE(status) || !collator) {
    throw std::runtime_error(std::string("ICU German collator unavailable: ") +
                             u_errorName(status));
  }
  return collator;
}

std::string sort_key(const icu::Collator& collator, const std::string& text) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  std::string key(64, '\0');
  for (;;) {
    const int32_t needed = collator.getSortKey(u, reinterpret_cast<uint8_t*>(key.data()),
                                               static_cast<int32_t>(key.size()));
    if (needed <= 0) return {};
    if (static_cast<std::size_t>(needed) <= key.size()) {
      key.resize(static_cast<std::size_t>(needed));
      return key;
    }
    key.resize(static_cast<std::size_t>(needed));
  }
}

int compare_bytes(const std::string& a, const std::string& b) {
  const int c = a.compare(b);
  return c < 0 ? -1 : (c > 0 ? 1 : 0);
}

}  // namespace

int compare_german(const std::string& a, const std::string& b) {
  const std::unique_ptr<icu::Collator> collator = german_collator();
  const int c = compare_bytes(sort_key(*collator, a), sort_key(*collator, b));
  return c != 0 ? c : compare_bytes(a, b);
}

std::vector<std::size_t> order_by_name(const std::vector<std::string>& names) {
  return order_by_district(names, std::vector<std::string>(names.size()), {});
}

std::vector<std::size_t> order_by_district(const std::vector<std::string>& names,
                                           const std::vector<std::string>& districts,
                                           const std::vector<std::string>& district_order) {
  const std::unique_ptr<icu::Collator> collator = german_collator();
  struct Key {
    std::size_t group_rank;  // position in district_order, or after all listed ones
    std::string group_key;   // collation key of an unlisted district
    std::string group_bytes;
    std::string name_key;
  };
  std::vector<Key> keys(names.size());
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string& district = i < districts.size() ? districts[i] : std::string();
    const auto listed = std::find(district_order.begin(), district_order.end(), district);
    keys[i].group_rank = static_cast<std::size_t>(listed - district_order.begin());
    if (listed == district_order.end()) {
      keys[i].group_key = sort_key(*collator, district);
      keys[i].group_bytes = district;
    }
    keys[i].name_key = sort_key(*collator, names[i]);
  }
  std::vector<std::size_t> order(names.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    const Key& ka = keys[a];
    const Key& kb = keys[b];
    if (ka.group_rank != kb.group_rank) return ka.group_rank < kb.group_rank;
    if (int c = compare_bytes(ka.group_key, kb.group_key)) return c < 0;
    if (int c = compare_bytes(ka.group_bytes, kb.group_bytes)) return c < 0;
    if (int c = compare_bytes(ka.name_key, kb.name_key)) return c < 0;
    return names[a] < names[b];
  });
  return order;
}

}  // namespace logogrid

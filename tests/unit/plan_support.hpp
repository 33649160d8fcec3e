// Shared planner test data: the region's districts with the number of municipalities in
// each that can become Mitmacherkommunen (pioneer cities removed), in German order.
#pragma once

#include <utility>

namespace logogrid::testing {

inline constexpr std::pair<const char*, int> kRegionDistricts[] = {
    {"Hochsauerlandkreis", 11},
    {"Kreis Olpe", 6},
    {"Kreis Siegen-Wittgenstein", 10},
    {"Kreis Soest", 13},
    {"Märkischer Kreis", 14}};

}  // namespace logogrid::testing

// Print order of the participant pages: names sorted the German way (DIN 5007-1 through
// ICU's `de` collation: ä = a, ö = o, ü = u, ß = ss, "Bad Laasphe" under B), optionally
// grouped by district. Results are permutations: stable and deterministic on every machine.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace logogrid {

// Compares two UTF-8 strings with ICU's German collation; ties (strings the collator
// considers equal) are broken by the byte strings. Returns <0, 0 or >0.
int compare_german(const std::string& a, const std::string& b);

// Indices into `names`, in print order. Equal names keep their input order.
std::vector<std::size_t> order_by_name(const std::vector<std::string>& names);

// Indices in district order: groups follow `district_order`; districts not listed there
// follow in German order; within a group, entries are ordered by name.
// `names` and `districts` are parallel.
std::vector<std::size_t> order_by_district(const std::vector<std::string>& names,
                                           const std::vector<std::string>& districts,
                                           const std::vector<std::string>& district_order);

}  // namespace logogrid

// "Did you mean …?": the candidates closest to a misspelt word, by edit distance over
// Unicode code points. Used for unknown keys and unknown municipality names.
#pragma once

#include <string>
#include <vector>

namespace logogrid {

// Levenshtein distance between two UTF-8 strings, counted in code points.
std::size_t edit_distance(const std::string& a, const std::string& b);

// Up to `count` candidates within `max_distance` of `word`, nearest first (ties keep the
// candidates' order). Comparison is on the strings as given: fold them first if needed.
std::vector<std::string> closest_matches(const std::string& word,
                                         const std::vector<std::string>& candidates,
                                         std::size_t count, std::size_t max_distance);

}  // namespace logogrid

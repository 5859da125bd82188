// cupola/core/text.h -- small text helpers for messages.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace cupola {

/// Levenshtein edit distance.
std::size_t EditDistance(std::string_view a, std::string_view b);

/// The candidate closest to `word` if it is close enough to be a likely typo
/// (edit distance <= max(2, |word|/3)), else empty.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

/// "a, b or c"
std::string JoinAlternatives(const std::vector<std::string>& items, std::string_view last_sep = " or ");

/// Shortest decimal that round-trips (for messages and outputs).
std::string FormatNumber(double value);

}  // namespace cupola

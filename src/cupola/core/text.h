// cupola/core/text.h -- small text helpers for messages.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace cupola {

/// Levenshtein edit distance.
std::size_t EditDistance(std::string_view a, std::string_view b);

/// Words longer than this get no did-you-mean: no key or name is, and the
/// edit distance costs |a| x |b|.
inline constexpr std::size_t kMaxDidYouMeanChars = 64;

/// The candidate closest to `word` if it is close enough to be a likely typo
/// (edit distance <= max(2, |word|/3)), else empty. Words or candidates
/// longer than kMaxDidYouMeanChars are skipped.
std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates);

/// "a, b or c"; beyond `max_items` items, "a, b, ... (25 in all)".
std::string JoinAlternatives(const std::vector<std::string>& items, std::string_view last_sep = " or ",
                             std::size_t max_items = std::numeric_limits<std::size_t>::max());

/// Shortest decimal that round-trips (for messages and outputs).
std::string FormatNumber(double value);

/// Input text made safe to print in a message: at most about `max_chars`
/// characters shown (then "..."); control characters (C0, DEL, C1) and bytes
/// that are not valid UTF-8 shown as \xNN, so no NUL or ESC from a file ever
/// reaches a terminal.
std::string Escaped(std::string_view text, std::size_t max_chars = 80);

/// Escaped(text) in single quotes; a shortened value also gets its full
/// length: 'abc...' (61440 bytes).
std::string Quote(std::string_view text, std::size_t max_chars = 80);

/// Byte offset of the first byte that is not part of valid UTF-8 (overlong
/// forms, surrogates and code points above U+10FFFF are invalid), or npos.
std::size_t FindInvalidUtf8(std::string_view text);

/// Byte offset of the first control character (U+0000-U+001F, U+007F-U+009F)
/// in valid UTF-8 text, or npos.
std::size_t FindControlCharacter(std::string_view text);

/// Characters (code points) of valid UTF-8 text.
std::size_t Utf8Length(std::string_view text);

}  // namespace cupola

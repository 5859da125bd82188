#include "cupola/core/text.h"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace cupola {

std::size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string ClosestMatch(std::string_view word, const std::vector<std::string>& candidates) {
  if (word.size() > kMaxDidYouMeanChars) return "";
  const std::size_t limit = std::max<std::size_t>(2, word.size() / 3);
  std::string best;
  std::size_t best_distance = limit + 1;
  for (const auto& candidate : candidates) {
    // The distance is at least the difference in length.
    const std::size_t longer = std::max(word.size(), candidate.size());
    if (candidate.size() > kMaxDidYouMeanChars || longer - std::min(word.size(), candidate.size()) > limit) continue;
    const std::size_t d = EditDistance(word, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  }
  return best;
}

std::string JoinAlternatives(const std::vector<std::string>& items, std::string_view last_sep, std::size_t max_items) {
  std::string out;
  if (items.size() > max_items) {
    for (std::size_t i = 0; i < max_items; ++i) out += items[i] + ", ";
    return out + "... (" + std::to_string(items.size()) + " in all)";
  }
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += (i + 1 == items.size()) ? std::string(last_sep) : std::string(", ");
    out += items[i];
  }
  return out;
}

std::string FormatNumber(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buffer[64];
  const auto result = std::to_chars(buffer, buffer + sizeof(buffer), value);
  return std::string(buffer, result.ptr);
}

namespace {

// Length of the valid UTF-8 sequence at text[i] (1 to 4), or 0 if none
// starts there (RFC 3629: no overlong forms, surrogates or values above U+10FFFF).
std::size_t Utf8SequenceAt(std::string_view text, std::size_t i) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char lead = byte(i);
  if (lead < 0x80) return 1;
  std::size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (lead >= 0xC2 && lead <= 0xDF) n = 2;
  else if (lead == 0xE0) n = 3, lo = 0xA0;
  else if (lead == 0xED) n = 3, hi = 0x9F;
  else if (lead >= 0xE1 && lead <= 0xEF) n = 3;
  else if (lead == 0xF0) n = 4, lo = 0x90;
  else if (lead == 0xF4) n = 4, hi = 0x8F;
  else if (lead >= 0xF1 && lead <= 0xF3) n = 4;
  else return 0;
  if (i + n > text.size() || byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (std::size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

// Whether the valid sequence of n bytes at text[i] is a control character.
bool IsControl(std::string_view text, std::size_t i, std::size_t n) {
  const auto lead = static_cast<unsigned char>(text[i]);
  if (n == 1) return lead < 0x20 || lead == 0x7F;
  return n == 2 && lead == 0xC2 && static_cast<unsigned char>(text[i + 1]) <= 0x9F;  // C1: U+0080-U+009F
}

// Appends the escaped text to `out`; true if it stopped before the end.
bool EscapeInto(std::string_view text, std::size_t max_chars, std::string& out) {
  static const char kHex[] = "0123456789abcdef";
  std::size_t shown = 0;
  for (std::size_t i = 0; i < text.size();) {
    if (shown >= max_chars) {
      out += "...";
      return true;
    }
    const std::size_t n = Utf8SequenceAt(text, i);
    if (n > 0 && !IsControl(text, i, n)) {
      out.append(text.substr(i, n));
      i += n;
      ++shown;
      continue;
    }
    for (std::size_t k = 0; k < std::max<std::size_t>(n, 1); ++k, ++i) {
      const auto b = static_cast<unsigned char>(text[i]);
      out += {'\\', 'x', kHex[b >> 4], kHex[b & 15]};
      shown += 4;
    }
  }
  return false;
}

}  // namespace

std::string Escaped(std::string_view text, std::size_t max_chars) {
  std::string out;
  EscapeInto(text, max_chars, out);
  return out;
}

std::string Quote(std::string_view text, std::size_t max_chars) {
  std::string out = "'";
  const bool shortened = EscapeInto(text, max_chars, out);
  out += "'";
  if (shortened) out += " (" + std::to_string(text.size()) + " bytes)";
  return out;
}

std::size_t FindInvalidUtf8(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = Utf8SequenceAt(text, i);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::size_t FindControlCharacter(std::string_view text) {
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t n = std::max<std::size_t>(1, Utf8SequenceAt(text, i));
    if (IsControl(text, i, n)) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::size_t Utf8Length(std::string_view text) {
  // Every byte but a continuation byte starts a character.
  return static_cast<std::size_t>(
      std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

}  // namespace cupola

#include "arguments.h"

#include <algorithm>
#include <charconv>

#include "cupola/core/error.h"
#include "cupola/core/text.h"

namespace cupola::cli {

std::uint64_t ParseSeed(const std::string& text, const std::string& command, const std::string& option) {
  std::uint64_t seed = 0;
  const char* end = text.data() + text.size();
  const bool digits = !text.empty() && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  // from_chars fails on values above 2^64 - 1 rather than wrapping.
  const auto [stop, error] = std::from_chars(text.data(), end, seed);
  if (!digits || error != std::errc() || stop != end)
    throw InputError({command}, option, "'" + text + "'", "an integer from 0 to 18446744073709551615");
  return seed;
}

std::pair<std::uint64_t, std::uint64_t> ParseRange(const std::string& text, const std::string& command,
                                                   const std::string& option) {
  const std::string expected = "A:B, replications A to B-1, with 0 <= A < B <= 2^53 and B - A <= 100000000 (0:500)";
  const auto colon = text.find(':');
  if (colon == std::string::npos) throw InputError({command}, option, Quote(text), expected);
  std::uint64_t a = 0, b = 0;
  try {
    a = ParseSeed(text.substr(0, colon), command, option);
    b = ParseSeed(text.substr(colon + 1), command, option);
  } catch (const InputError&) {
    throw InputError({command}, option, Quote(text), expected);
  }
  if (a >= b || b > (std::uint64_t{1} << 53) || b - a > 100000000) throw InputError({command}, option, Quote(text), expected);
  return {a, b};
}

std::string UnknownCommand(const std::string& word, const std::vector<std::string>& commands) {
  if (std::find(commands.begin(), commands.end(), word) != commands.end()) return "";
  std::string message = "unknown command '" + word + "'; expected one of " + JoinAlternatives(commands);
  if (const std::string close = ClosestMatch(word, commands); !close.empty())
    message += " (did you mean '" + close + "'?)";
  return message;
}

}  // namespace cupola::cli

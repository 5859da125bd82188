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

std::string UnknownCommand(const std::string& word, const std::vector<std::string>& commands) {
  if (std::find(commands.begin(), commands.end(), word) != commands.end()) return "";
  std::string message = "unknown command '" + word + "'; expected one of " + JoinAlternatives(commands);
  if (const std::string close = ClosestMatch(word, commands); !close.empty())
    message += " (did you mean '" + close + "'?)";
  return message;
}

}  // namespace cupola::cli

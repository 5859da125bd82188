// apps/cupola/arguments.h -- checks of command-line words that CLI11 does not make.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace cupola::cli {

/// A seed given on the command line: a decimal integer from 0 to 2^64 - 1.
/// CLI11 would read "-3" into an unsigned integer as 2^64 - 3, silently; this
/// throws InputError (exit 2) for anything else, naming `command` and `option`.
std::uint64_t ParseSeed(const std::string& text, const std::string& command, const std::string& option);

/// A range of replications "A:B" (A < B <= 2^53, decimal): {A, B}; InputError
/// (exit 2) naming `command` and `option` for anything else.
std::pair<std::uint64_t, std::uint64_t> ParseRange(const std::string& text, const std::string& command,
                                                   const std::string& option);

/// "" when `word` is one of `commands`, else the message for it:
/// "unknown command 'rn'; expected one of run, validate or view (did you mean 'run'?)".
std::string UnknownCommand(const std::string& word, const std::vector<std::string>& commands);

}  // namespace cupola::cli

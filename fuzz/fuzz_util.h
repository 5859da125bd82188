// fuzz/fuzz_util.h -- what the libFuzzer targets in fuzz/ share.
//
// Each target feeds its input to one of the library's readers of outside
// input. An InputError is the reader's way of saying no: expected, not a
// finding (its location is still checked). Anything else -- another
// exception, a crash, a sanitizer report, a hang, or a broken property below
// (FUZZ_REQUIRE) -- aborts, and libFuzzer keeps the input as a finding.
#pragma once

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cupola/core/error.h"
#include "cupola/core/gzip.h"
#include "cupola/core/text.h"

namespace cupola::fuzz {

[[noreturn]] inline void Fail(const char* condition, const std::string& what) {
  std::fprintf(stderr, "\nfuzz property broken: %s\n  %s\n", condition, what.c_str());
  std::abort();
}

inline std::string AsText(const std::uint8_t* data, std::size_t size) {
  return std::string(reinterpret_cast<const char*>(data), size);
}

/// Lines in `text`, as an editor counts them (a last line without '\n' counts).
inline int CountLines(const std::string& text) {
  return static_cast<int>(std::count(text.begin(), text.end(), '\n')) +
         (text.empty() || text.back() == '\n' ? 0 : 1);
}

/// Replaces `text` by its decompressed bytes when it starts as gzip does (as
/// ReadWtaFile does), within 1 MiB; false if Gunzip refused it (its error
/// checked: it names the source).
bool GunzipIfGzip(std::string& text, const std::string& label);

/// An InputError is expected; it must still name the source and a line the
/// text has (or the empty line after its last '\n', where yaml-cpp puts the
/// end of the input: "  -\n" at the end of a file is a null item there).
void CheckInputError(const InputError& e, const std::string& text, const std::string& label);

}  // namespace cupola::fuzz

#define FUZZ_REQUIRE(condition, what)                            \
  do {                                                           \
    if (!(condition)) ::cupola::fuzz::Fail(#condition, (what));  \
  } while (false)

namespace cupola::fuzz {
inline bool GunzipIfGzip(std::string& text, const std::string& label) {
  if (!IsGzip(text)) return true;
  try {
    std::string out = Gunzip(text, label, std::size_t{1} << 20);
    FUZZ_REQUIRE(out.size() <= (std::size_t{1} << 20), "Gunzip gave more than its limit");
    text = std::move(out);
    return true;
  } catch (const InputError& e) {
    FUZZ_REQUIRE(e.where().file == label && std::string(e.what()).size() < 1000, std::string("gzip: ") + e.what());
    return false;
  }
}

inline void CheckInputError(const InputError& e, const std::string& text, const std::string& label) {
  const std::string message = e.what();
  FUZZ_REQUIRE(!message.empty(), "empty InputError message");
  FUZZ_REQUIRE(e.where().file == label, "InputError names '" + e.where().file + "': " + message);
  const int last_line = std::max(1, CountLines(text) + (!text.empty() && text.back() == '\n' ? 1 : 0));
  FUZZ_REQUIRE(e.where().line >= 0 && e.where().line <= last_line,
               "InputError names line " + std::to_string(e.where().line) + " of a text with " +
                   std::to_string(CountLines(text)) + " lines: " + message);
  FUZZ_REQUIRE(e.where().column >= 0, "negative column: " + message);
  // Input reaches a message only quoted and escaped (core/text.h): no NUL,
  // ESC or other control byte, and short whatever the input's size.
  FUZZ_REQUIRE(std::none_of(message.begin(), message.end(),
                            [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; }),
               "raw control byte in the message: " + Escaped(message, 2000));
  FUZZ_REQUIRE(message.size() <= 2000, "a message of " + std::to_string(message.size()) + " bytes");
}
}  // namespace cupola::fuzz

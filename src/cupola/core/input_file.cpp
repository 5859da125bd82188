#include "cupola/core/input_file.h"

#include <algorithm>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "cupola/core/error.h"
#include "cupola/core/text.h"

namespace cupola {

std::size_t MaxInputBytes() {
  const char* value = std::getenv("CUPOLA_MAX_INPUT_BYTES");
  if (value == nullptr) return kDefaultMaxInputBytes;
  const std::string_view text(value);
  std::size_t bytes = 0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), bytes);
  // The upper bound keeps max_bytes + 1 and the read buffer from overflowing.
  if (ec != std::errc() || ptr != text.data() + text.size() || bytes < 1 || bytes > (std::size_t{1} << 50))
    throw InputError({"CUPOLA_MAX_INPUT_BYTES"}, "", Quote(text),
                     "a whole number of bytes from 1 to 2^50 (the largest input file read; unset: 64 MiB)");
  return bytes;
}

SourceLocation EndOf(const std::string& label, const std::string& text) {
  const std::size_t last_newline = text.rfind('\n');
  const std::size_t line_start = last_newline == std::string::npos ? 0 : last_newline + 1;
  const auto line = 1 + std::count(text.begin(), text.end(), '\n');
  constexpr std::size_t kIntMax = 1 << 30;  // a location is ints; no input reaches this
  return {label, static_cast<int>(std::min<std::size_t>(static_cast<std::size_t>(line), kIntMax)),
          static_cast<int>(std::min(text.size() - line_start + 1, kIntMax))};
}

std::string MaxInputBytesExpected(std::size_t max_bytes) {
  return "at most " + std::to_string(max_bytes) + " bytes (the input limit; set CUPOLA_MAX_INPUT_BYTES to raise it)";
}

std::string ReadInputFile(const std::string& path, const std::string& expected) {
  return ReadInputFile(path, expected, MaxInputBytes());
}

std::string ReadInputFile(const std::string& path, const std::string& expected, std::size_t max_bytes) {
  std::error_code ec;
  if (std::filesystem::is_directory(path, ec)) throw InputError({path, 0, 0}, "", "a directory", expected);
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({path, 0, 0}, "", "a file that cannot be opened", expected);
  // In chunks, so a small file costs no more than its size.
  std::string text;
  char chunk[1 << 16];
  while (text.size() <= max_bytes && in) {
    in.read(chunk, static_cast<std::streamsize>(std::min(sizeof(chunk), max_bytes + 1 - text.size())));
    text.append(chunk, static_cast<std::size_t>(in.gcount()));
  }
  if (in.bad()) throw InputError({path, 0, 0}, "", "a file that cannot be read", expected);
  if (text.size() > max_bytes) {
    text.resize(max_bytes);
    throw InputError(EndOf(path, text), "", "a file of more than " + std::to_string(max_bytes) + " bytes",
                     MaxInputBytesExpected(max_bytes));
  }
  return text;
}

}  // namespace cupola

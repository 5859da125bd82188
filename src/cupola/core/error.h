// cupola/core/error.h -- errors that carry where they come from.
//
// Bad input (a scenario, a detection file, a CLI value) is an InputError: it
// names the file, line and column, the key, the value found and what was
// expected, and the CLI turns it into exit status 2. Programming errors are
// CUPOLA_CHECK failures (on in release builds too).
#pragma once

#include <stdexcept>
#include <string>

namespace cupola {

/// Where in an input file something was found. line/column are 1-based; 0 = unknown.
struct SourceLocation {
  std::string file;
  int line = 0;
  int column = 0;
  std::string ToString() const;  // "file:line:column", or as much as is known
};

/// Bad input from outside the program. what() is the full, user-facing message:
///   scenarios/x.yaml:12:5: threats[0].count: got -3; expected an integer >= 1
class InputError : public std::runtime_error {
 public:
  InputError(SourceLocation where, std::string key, std::string value, std::string expected);
  const SourceLocation& where() const { return where_; }
  const std::string& key() const { return key_; }
  const std::string& value() const { return value_; }
  const std::string& expected() const { return expected_; }

 private:
  SourceLocation where_;
  std::string key_, value_, expected_;
};

/// A broken invariant inside the library: a bug, never the user's input.
class InternalError : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

[[noreturn]] void FailCheck(const char* condition, const char* file, int line, const std::string& message);

}  // namespace cupola

/// Invariant check that stays on in release builds.
#define CUPOLA_CHECK(condition, message)                                  \
  do {                                                                    \
    if (!(condition)) ::cupola::FailCheck(#condition, __FILE__, __LINE__, (message)); \
  } while (false)

#include "cupola/core/error.h"

namespace cupola {

std::string SourceLocation::ToString() const {
  std::string out = file.empty() ? std::string("<input>") : file;
  if (line > 0) {
    out += ":" + std::to_string(line);
    if (column > 0) out += ":" + std::to_string(column);
  }
  return out;
}

namespace {
std::string FormatInputError(const SourceLocation& where, const std::string& key,
                             const std::string& value, const std::string& expected) {
  std::string msg = where.ToString() + ": ";
  if (!key.empty()) msg += key + ": ";
  if (!value.empty()) msg += "got " + value + "; ";
  msg += "expected " + expected;
  return msg;
}
}  // namespace

InputError::InputError(SourceLocation where, std::string key, std::string value, std::string expected)
    : std::runtime_error(FormatInputError(where, key, value, expected)),
      where_(std::move(where)),
      key_(std::move(key)),
      value_(std::move(value)),
      expected_(std::move(expected)) {}

void FailCheck(const char* condition, const char* file, int line, const std::string& message) {
  throw InternalError(std::string("internal check failed: ") + condition + " at " + file + ":" +
                      std::to_string(line) + ": " + message);
}

}  // namespace cupola

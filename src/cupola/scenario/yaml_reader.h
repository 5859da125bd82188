// cupola/scenario/yaml_reader.h -- read YAML maps strictly, with good messages.
//
// A MapReader wraps one YAML map. It is given the keys the map may hold, so
// an unknown key is reported at once, with the closest known key as a
// did-you-mean. Every accessor converts and range-checks one value; a bad
// value throws InputError naming file:line:column, the key's full path
// (threats[2].aim_point.lat_deg), the value and what was expected. Values
// are quoted short and escaped (core/text.h), text must be UTF-8 without
// control characters, and every list has a largest size, so no input makes a
// message, a string or a loop grow without end.
#pragma once

#include <yaml-cpp/yaml.h>

#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "cupola/core/error.h"

namespace cupola {

/// Longest name (of a scenario, area, salvo, radar, ...) and longest other
/// text value (a description, a source), in characters.
inline constexpr std::size_t kMaxNameChars = 64;
inline constexpr std::size_t kMaxTextChars = 1000;
/// Most structure marks a YAML or JSON document may hold (lines, ',', ':',
/// '-', '[' and '{': at least one per node). yaml-cpp keeps a tree of about
/// 300 bytes per node, and scans a whole flow list before it yields any of
/// it, so this bounds its memory (to about 300 MB) before it starts.
inline constexpr std::size_t kMaxYamlMarks = 1'000'000;

/// Throws InputError (at the place the count passes the limit) if `text`
/// holds more than kMaxYamlMarks structure marks. Call before YAML::Load.
void CheckYamlSize(const std::string& text, const std::string& file);

/// Throws InputError for `path` unless the scalar `node` is UTF-8 text of at
/// most `max_chars` characters without control characters (no NUL, ESC, tab
/// or line break: values are printed in messages, tables and file names).
void CheckText(const YAML::Node& node, const std::string& path, const std::string& file, std::size_t max_chars);

/// Accepted interval for a number; describes itself for messages.
struct Bounds {
  double lo = -std::numeric_limits<double>::infinity();
  double hi = std::numeric_limits<double>::infinity();
  bool lo_open = false;
  bool hi_open = false;

  static Bounds Any() { return {}; }
  static Bounds Positive() { return {0.0, std::numeric_limits<double>::infinity(), true, false}; }
  static Bounds NonNegative() { return {0.0, std::numeric_limits<double>::infinity(), false, false}; }
  static Bounds Closed(double lo, double hi) { return {lo, hi, false, false}; }
  bool Contains(double x) const;
  std::string Describe(const char* what = "a number") const;
};

SourceLocation LocationOf(const YAML::Node& node, const std::string& file);
/// "'x' (did you mean it?), or " when a candidate is close to `word`, else "".
std::string DidYouMeanPrefix(const std::string& word, const std::vector<std::string>& candidates);
/// Short text of a node for messages: the scalar quoted (core/text.h Quote), or "a list", "a map".
std::string Describe(const YAML::Node& node);

class MapReader {
 public:
  /// Throws unless `node` is a map whose keys are all in `allowed` (and unique).
  MapReader(const YAML::Node& node, std::string path, std::string file, std::vector<std::string> allowed);

  bool Has(const std::string& key) const;
  /// Required when `fallback` is empty.
  double Number(const std::string& key, Bounds bounds, std::optional<double> fallback = std::nullopt) const;
  long long Integer(const std::string& key, long long lo, long long hi,
                    std::optional<long long> fallback = std::nullopt) const;
  std::uint64_t Unsigned(const std::string& key, std::optional<std::uint64_t> fallback = std::nullopt) const;
  /// Checked by CheckText with at most `max_chars` characters.
  std::string String(const std::string& key, std::optional<std::string> fallback = std::nullopt,
                     std::size_t max_chars = kMaxTextChars) const;
  /// A String of at most kMaxNameChars characters.
  std::string Name(const std::string& key, std::optional<std::string> fallback = std::nullopt) const {
    return String(key, std::move(fallback), kMaxNameChars);
  }
  bool Bool(const std::string& key, std::optional<bool> fallback = std::nullopt) const;
  std::string Choice(const std::string& key, const std::vector<std::string>& options,
                     std::optional<std::string> fallback = std::nullopt) const;
  MapReader Map(const std::string& key, std::vector<std::string> allowed) const;
  /// Items of a list (required unless `optional`), with `min_items` to `max_items` items.
  std::vector<YAML::Node> List(const std::string& key, std::size_t min_items, std::size_t max_items,
                               bool optional = false) const;

  YAML::Node Get(const std::string& key) const;
  std::string PathOf(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }
  SourceLocation Where(const std::string& key) const;
  SourceLocation Where() const { return LocationOf(node_, file_); }
  const std::string& path() const { return path_; }
  const std::string& file() const { return file_; }

  /// Throws InputError for `key` (its location if present, else the map's).
  [[noreturn]] void Fail(const std::string& key, const std::string& value, const std::string& expected) const;

 private:
  YAML::Node node_;
  std::string path_;
  std::string file_;
  std::vector<std::string> allowed_;
};

/// Converts a scalar node to a number in `bounds`, or throws for `path`.
double ReadNumber(const YAML::Node& node, const std::string& path, const std::string& file, Bounds bounds);

}  // namespace cupola

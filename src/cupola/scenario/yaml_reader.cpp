#include "cupola/scenario/yaml_reader.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <utility>
#include <cmath>
#include <set>

#include "cupola/core/text.h"

namespace cupola {

bool Bounds::Contains(double x) const {
  if (!std::isfinite(x)) return false;
  if (lo_open ? !(x > lo) : !(x >= lo)) return false;
  if (hi_open ? !(x < hi) : !(x <= hi)) return false;
  return true;
}

std::string Bounds::Describe(const char* what) const {
  const bool has_lo = std::isfinite(lo), has_hi = std::isfinite(hi);
  std::string out = what;
  if (has_lo && has_hi && !lo_open && !hi_open)
    return out + " in [" + FormatNumber(lo) + ", " + FormatNumber(hi) + "]";
  if (has_lo) out += std::string(lo_open ? " > " : " >= ") + FormatNumber(lo);
  if (has_lo && has_hi) out += " and";
  if (has_hi) out += std::string(hi_open ? " < " : " <= ") + FormatNumber(hi);
  return out;
}

std::string DidYouMeanPrefix(const std::string& word, const std::vector<std::string>& candidates) {
  const std::string guess = ClosestMatch(word, candidates);
  return guess.empty() ? std::string() : "'" + guess + "' (did you mean it?), or ";
}

void CheckYamlSize(const std::string& text, const std::string& file) {
  std::size_t marks = 0;
  int line = 1;
  std::size_t line_start = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c != '\n' && c != ',' && c != ':' && c != '-' && c != '[' && c != '{') continue;
    if (++marks > kMaxYamlMarks)
      throw InputError({file, line, static_cast<int>(i - line_start) + 1}, "<document>",
                       "more than " + std::to_string(kMaxYamlMarks) + " structure marks (lines, ',', ':', '-', '[', '{')",
                       "a smaller document: at most " + std::to_string(kMaxYamlMarks) +
                           " marks, far more than any real input needs (each costs the YAML parser memory)");
    if (c == '\n') ++line, line_start = i + 1;
  }
}

void CheckText(const YAML::Node& node, const std::string& path, const std::string& file, std::size_t max_chars) {
  const std::string& text = node.Scalar();
  if (FindInvalidUtf8(text) != std::string::npos)
    throw InputError(LocationOf(node, file), path, "invalid UTF-8 " + Quote(text), "UTF-8 text");
  if (const std::size_t at = FindControlCharacter(text); at != std::string::npos)
    throw InputError(LocationOf(node, file), path,
                     "a control character (" + Escaped(text.substr(at, 1 + (static_cast<unsigned char>(text[at]) >= 0x80))) +
                         ") in " + Quote(text),
                     "text without control characters (no NUL, ESC, tab or line break)");
  if (const std::size_t chars = Utf8Length(text); chars > max_chars)
    throw InputError(LocationOf(node, file), path, std::to_string(chars) + " characters: " + Quote(text),
                     "at most " + std::to_string(max_chars) + " characters");
}

SourceLocation LocationOf(const YAML::Node& node, const std::string& file) {
  const YAML::Mark mark = node.Mark();
  if (mark.is_null()) return {file, 0, 0};
  return {file, mark.line + 1, mark.column + 1};
}

std::string Describe(const YAML::Node& node) {
  if (!node.IsDefined() || node.IsNull()) return "nothing";
  if (node.IsScalar()) return Quote(node.Scalar());
  if (node.IsSequence()) return "a list";
  return "a map";
}

double ReadNumber(const YAML::Node& node, const std::string& path, const std::string& file, Bounds bounds) {
  const std::string expected = bounds.Describe();
  if (!node.IsScalar()) throw InputError(LocationOf(node, file), path, Describe(node), expected);
  const std::string& text = node.Scalar();
  double value = 0.0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (!text.empty() && *first == '+') ++first;
  const auto [ptr, ec] = std::from_chars(first, last, value);
  if (ec != std::errc() || ptr != last || text.empty())
    throw InputError(LocationOf(node, file), path, Quote(text), expected);
  if (!bounds.Contains(value)) throw InputError(LocationOf(node, file), path, Escaped(text), expected);
  return value;
}

MapReader::MapReader(const YAML::Node& node, std::string path, std::string file, std::vector<std::string> allowed)
    : node_(node), path_(std::move(path)), file_(std::move(file)), allowed_(std::move(allowed)) {
  if (!node_.IsMap()) {
    throw InputError(LocationOf(node_, file_), path_.empty() ? "<document>" : path_, Describe(node_),
                     "a map with keys " + JoinAlternatives(allowed_, ", "));
  }
  std::set<std::string> seen;
  for (auto it = node_.begin(); it != node_.end(); ++it) {
    const std::string key = it->first.IsScalar() ? it->first.Scalar() : Describe(it->first);
    const SourceLocation where = LocationOf(it->first, file_);
    if (std::find(allowed_.begin(), allowed_.end(), key) == allowed_.end()) {
      throw InputError(where, PathOf(Escaped(key)), "unknown key " + Quote(key),
                       DidYouMeanPrefix(key, allowed_) + "one of " + JoinAlternatives(allowed_, ", "));
    }
    if (!seen.insert(key).second) throw InputError(where, PathOf(key), "a second " + Quote(key), "each key once");
  }
}

bool MapReader::Has(const std::string& key) const {
  CUPOLA_CHECK(std::find(allowed_.begin(), allowed_.end(), key) != allowed_.end(), "undeclared key " + key);
  // A key written with no value ("duration_s:") is present, and its null
  // value is then rejected by the reader with "got nothing".
  return node_[key].IsDefined();
}

YAML::Node MapReader::Get(const std::string& key) const { return node_[key]; }

SourceLocation MapReader::Where(const std::string& key) const {
  // An empty value has no position of its own (yaml-cpp marks the next
  // token), so point at its key.
  for (auto it = node_.begin(); it != node_.end(); ++it)
    if (it->first.IsScalar() && it->first.Scalar() == key)
      return LocationOf(it->second.IsNull() ? it->first : it->second, file_);
  return Where();
}

void MapReader::Fail(const std::string& key, const std::string& value, const std::string& expected) const {
  throw InputError(Where(key), PathOf(key), value, expected);
}

double MapReader::Number(const std::string& key, Bounds bounds, std::optional<double> fallback) const {
  if (!Has(key)) {
    if (fallback) return *fallback;
    Fail(key, "nothing (the key is missing)", bounds.Describe());
  }
  if (node_[key].IsNull()) Fail(key, "nothing", bounds.Describe());
  return ReadNumber(node_[key], PathOf(key), file_, bounds);
}

long long MapReader::Integer(const std::string& key, long long lo, long long hi,
                             std::optional<long long> fallback) const {
  const std::string expected = "an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
  if (!Has(key)) {
    if (fallback) return *fallback;
    Fail(key, "nothing (the key is missing)", expected);
  }
  const YAML::Node value = node_[key];
  long long out = 0;
  if (value.IsScalar()) {
    const std::string& text = value.Scalar();
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    const bool is_integer = ec == std::errc() && ptr == text.data() + text.size() && !text.empty();
    if (is_integer && out >= lo && out <= hi) return out;
    Fail(key, is_integer ? text : Quote(text), expected);
  }
  Fail(key, Describe(value), expected);
}

std::uint64_t MapReader::Unsigned(const std::string& key, std::optional<std::uint64_t> fallback) const {
  const std::string expected = "an integer in [0, 18446744073709551615]";
  if (!Has(key)) {
    if (fallback) return *fallback;
    Fail(key, "nothing (the key is missing)", expected);
  }
  const YAML::Node value = node_[key];
  std::uint64_t out = 0;
  if (value.IsScalar()) {
    const std::string& text = value.Scalar();
    const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    if (ec == std::errc() && ptr == text.data() + text.size() && !text.empty()) return out;
    Fail(key, text.empty() || (text[0] != '-' && !std::isdigit(static_cast<unsigned char>(text[0]))) ? Quote(text) : Escaped(text),
         expected);
  }
  Fail(key, Describe(value), expected);
}

std::string MapReader::String(const std::string& key, std::optional<std::string> fallback,
                              std::size_t max_chars) const {
  if (!Has(key)) {
    if (fallback) return *fallback;
    Fail(key, "nothing (the key is missing)", "a text value");
  }
  const YAML::Node value = node_[key];
  if (!value.IsScalar() || value.Scalar().empty()) Fail(key, Describe(value), "a non-empty text value");
  CheckText(value, PathOf(key), file_, max_chars);
  return value.Scalar();
}

bool MapReader::Bool(const std::string& key, std::optional<bool> fallback) const {
  if (!Has(key)) {
    if (fallback) return *fallback;
    Fail(key, "nothing (the key is missing)", "true or false");
  }
  const YAML::Node value = node_[key];
  if (value.IsScalar()) {
    const std::string& text = value.Scalar();
    if (text == "true") return true;
    if (text == "false") return false;
  }
  Fail(key, Describe(value), "true or false");
}

std::string MapReader::Choice(const std::string& key, const std::vector<std::string>& options,
                              std::optional<std::string> fallback) const {
  std::string value = String(key, std::move(fallback));
  if (std::find(options.begin(), options.end(), value) != options.end()) return value;
  Fail(key, Quote(value), DidYouMeanPrefix(value, options) + "one of " + JoinAlternatives(options, ", "));
}

MapReader MapReader::Map(const std::string& key, std::vector<std::string> allowed) const {
  if (!Has(key)) Fail(key, "nothing (the key is missing)", "a map with keys " + JoinAlternatives(allowed, ", "));
  if (node_[key].IsNull()) Fail(key, "nothing", "a map with keys " + JoinAlternatives(allowed, ", "));
  return MapReader(node_[key], PathOf(key), file_, std::move(allowed));
}

std::vector<YAML::Node> MapReader::List(const std::string& key, std::size_t min_items, std::size_t max_items,
                                        bool optional) const {
  const std::string expected = "a list of at least " + std::to_string(min_items) + " item" + (min_items == 1 ? "" : "s");
  if (!Has(key)) {
    if (optional) return {};
    Fail(key, "nothing (the key is missing)", expected);
  }
  const YAML::Node value = node_[key];
  if (!value.IsSequence()) Fail(key, Describe(value), expected);
  if (value.size() < min_items) Fail(key, "a list of " + std::to_string(value.size()), expected);
  if (value.size() > max_items)
    Fail(key, "a list of " + std::to_string(value.size()) + " items", "a list of at most " + std::to_string(max_items) + " items");
  std::vector<YAML::Node> items;
  for (const auto& item : value) items.push_back(item);
  return items;
}

}  // namespace cupola

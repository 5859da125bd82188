#include "cupola/engagement/wta_io.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <vector>

#include "cupola/core/error.h"
#include "cupola/core/gzip.h"
#include "cupola/core/input_file.h"
#include "cupola/core/text.h"
#include "cupola/scenario/yaml_reader.h"

namespace cupola {
namespace {

// Limits that keep a hostile header from allocating the machine away.
constexpr long long kMaxCount = 1'000'000;     // types, targets, weapons per type
constexpr long long kMaxPairs = 20'000'000;    // m * n
constexpr long long kMaxWeapons = 10'000'000;  // sum of weapons

// ---- plain text ----------------------------------------------------------

struct Token {
  std::string_view text;
  int column;  // 1-based
};

std::vector<Token> Split(std::string_view line) {
  std::vector<Token> out;
  std::size_t pos = 0;
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; };
  while (pos < line.size()) {
    while (pos < line.size() && space(line[pos])) ++pos;
    if (pos >= line.size()) break;
    const std::size_t begin = pos;
    while (pos < line.size() && !space(line[pos])) ++pos;
    out.push_back({line.substr(begin, pos - begin), static_cast<int>(begin) + 1});
  }
  return out;
}

bool ParseDouble(std::string_view text, double& out) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size() && std::isfinite(out);
}

bool ParseInteger(std::string_view text, long long& out) {
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// Walks the non-blank lines of the text, keeping their numbers for messages.
class TextLines {
 public:
  TextLines(const std::string& text, const std::string& label) : text_(text), label_(label) {}

  // Next non-blank line's tokens; false at the end of the text.
  bool Next(std::vector<Token>& tokens) {
    while (pos_ < text_.size()) {
      const std::size_t end = std::min(text_.find('\n', pos_), text_.size());
      line_text_ = std::string_view(text_).substr(pos_, end - pos_);
      pos_ = end + 1;
      ++line_;
      tokens = Split(line_text_);
      if (!tokens.empty()) return true;
    }
    return false;
  }

  [[noreturn]] void Fail(int column, const std::string& key, const std::string& value,
                         const std::string& expected) const {
    throw InputError({label_, std::max(line_, 1), column}, key, value, expected);
  }
  // At the end of the text: points at its last line.
  [[noreturn]] void FailAtEnd(const std::string& key, const std::string& value, const std::string& expected) const {
    Fail(0, key, value, expected);
  }

  int line() const { return line_; }
  std::string_view line_text() const { return line_text_; }

 private:
  const std::string& text_;
  const std::string& label_;
  std::size_t pos_ = 0;
  int line_ = 0;
  std::string_view line_text_;
};

// ---- JSON through yaml-cpp ----------------------------------------------

// A quoted scalar ("0.5") has the non-specific tag "!", a plain one "?".
void RejectString(const YAML::Node& node, const std::string& path, const std::string& file,
                  const std::string& expected) {
  if (node.IsScalar() && node.Tag() == "!")
    throw InputError(LocationOf(node, file), path, "the string \"" + Escaped(node.Scalar()) + "\"",
                     expected + " (a number, without quotes)");
}

double JsonNumber(const YAML::Node& node, const std::string& path, const std::string& file, Bounds bounds) {
  RejectString(node, path, file, bounds.Describe());
  return ReadNumber(node, path, file, bounds);
}

long long JsonInteger(const YAML::Node& node, const std::string& path, const std::string& file, long long lo,
                      long long hi) {
  const std::string expected = "an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
  RejectString(node, path, file, expected);
  if (!node.IsScalar()) throw InputError(LocationOf(node, file), path, Describe(node), expected);
  long long out = 0;
  const bool is_integer = ParseInteger(node.Scalar(), out);
  if (is_integer && out >= lo && out <= hi) return out;
  throw InputError(LocationOf(node, file), path, is_integer ? node.Scalar() : Quote(node.Scalar()), expected);
}

std::string Plural(std::size_t count, const char* noun) {
  return std::to_string(count) + " " + noun + (count == 1 ? "" : "s");
}

// nlohmann SAX handler that only keeps the first error: a syntax error, or a
// number too large for a double (out_of_range 406, which json::parse throws
// as another exception type than parse_error, and without a position).
struct JsonFirstError {
  using json = nlohmann::json;
  std::size_t byte = 0;  // characters read when it failed (parse_error::byte)
  std::string token;     // the last token read
  std::string what;
  int id = 0;
  bool null() { return true; }
  bool boolean(bool) { return true; }
  bool number_integer(json::number_integer_t) { return true; }
  bool number_unsigned(json::number_unsigned_t) { return true; }
  bool number_float(json::number_float_t, const json::string_t&) { return true; }
  bool string(json::string_t&) { return true; }
  bool binary(json::binary_t&) { return true; }
  bool start_object(std::size_t) { return true; }
  bool key(json::string_t&) { return true; }
  bool end_object() { return true; }
  bool start_array(std::size_t) { return true; }
  bool end_array() { return true; }
  bool parse_error(std::size_t position, const std::string& last_token, const json::exception& e) {
    byte = position, token = last_token, what = e.what(), id = e.id;
    return false;
  }
};

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

}  // namespace

WtaProblem ReadWtaText(const std::string& text, const std::string& label) {
  TextLines lines(text, label);
  std::vector<Token> t;
  const std::string header_expected = "a header line 'm n mu' (weapon types, targets, weapons per type)";
  if (!lines.Next(t)) throw InputError({label, 1, 0}, "header", "an empty file", header_expected);
  if (t.size() != 3) lines.Fail(1, "header", Quote(lines.line_text()), header_expected);
  long long counts[3];
  const char* names[3] = {"header.m (weapon types)", "header.n (targets)", "header.mu (weapons per type)"};
  for (int k = 0; k < 3; ++k) {
    const long long lo = k < 2 ? 1 : 0;
    if (!ParseInteger(t[k].text, counts[k]) || counts[k] < lo || counts[k] > kMaxCount)
      lines.Fail(t[k].column, names[k], Quote(t[k].text),
                 "an integer in [" + std::to_string(lo) + ", " + std::to_string(kMaxCount) + "]");
  }
  const long long m = counts[0], n = counts[1], mu = counts[2];
  if (m * n > kMaxPairs)
    lines.Fail(1, "header", Quote(lines.line_text()), "at most " + std::to_string(kMaxPairs) + " (type, target) pairs");
  if (m * mu > kMaxWeapons)
    lines.Fail(1, "header", Quote(lines.line_text()), "at most " + std::to_string(kMaxWeapons) + " weapons in all");
  // A header that announces more lines than the text has would otherwise
  // allocate its matrix (up to kMaxPairs) before finding out.
  if (const long long file_lines = std::count(text.begin(), text.end(), '\n') + (text.back() == '\n' ? 0 : 1);
      m * n > 1'000'000 && m * n + n > file_lines)
    lines.Fail(1, "header", Quote(lines.line_text()),
               "a header that announces at most the file's " + std::to_string(file_lines) + " lines (this one: " +
                   std::to_string(m * n + n) + " value and kill probability lines)");
  const int header_line = lines.line();
  const std::string announced = " (the header at line " + std::to_string(header_line) + " announces " +
                                Plural(static_cast<std::size_t>(m), "type") + " and " +
                                Plural(static_cast<std::size_t>(n), "target") + ")";

  WtaProblem problem;
  problem.weapons = Eigen::VectorXi::Constant(m, static_cast<int>(mu));
  problem.value.resize(n);
  problem.kill_probability.resize(m, n);

  // Messages are built only when needed: these loops run once per line.
  for (long long j = 0; j < n; ++j) {
    const auto key = [&] { return "values[" + std::to_string(j) + "]"; };
    const auto expected = [&] {
      return "one target value per line, " + std::to_string(n) + " lines after the header" + announced;
    };
    if (!lines.Next(t))
      lines.FailAtEnd(key(), "the end of the file after " + Plural(static_cast<std::size_t>(j), "value"), expected());
    if (t.size() != 1) lines.Fail(1, key(), Quote(lines.line_text()), expected());
    double v = 0.0;
    if (!ParseDouble(t[0].text, v) || !(v >= 0.0 && v <= kMaxTargetValue))
      lines.Fail(t[0].column, key(), Quote(t[0].text), "a number in [0, 1e+15]");
    problem.value(j) = v;
  }

  std::vector<int> seen_at(static_cast<std::size_t>(m * n), 0);  // line of each (i, j), 0 = not yet
  for (long long k = 0; k < m * n; ++k) {
    const auto what = [&] { return "kill probability line " + std::to_string(k + 1) + " of " + std::to_string(m * n); };
    if (!lines.Next(t))
      lines.FailAtEnd(what(),
                      "the end of the file after " + Plural(static_cast<std::size_t>(k), "kill probability line"),
                      std::to_string(m * n) + " lines 'i j p_ij' after the values" + announced);
    if (t.size() != 3)
      lines.Fail(1, what(), Quote(lines.line_text()), "three numbers 'i j p_ij' (type, target, kill probability)");
    long long i = 0, j = 0;
    double p = 0.0;
    if (!ParseInteger(t[0].text, i) || i < 0 || i >= m)
      lines.Fail(t[0].column, what() + ": type i", Quote(t[0].text),
                 "an integer in [0, " + std::to_string(m - 1) + "]" + announced);
    if (!ParseInteger(t[1].text, j) || j < 0 || j >= n)
      lines.Fail(t[1].column, what() + ": target j", Quote(t[1].text),
                 "an integer in [0, " + std::to_string(n - 1) + "]" + announced);
    const auto key = [&] { return "kill_probability[" + std::to_string(i) + "][" + std::to_string(j) + "]"; };
    if (!ParseDouble(t[2].text, p) || p < 0.0 || p > 1.0)
      lines.Fail(t[2].column, key(), Quote(t[2].text), "a number in [0, 1]");
    int& first = seen_at[static_cast<std::size_t>(i * n + j)];
    if (first != 0)
      lines.Fail(1, key(),
                 "a second line for type " + std::to_string(i) + ", target " + std::to_string(j) +
                     " (the first is line " + std::to_string(first) + ")",
                 "each (i, j) pair exactly once");
    first = lines.line();
    problem.kill_probability(i, j) = p;
  }
  if (lines.Next(t))
    lines.Fail(t[0].column, "end of file", Quote(lines.line_text()),
               "nothing after the " + std::to_string(m * n) + " kill probability lines" + announced);
  return problem;
}

WtaProblem ReadWtaJson(const std::string& text, const std::string& label) {
  const std::vector<std::string> keys = {"name", "values", "weapons", "kill_probability", "max_per_target"};
  if (text.find_first_not_of(" \t\r\n") == std::string::npos)
    throw InputError({label, 1, 0}, "<document>", "an empty file",
                     "a JSON object with keys values, weapons and kill_probability (docs/wta.md)");
  // nlohmann stops reading at a NUL byte (it would accept "{...}\0 garbage"),
  // yaml-cpp does not: no valid JSON text has one.
  if (const std::size_t nul = text.find('\0'); nul != std::string::npos) {
    const std::size_t line_start = nul == 0 ? 0 : text.rfind('\n', nul - 1) + 1;  // npos + 1 == 0
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_start), '\n');
    throw InputError({label, static_cast<int>(line), static_cast<int>(nul - line_start) + 1}, "", "a NUL byte",
                     "a JSON text (no NUL bytes outside a \\u0000 escape)");
  }
  // JSON text is UTF-8 (RFC 8259): say so where it is not, rather than
  // leaving it to nlohmann's syntax error.
  if (const std::size_t bad = FindInvalidUtf8(text); bad != std::string::npos) {
    const std::size_t line_start = bad == 0 ? 0 : text.rfind('\n', bad - 1) + 1;  // npos + 1 == 0
    const std::size_t line_end = std::min(text.find('\n', bad), text.size());
    const auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_start), '\n');
    throw InputError({label, static_cast<int>(line), static_cast<int>(bad - line_start) + 1}, "",
                     "invalid UTF-8 in " + Quote(std::string_view(text).substr(line_start, line_end - line_start)),
                     "UTF-8 text (JSON is UTF-8 throughout)");
  }
  // Strict JSON syntax first (YAML would accept trailing commas, comments and
  // text after the object); nlohmann gives the byte where it failed.
  JsonFirstError error;
  if (!nlohmann::json::sax_parse(text, &error)) {
    // A number no double holds: nlohmann's byte is just past it.
    const bool overflow = error.id == 406;
    const std::size_t end = error.byte > 0 ? error.byte - 1 : 0;
    const std::size_t at =
        std::min<std::size_t>(overflow ? error.byte - std::min(error.byte, error.token.size()) : end, text.size());
    const std::size_t line_start = at == 0 ? 0 : text.rfind('\n', at - 1) + 1;  // npos + 1 == 0
    const int line =
        1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(line_start), '\n'));
    // nlohmann quotes the last token read, which may be long: shorten it.
    std::string why = error.what;
    const std::size_t column_text = why.find("column");
    if (column_text != std::string::npos && why.find(": ", column_text) != std::string::npos)
      why = why.substr(why.find(": ", column_text) + 2);
    else if (why.find("] ") != std::string::npos)
      why = why.substr(why.find("] ") + 2);
    // At the end of the text: its last line, never one the file does not have.
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) + (text.back() == '\n' ? 0 : 1);
    const bool at_end = at >= text.size() || line > lines;
    const SourceLocation where{label, at_end ? lines : line, at_end ? 0 : static_cast<int>(at - line_start) + 1};
    why = Escaped(why, 160);
    if (overflow)
      throw InputError(where, "", "a number out of range (" + why + ")",
                       "a number a double holds: at most about 1.8e308 in magnitude");
    throw InputError(where, "", "a JSON syntax error (" + why + ")",
                     "valid JSON: look for an unclosed [ or {, a missing or extra ',' or text after the last }");
  }
  // Then the values, with their line and column, through yaml-cpp (JSON is
  // YAML's flow syntax).
  YAML::Node root;
  try {
    CheckYamlSize(text, label);
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError({label, e.mark.line + 1, e.mark.column + 1}, "", "a JSON syntax error (" + Escaped(e.msg) + ")",
                     "valid JSON");
  }
  const MapReader r(root, "", label, keys);

  WtaProblem problem;
  problem.name = r.String("name", std::string());
  const std::vector<YAML::Node> values = r.List("values", 1, kMaxCount);
  const std::vector<YAML::Node> weapons = r.List("weapons", 1, kMaxCount);
  const std::vector<YAML::Node> rows = r.List("kill_probability", 1, kMaxCount);
  const std::size_t n = values.size(), m = weapons.size();
  if (static_cast<long long>(n) * static_cast<long long>(m) > kMaxPairs)
    r.Fail("kill_probability", std::to_string(m) + " x " + std::to_string(n),
           "at most " + std::to_string(kMaxPairs) + " entries");

  problem.value.resize(static_cast<Eigen::Index>(n));
  for (std::size_t j = 0; j < n; ++j)
    problem.value(j) = JsonNumber(values[j], "values[" + std::to_string(j) + "]", label, Bounds::Closed(0.0, kMaxTargetValue));
  problem.weapons.resize(static_cast<Eigen::Index>(m));
  long long total = 0;
  for (std::size_t i = 0; i < m; ++i) {
    problem.weapons(i) =
        static_cast<int>(JsonInteger(weapons[i], "weapons[" + std::to_string(i) + "]", label, 0, kMaxCount));
    total += problem.weapons(i);
  }
  if (total > kMaxWeapons)
    r.Fail("weapons", "a total of " + std::to_string(total), "at most " + std::to_string(kMaxWeapons) + " weapons");

  if (rows.size() != m)
    r.Fail("kill_probability", "a list of " + Plural(rows.size(), "row"),
           "one row per weapon type: " + Plural(m, "row") + ", as many as entries in weapons");
  problem.kill_probability.resize(static_cast<Eigen::Index>(m), static_cast<Eigen::Index>(n));
  for (std::size_t i = 0; i < m; ++i) {
    const std::string path = "kill_probability[" + std::to_string(i) + "]";
    const std::string expected = "a list of " + Plural(n, "number") + " (one per target, as many as entries in values)";
    const YAML::Node& row = rows[i];
    if (!row.IsSequence()) throw InputError(LocationOf(row, label), path, Describe(row), expected);
    if (row.size() != n)
      throw InputError(LocationOf(row, label), path, "a list of " + Plural(row.size(), "number"), expected);
    for (std::size_t j = 0; j < n; ++j)
      problem.kill_probability(i, j) =
          JsonNumber(row[j], path + "[" + std::to_string(j) + "]", label, Bounds::Closed(0.0, 1.0));
  }
  if (r.Has("max_per_target")) {
    const std::vector<YAML::Node> caps = r.List("max_per_target", 1, kMaxCount);
    if (caps.size() != n)
      r.Fail("max_per_target", "a list of " + Plural(caps.size(), "number"),
             "one cap per target: " + Plural(n, "number") + ", as many as entries in values");
    problem.max_per_target.resize(static_cast<Eigen::Index>(n));
    for (std::size_t j = 0; j < n; ++j)
      problem.max_per_target(j) =
          static_cast<int>(JsonInteger(caps[j], "max_per_target[" + std::to_string(j) + "]", label, 0, kMaxCount));
  }
  return problem;
}

std::string ReadMaybeGzippedFile(const std::string& path) {
  const std::size_t max_bytes = MaxInputBytes();
  const std::string bytes =
      ReadInputFile(path, "a readable WTA instance (JSON or text, gzip-compressed or not)", max_bytes);
  return IsGzip(bytes) ? Gunzip(bytes, path, max_bytes) : bytes;
}

WtaProblem ReadWtaFile(const std::string& path) {
  const std::string text = ReadMaybeGzippedFile(path);
  std::string name = path;
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return std::tolower(c); });
  if (EndsWith(name, ".gz")) name.resize(name.size() - 3);
  bool json = false;
  if (EndsWith(name, ".json")) {
    json = true;
  } else if (!EndsWith(name, ".txt")) {
    const std::size_t first = text.find_first_not_of(" \t\r\n");
    json = first != std::string::npos && text[first] == '{';
  }
  return json ? ReadWtaJson(text, path) : ReadWtaText(text, path);
}

std::string WtaProblemToJson(const WtaProblem& problem) {
  std::string out = "{\n";
  if (!problem.name.empty()) {
    std::string escaped;
    for (char c : problem.name) {
      if (c == '"' || c == '\\') escaped += '\\';
      if (static_cast<unsigned char>(c) >= 0x20) escaped += c;
    }
    out += "  \"name\": \"" + escaped + "\",\n";
  }
  const auto list = [](auto size, auto at) {
    std::string s = "[";
    for (Eigen::Index k = 0; k < size; ++k) s += (k ? ", " : "") + at(k);
    return s + "]";
  };
  out += "  \"values\": " + list(problem.value.size(), [&](Eigen::Index j) { return FormatNumber(problem.value(j)); }) +
         ",\n";
  out += "  \"weapons\": " +
         list(problem.weapons.size(), [&](Eigen::Index i) { return std::to_string(problem.weapons(i)); }) + ",\n";
  if (problem.has_caps())
    out +=
        "  \"max_per_target\": " +
        list(problem.max_per_target.size(), [&](Eigen::Index j) { return std::to_string(problem.max_per_target(j)); }) +
        ",\n";
  out += "  \"kill_probability\": [\n";
  for (Eigen::Index i = 0; i < problem.kill_probability.rows(); ++i) {
    out += "    " + list(problem.kill_probability.cols(),
                         [&](Eigen::Index j) { return FormatNumber(problem.kill_probability(i, j)); });
    out += i + 1 < problem.kill_probability.rows() ? ",\n" : "\n";
  }
  out += "  ]\n}\n";
  return out;
}

}  // namespace cupola

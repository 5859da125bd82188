#include "cupola/campaign/sweep.h"

#include <algorithm>

#include "cupola/core/error.h"
#include "cupola/core/text.h"

namespace cupola {

namespace {

constexpr std::size_t kMaxValues = 1000, kMaxPoints = 10000;

std::string Trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t");
  if (first == std::string::npos) return "";
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

}  // namespace

SweepAxis ParseSweep(const std::string& argument) {
  const SourceLocation where{"--sweep " + Escaped(argument)};
  const std::string expected = "KEY=v1,v2,... with KEY a scenario key as for --set (threats.0.count=10,20,40)";
  SweepAxis axis{argument, "", {}};
  const auto eq = argument.find('=');
  if (eq == std::string::npos || eq == 0) throw InputError(where, "sweep", Quote(argument), expected);
  axis.key = argument.substr(0, eq);
  // Split at commas outside [], {} and quotes: a YAML list is one value.
  int depth = 0;
  char quote = 0;
  std::string current;
  for (const char c : argument.substr(eq + 1)) {
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if ((c == ']' || c == '}') && depth > 0) {
      --depth;
    } else if (c == ',' && depth == 0) {
      axis.values.push_back(Trimmed(current));
      current.clear();
      continue;
    }
    current += c;
  }
  axis.values.push_back(Trimmed(current));
  for (std::size_t i = 0; i < axis.values.size(); ++i) {
    const std::string& v = axis.values[i];
    if (v.empty()) throw InputError(where, axis.key, "an empty value (item " + std::to_string(i + 1) + ")", expected);
    if (std::find(axis.values.begin(), axis.values.begin() + static_cast<long>(i), v) !=
        axis.values.begin() + static_cast<long>(i))
      throw InputError(where, axis.key, Quote(v) + " twice", "each value once");
  }
  if (axis.values.size() > kMaxValues)
    throw InputError(where, axis.key, std::to_string(axis.values.size()) + " values",
                     "at most " + std::to_string(kMaxValues));
  return axis;
}

std::vector<std::vector<std::string>> SweepGrid(const std::vector<SweepAxis>& axes) {
  std::vector<std::vector<std::string>> points = {{}};
  for (const SweepAxis& axis : axes) {
    if (points.size() * axis.values.size() > kMaxPoints)
      throw InputError({"--sweep " + Escaped(axis.argument)}, axis.key, "a grid of over " + std::to_string(kMaxPoints) +
                       " points", "fewer values, or fewer --sweep options");
    std::vector<std::vector<std::string>> next;
    for (const auto& point : points)
      for (const std::string& value : axis.values) {
        next.push_back(point);
        next.back().push_back(axis.key + "=" + value);
      }
    points = std::move(next);
  }
  return points;
}

}  // namespace cupola

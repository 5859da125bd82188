// cupola/campaign/sweep.h -- `--sweep KEY=v1,v2,...`: scenario keys varied
// over a grid, one campaign arm per point.
//
// KEY is a `--set` key (scenario/overrides.h); values are YAML, split at
// the commas outside brackets, braces and quotes, so a list value
// ([1, 2]) stays whole. Several sweeps make a grid, the last varying
// fastest, as nested loops in the order given.
#pragma once

#include <string>
#include <vector>

namespace cupola {

struct SweepAxis {
  std::string argument;  // as given, for messages
  std::string key;
  std::vector<std::string> values;
};

/// Parses KEY=v1,v2,...; InputError (naming `--sweep` and the argument) for
/// no '=', an empty key or value, a repeated value, or over 1000 values.
SweepAxis ParseSweep(const std::string& argument);

/// Every point of the grid of `axes`, each as its `KEY=VALUE` overrides in
/// axis order; a grid of over 10,000 points is an InputError.
std::vector<std::vector<std::string>> SweepGrid(const std::vector<SweepAxis>& axes);

}  // namespace cupola

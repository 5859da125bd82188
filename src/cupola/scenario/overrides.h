// cupola/scenario/overrides.h -- `--set KEY=VALUE`: scenario keys changed from the command line.
//
// KEY is a key's dotted path as docs/scenario.md names it: map keys by name,
// list items by index from 0 or by their `name` (threats.0.count,
// batteries.battery-sderot.max_interceptors_per_threat, physics.wind.speed_mps).
// VALUE is YAML: 40, abc, [1, 2], {lat_deg: 31.5, lon_deg: 34.6}.
//
// Overrides change the parsed YAML tree before the loader reads it, so a set
// value is checked exactly as if it were in the file: a key the schema does
// not know gets the loader's unknown-key message with its did-you-mean. Only
// where the message is changes: a problem with a value set on the command line
// names the argument instead of a file line,
//   --set threats.0.count=abc: threats[0].count: got 'abc'; expected an integer in [1, 100000]
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>
#include <vector>

#include "cupola/core/error.h"

namespace cupola {

struct ScenarioOverride {
  std::string argument;  // as given: "threats.0.count=40"
  std::string path;      // "threats.0.count"
  std::string value;     // "40", read as YAML

  /// Where a message about this override says it is: "--set threats.0.count=40".
  SourceLocation Where() const;
};

/// Splits KEY=VALUE at the first '='. InputError unless KEY is a dotted path
/// of non-empty parts.
ScenarioOverride ParseOverride(const std::string& argument);

/// Applies `overrides` in order to the scenario map `root`. InputError, naming
/// the argument, for a VALUE that is not YAML or a KEY that leads nowhere: an
/// index past a list's end, a name no item has, a key inside a plain value.
/// Missing map keys are made (and then checked by the loader). Returns, for
/// each override, the loader's path of the part of the tree that is now its
/// own ("threats[0].count"; "phyics" for phyics.step_s, made new).
std::vector<std::string> ApplyOverrides(YAML::Node& root, const std::vector<ScenarioOverride>& overrides);

/// `error` told at the override whose value it is about (the last one whose
/// own part of the tree holds `error.key()`), else `error` unchanged.
InputError AttributeToOverride(const InputError& error, const std::vector<ScenarioOverride>& overrides,
                               const std::vector<std::string>& owned_paths);

}  // namespace cupola

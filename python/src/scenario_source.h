// python/src/scenario_source.h -- a scenario from Python: a file or a text.
//
// The Python layer hands over either a path (read here, with the CLI's size
// limit and messages) or YAML text it made from a string or a dict, with
// the label messages name it by. The bytes are kept: the provenance's hash
// is of what ran, as for `cupola run`.
#pragma once

#include <string>
#include <vector>

#include "cupola/scenario/spec.h"

namespace cupola::python {

struct ScenarioSource {
  std::string text_or_path;
  bool is_path = false;
  std::string label;  // the path, or "<string>", "<dict>"
};

struct LoadedScenario {
  std::string text;  // the bytes that were read
  ScenarioSpec spec;
};

/// Reads and checks the scenario with `overrides` ("KEY=VALUE", as --set)
/// applied. Throws InputError with the CLI's messages.
LoadedScenario LoadScenario(const ScenarioSource& source, const std::vector<std::string>& overrides);

}  // namespace cupola::python

// cupola/scenario/loader.h -- scenario YAML (format v1) to a checked ScenarioSpec.
//
// Everything a later stage relies on is checked here, where the file and
// line are still known: types, ranges, units, unknown keys (with a
// did-you-mean), polygon sanity, names that refer to other entries. The first
// problem found is thrown as InputError; nothing is written anywhere.
#pragma once

#include <string>
#include <vector>

#include "cupola/scenario/overrides.h"
#include "cupola/scenario/spec.h"

namespace cupola {

/// Reads and checks a scenario file, after applying `overrides` (`--set`,
/// overrides.h) to it in order. Throws InputError on any problem.
ScenarioSpec LoadScenarioFile(const std::string& path, const std::vector<ScenarioOverride>& overrides = {});
/// Same, from text; `file_label` names the source in messages.
ScenarioSpec LoadScenarioText(const std::string& text, const std::string& file_label,
                              const std::vector<ScenarioOverride>& overrides = {});

}  // namespace cupola

#include "scenario_source.h"

#include "cupola/core/input_file.h"
#include "cupola/scenario/loader.h"

namespace cupola::python {

LoadedScenario LoadScenario(const ScenarioSource& source, const std::vector<std::string>& overrides) {
  // A malformed --set is reported before any file is read, as by the CLI.
  std::vector<ScenarioOverride> parsed;
  for (const auto& o : overrides) parsed.push_back(ParseOverride(o));
  LoadedScenario loaded;
  loaded.text = source.is_path ? ReadInputFile(source.text_or_path, "a readable scenario file") : source.text_or_path;
  loaded.spec = LoadScenarioText(loaded.text, source.label, parsed);
  return loaded;
}

}  // namespace cupola::python

#include "placement_output.h"

#include <cstdio>

#include "cupola/sim/placement_warnings.h"

namespace cupola {

bool ReportPlacementWarnings(const World& world, bool strict, const std::string& label) {
  const std::vector<PlacementWarning> warnings = PlacementWarnings(world);
  for (const PlacementWarning& w : warnings)
    std::fprintf(stderr, "%s: %s%s\n", strict ? "error" : "warning", label.empty() ? "" : (label + ": ").c_str(),
                 w.ToString().c_str());
  if (strict && !warnings.empty())
    std::fprintf(stderr, "error: %zu placement warning%s, refused under --strict (docs/scenario.md#placement-warnings)\n",
                 warnings.size(), warnings.size() == 1 ? "" : "s");
  return strict && !warnings.empty();
}

}  // namespace cupola

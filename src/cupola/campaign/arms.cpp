#include "cupola/campaign/arms.h"

#include "cupola/core/error.h"
#include "cupola/core/text.h"

namespace cupola {

std::vector<CampaignArm> BuildArms(const ArmScenarioLoader& load, const std::vector<std::string>& overrides,
                                   bool paired, const std::vector<std::string>& versus_overrides,
                                   const std::vector<SweepAxis>& axes) {
  std::vector<CampaignArm> arms;
  if (axes.empty()) {
    arms.push_back({"A", overrides, {}, load(false, overrides)});
    if (paired) {
      std::vector<std::string> b = overrides;
      b.insert(b.end(), versus_overrides.begin(), versus_overrides.end());
      arms.push_back({"B", b, {}, load(true, b)});
    }
    return arms;
  }
  for (const auto& point : SweepGrid(axes)) {
    std::vector<std::string> o = overrides;
    o.insert(o.end(), point.begin(), point.end());
    try {
      arms.push_back({JoinAlternatives(point, ", "), o, point, load(false, o)});
    } catch (const InputError& e) {
      // The loader names the value as a --set; the user gave it to a --sweep.
      for (const SweepAxis& axis : axes)
        if (std::string(e.what()).find("--set " + axis.key + "=") != std::string::npos)
          throw InputError({"--sweep " + Escaped(axis.argument)}, e.key(), e.value(), e.expected());
      throw;
    }
  }
  return arms;
}

}  // namespace cupola

#include "cupola/sim/summary.h"

namespace cupola {

RunSummary Summarize(const World& world, const ReplicationResult& result) {
  RunSummary s;
  for (const auto& area : world.areas()) s.areas.push_back({area.name, area.value, 0, 0});
  for (const auto& t : result.threats) {
    ++s.threats;
    const int aimed = world.salvos()[t.salvo].aim_area;
    if (aimed >= 0) ++s.areas[aimed].aimed;
    if (!t.aim_in_range) ++s.aim_out_of_range;
    if (!t.impacted) {
      ++s.airborne_at_end;
      continue;
    }
    ++s.impacts;
    if (t.impact_area >= 0) ++s.areas[t.impact_area].impacts;
    else ++s.open_ground;
  }
  return s;
}

}  // namespace cupola

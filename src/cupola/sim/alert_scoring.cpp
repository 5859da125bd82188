#include "cupola/sim/alert_scoring.h"

#include <algorithm>
#include <limits>
#include <set>

namespace cupola {

std::vector<ZoneAlertScore> ScoreAlertZones(const std::vector<AlertZone>& zones, const std::vector<AlertRecord>& alerts,
                                            const std::vector<TruthTrajectory>& truth,
                                            const std::vector<bool>& natural_impacted,
                                            const std::vector<Eigen::Vector2d>& natural_impact) {
  std::vector<ZoneAlertScore> scores;
  for (std::size_t z = 0; z < zones.size(); ++z) {
    const AlertZone& zone = zones[z];
    ZoneAlertScore score;
    score.name = zone.name;
    std::set<int> warned;  // threats that got a true alert for this zone
    double warning_sum = 0.0;
    score.min_warning_s = std::numeric_limits<double>::infinity();
    for (const AlertRecord& a : alerts) {
      if (a.zone != static_cast<int>(z)) continue;
      ++score.alerts;
      score.people_minutes += zone.population * std::max(0.0, a.actual_impact_t_s - a.t_s) / 60.0;
      if (!a.threat_hits_zone) {
        ++score.false_alarms;
        continue;
      }
      ++score.true_alerts;
      if (!warned.insert(a.truth_id).second) continue;
      const double warning = a.actual_impact_t_s - a.t_s;
      warning_sum += warning;
      score.min_warning_s = std::min(score.min_warning_s, warning);
    }
    for (const auto& threat : truth) {
      if (!natural_impacted[threat.id] || !zone.polygon.Contains(natural_impact[threat.id])) continue;
      ++score.impacts;
      score.intercepted += threat.killed;
      if (!warned.count(threat.id)) ++score.missed;
    }
    score.mean_warning_s = warned.empty() ? 0.0 : warning_sum / static_cast<double>(warned.size());
    if (warned.empty()) score.min_warning_s = 0.0;
    scores.push_back(score);
  }
  return scores;
}

}  // namespace cupola

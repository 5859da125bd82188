// cupola/sim/alert_scoring.h -- civil-defence alerts, and how well they
// served each zone.
//
// An alert is judged by the threat under its track and where that threat
// would have come down untouched (an interceptor getting there first does
// not make a warning false): true alerts, false alarms, impacts never
// warned, warning time from the first true alert to impact, and
// people-minutes under alert.
#pragma once

#include <Eigen/Core>
#include <string>
#include <vector>

#include "cupola/sim/alert_record.h"
#include "cupola/sim/truth.h"
#include "cupola/sim/world.h"

namespace cupola {

/// Per alert zone: how the alerts served the people in it.
struct ZoneAlertScore {
  std::string name;
  int alerts = 0;
  int true_alerts = 0;      // the threat came down in the zone
  int false_alarms = 0;     // alerted, and the threat came down elsewhere
  int impacts = 0;          // threats that would have come down in the zone untouched
  int intercepted = 0;      // of those, destroyed in the air before they did
  int missed = 0;           // of those impacts, never alerted
  double min_warning_s = 0.0, mean_warning_s = 0.0;  // over true alerts, alert to impact
  double people_minutes = 0.0;  // population x time under alert
};

/// Every zone's score. natural_impacted / natural_impact: by threat id,
/// whether and where it would have come down untouched.
std::vector<ZoneAlertScore> ScoreAlertZones(const std::vector<AlertZone>& zones, const std::vector<AlertRecord>& alerts,
                                            const std::vector<TruthTrajectory>& truth,
                                            const std::vector<bool>& natural_impacted,
                                            const std::vector<Eigen::Vector2d>& natural_impact);

}  // namespace cupola

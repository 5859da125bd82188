// cupola/campaign/replication_metrics.h -- one replication reduced to the
// numbers a campaign keeps: a row of `replications` and, per threat, a row
// of `threats` (docs/campaigns.md).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "cupola/sim/replication.h"
#include "cupola/sim/summary.h"
#include "cupola/sim/world.h"

namespace cupola {

/// A replication's outcome. NaN: the run does not define the value (a
/// ratio of nothing, no warning given, no decision scored, no empty magazine).
struct ReplicationMetrics {
  int arm = 0;               // which defence or sweep point (0 for a plain campaign)
  std::uint64_t index = 0;   // replication index
  std::uint64_t seed = 0;    // the replication's own seed
  int launched = 0;          // threats launched
  int fell_short = 0;        // fell short of their aim: a launch or motor failure, or aimed beyond reach
  int launch_failures = 0;   // never left the launcher
  int duds = 0;              // came down without functioning: no damage
  int engaged = 0;           // engage decision or interceptor aimed at the track following it
  int intercepted = 0;       // destroyed in the air
  int hits_defended = 0;     // came down inside a defended area
  double value_lost = 0.0;   // sum of the hit areas' values, one per hit
  int interceptors_fired = 0;
  int interceptors_met = 0;   // met their threat (sim/summary.h DefenceOutcome)
  int interceptor_kills = 0;  // of those, killed it
  double defence_cost_usd = 0.0;
  double cost_exchange_ratio = 0.0;  // defence / attack spend; NaN when nothing was fired
  double warning_min_s = 0.0;        // shortest true warning over the alert zones; NaN without one
  int decisions_scored = 0;          // engage/ignore decisions with a threat under the track
  int decisions_right = 0;           // of those, engage == the threat really came down in a defended area
  bool magazine_empty = false;       // a threat found every launcher of its batteries empty
  double magazine_empty_t_s = 0.0;   // the first time it did; NaN if never
  std::vector<std::vector<int>> stock;  // [battery][k]: interceptors loaded at k of kStockSamples (stock_timeline.h)
};

/// What became of one threat in one replication.
struct ThreatRecord {
  int threat_id = 0;
  std::string salvo, type;
  std::string fate;         // intercepted, leaked_engaged, ... (docs/campaigns.md)
  bool engaged = false;
  std::string impact_area;  // "" : open ground, killed or airborne
  double end_t_s = 0.0;     // impact or kill time, or the scenario's end
};

struct ReplicationRecord {
  ReplicationMetrics metrics;
  std::vector<ThreatRecord> threats;  // by threat id
};

/// Reduces a replication (run with or without trajectories) to its record.
ReplicationRecord MeasureReplication(const World& world, const ReplicationResult& result, std::uint64_t index,
                                     int arm = 0);

}  // namespace cupola

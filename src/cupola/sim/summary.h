// cupola/sim/summary.h -- the outcome of a run, counted.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "cupola/sim/replication.h"

namespace cupola {

struct AreaTally {
  std::string name;
  double value = 0.0;
  int aimed = 0;    // threats whose salvo aimed at this area
  int impacts = 0;  // threats that came down inside it
};

/// What became of the threats once the defence acted (with radars and batteries).
struct ThreatFates {
  int intercepted = 0;           // destroyed by an interceptor
  int leaked_engaged = 0;        // engaged (or fired at), still came down in a defended area
  int leaked_ignored = 0;        // never engaged, came down in a defended area: wrongly ignored
  int ignored_open_ground = 0;   // never engaged, fell in open ground: correctly ignored
  int engaged_open_ground = 0;   // engaged, not killed, fell in open ground
  int airborne_at_end = 0;
  int launch_failures = 0;       // never left the launcher
  int duds = 0;                  // came down without functioning (anywhere)
  int no_warhead = 0;            // decoys that came down (anywhere): no damage
};

struct TypeOutcome {
  std::string type;
  int launched = 0, engaged = 0, intercepted = 0, leaked = 0;
};

/// One layer of the defence: the shots of one effector kind (docs/outputs.md).
struct LayerOutcome {
  std::string effector;     // "missile", "gun"
  int engagements = 0;      // threats (tracks) it fired at
  int shots = 0;            // interceptors or bursts fired
  int kills = 0;            // threats its shots destroyed
  double cost_usd = 0.0;    // its shots x their cost
  double cost_exchange_ratio = 0.0;  // its cost over the whole attack's (0 when the attack cost nothing)
};

struct DefenceOutcome {
  ThreatFates fates;
  std::vector<TypeOutcome> by_type;
  int interceptors_fired = 0;
  int interceptors_detonated = 0;
  // Achieved single-shot Pk: kills over the interceptors that met their
  // threat -- left out are those whose threat was gone (killed by another
  // interceptor, or landed) before they arrived, those fired at a track over
  // no real threat, and those still flying at the end. planned_pk: the mean
  // of the battle manager's planning Pk over the same interceptors.
  int interceptors_met = 0;
  int interceptor_kills = 0;
  double achieved_pk = 0.0;            // 0 when none met its threat
  double planned_pk = 0.0;
  double interceptors_per_kill = 0.0;  // 0 when nothing was killed
  double defence_cost_usd = 0.0;       // interceptors fired x their cost
  double attack_cost_usd = 0.0;        // threats launched x their type's cost
  double cost_per_intercept_usd = 0.0;
  double cost_exchange_ratio = 0.0;    // defence / attack spend (0 when the attack cost nothing)
  std::vector<LayerOutcome> layers;    // per effector kind, missile first; filled when a battery fires guns
};

struct RunSummary {
  int threats = 0;
  int impacts = 0;      // came down: in open ground, in a defended area, as a dud or as a decoy
  int open_ground = 0;  // functioning impacts in open ground
  int hits = 0;         // functioning impacts in a defended area
  int duds = 0;         // came down without functioning: no damage
  int no_warhead = 0;   // decoys (types without a warhead) that came down: no damage
  int launch_failures = 0;
  int motor_failures = 0;
  int fell_short = 0;   // a launch or motor failure, or aimed beyond the range table's reach
  int airborne_at_end = 0;
  int aim_out_of_range = 0;
  std::vector<AreaTally> areas;
  int intercepted = 0;
  std::optional<DefenceOutcome> defence;  // with radars and batteries
};

RunSummary Summarize(const World& world, const ReplicationResult& result);

/// What became of one threat (the counts of ThreatFates, per threat).
enum class ThreatFate {
  kIntercepted, kLeakedEngaged, kLeakedIgnored, kIgnoredOpenGround, kEngagedOpenGround, kAirborneAtEnd,
  kImpactDefendedArea, kImpactOpenGround,  // no defence in the scenario (no radars or no batteries)
  kLaunchFailure,  // never left the launcher
  kDud,            // came down, warhead did not function (engaged or not, in an area or not)
  kNoWarhead,      // a decoy came down (engaged or not, in an area or not)
};

struct ThreatFateOf {
  ThreatFate fate = ThreatFate::kImpactOpenGround;
  bool engaged = false;  // a decision to engage, or an interceptor, aimed at the track following it
};

/// Fell short of its aim: failed at launch, its motor stopped early, or
/// aimed beyond the reach of its range table (issue 19's `fell_short`).
bool FellShort(const ThreatOutcome& o);

/// The fate's stable code: "intercepted", "leaked_engaged", ... (outputs, campaign rows).
const char* ToString(ThreatFate fate);

/// By threat id.
std::vector<ThreatFateOf> ClassifyThreats(const World& world, const ReplicationResult& result);

}  // namespace cupola

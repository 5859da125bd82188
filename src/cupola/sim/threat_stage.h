// cupola/sim/threat_stage.h -- the threats in flight, on the engagement's
// clock.
//
// A threat comes into the air at its launch (a due on the clock) and leaves
// it at its end: an impact (a due at the time its flight reaches the
// ground), an interceptor's kill (Kill, at the detonation), or the end of
// the run. Its outcome is written then, when it happens, never afterwards.
// Each flight is computed ahead from its launch (threats do not yet react
// to the defence, so the path is a cache of what the integrator will give);
// nothing in the run reads it beyond the present: the sensors see only the
// threats in the air now, at their state now, and a kill drops the rest of
// the path. A threat that re-routes or manoeuvres will replace its cached
// future at that instant the same way.
#pragma once

#include <vector>

#include "cupola/sensors/scan.h"
#include "cupola/sim/clock.h"
#include "cupola/sim/truth.h"

namespace cupola {

/// What went wrong with a threat on the attacker's side (physics/threat_type.h ThreatReliability).
enum class ThreatFailure {
  kNone,
  kLaunch,  // never left the launcher: no flight, no track
  kMotor,   // its motor stopped early: it flew a truncated boost and fell short
};

struct ThreatOutcome {
  int id = 0;
  int salvo = 0;  // index into World::salvos()
  double launch_t_s = 0.0;
  Eigen::Vector3d p_launch_W = Eigen::Vector3d::Zero();
  Eigen::Vector2d aim_EN = Eigen::Vector2d::Zero();  // the point this round was laid on
  bool aim_in_range = true;
  bool aim_beyond_reach = false;  // aimed beyond the range table's maximum: fired at it, falls short
  bool impacted = false;
  double end_t_s = 0.0;  // impact time, or duration_s if still airborne
  Eigen::Vector3d p_end_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_end_W = Eigen::Vector3d::Zero();
  int impact_area = -1;  // defended area hit, -1 = open ground (or airborne, or killed)
  bool killed = false;   // an interceptor destroyed it at end_t_s, p_end_W
  int natural_impact_area = -1;  // where it would have come down untouched (-1: open ground, or not at all)
  double apogee_m = 0.0;
  int charge = 0;  // mortars: the charge fired (0 = lowest); 0 otherwise
  ThreatFailure failure = ThreatFailure::kNone;
  double failure_t_s = 0.0;  // when it failed: the launch, or the motor's early burn-out
  bool warhead_dud = false;  // drawn: its warhead would not function on impact
  bool no_warhead = false;   // its type has none (a decoy): it never does damage

  /// It came down but did no damage: a dud (a decoy's impact is not a dud).
  bool DudImpact() const { return impacted && warhead_dud && !no_warhead; }
  /// A decoy came down: no warhead, no damage.
  bool NoWarheadImpact() const { return impacted && no_warhead; }
  /// It came down in a defended area and its warhead functioned: a hit.
  bool Hit() const { return impacted && !warhead_dud && !no_warhead && impact_area >= 0; }
};

/// Where a flight computed ahead ends, as the threat stage needs it.
struct FlightAhead {
  TruthTrajectory path;  // launch to impact, or to the end of the run
  int impact_area = -1;  // the defended area its impact falls in, if it impacts
};

class ThreatStage : public TargetSource {
 public:
  /// `launched`: each threat's launch (id, salvo, time, place, aim), by id;
  /// `ahead`: its flight computed ahead, by id.
  ThreatStage(std::vector<ThreatOutcome> launched, std::vector<FlightAhead> ahead);

  /// Puts every launch and every impact before `duration_s` on the clock.
  void ScheduleOn(Clock& clock, double duration_s) const;
  /// A kThreatLaunch or kThreatEnd due.
  void Handle(const Due& due);
  /// An interceptor ended threat `id` in the air at t_s (no effect on a
  /// threat not in the air then).
  void Kill(int id, double t_s);
  /// The threats still in the air at the end of the run: airborne.
  void Finish();

  // TargetSource: the sensors' view. AliveAt is asked at the clock's present.
  void AliveAt(double t_s, std::vector<int>& ids) const override;
  TargetState StateAt(int id, double t_s) const override;

  /// Whether its flight, untouched, reaches the ground within the run
  /// (scoring observers only).
  bool impacts_ahead(int id) const { return impacts_ahead_[id] != 0; }
  /// Each threat's path as flown so far (scoring observers and seekers only).
  std::vector<TruthTrajectory>& truth() { return truth_; }
  const std::vector<TruthTrajectory>& truth() const { return truth_; }
  const std::vector<ThreatOutcome>& outcomes() const { return outcomes_; }
  std::vector<ThreatOutcome> TakeOutcomes() { return std::move(outcomes_); }
  std::vector<TruthTrajectory> TakeTruth() { return std::move(truth_); }

 private:
  void Leave(int id);

  std::vector<ThreatOutcome> outcomes_;
  std::vector<TruthTrajectory> truth_;
  std::vector<char> impacts_ahead_;  // its cached flight reaches the ground within the run
  std::vector<int> area_ahead_;      // in this defended area (-1: open ground)
  std::vector<int> in_air_;      // ids, ascending
};

}  // namespace cupola

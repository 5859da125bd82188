// cupola/engagement/battle_manager.h -- who fires at what, and when.
//
// One battle manager commands every battery and sees one shared picture.
// Each call to Plan (every scan) re-plans over what is feasible now:
//  1. Shots whose predicted intercept is kill_assessment_s past are assessed
//     by the radar: a track updated by a detection after the predicted
//     intercept survived it (it may be engaged again); one not seen since is
//     presumed killed and not fired at while it stays unseen. The assessment
//     can be wrong (the firing battery's doctrine, one draw per shot keyed by
//     track and shot number): a survivor declared killed
//     (kFalseKillDeclaration) is never fired at again; a kill not seen
//     (kMissedKill) leaves the track open to another shot.
//  2. For each threat to engage and each launcher ready now (loaded, its
//     launch interval past, and a battery whose rule engages the threat), the
//     intercept of an interceptor launched after the reaction time
//     (intercept.h); feasible pairs get the interceptor's single-shot Pk.
//  3. Doctrine decides how many shots a threat gets now. Shoot-look-shoot:
//     one, if a second launched after the first's kill assessment could
//     still intercept; else a salvo of two. At most
//     max_interceptors_per_threat in all, counting shots in the air.
//     Value/cost rule: hold fire when value x Pk x value_usd_per_unit is
//     below the interceptor's cost.
//  4. A static weapon-target assignment over the ready launchers (one
//     interceptor each per plan) and the threats, with the surviving value
//     V prod (1 - pk) over shots in the air, capped per threat by step 3,
//     maximises the expected value destroyed (wta.h; exact when small,
//     local search beyond).
// Decisions that fire nothing are notes: hold fire (once per threat), a
// survivor assessed (per interceptor), and, when a threat leaves the picture
// without ever being fired at, why not (no feasible intercept, no launcher
// ready) -- a threat out of reach now may well be fired at later.
// Deterministic: threats and launchers are taken in the order given.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "cupola/core/reason.h"
#include "cupola/engagement/battery.h"

namespace cupola {

/// A track the picture says to engage, as the battle manager needs it.
struct EngagementThreat {
  int track_id = -1;
  double value = 0.0;                 // value at risk [value units]
  std::vector<char> engage_by;        // per battery: its rule engages this threat (empty: all do)
  const ThreatPath* path = nullptr;   // predicted path from now to the ground
  double last_update_t_s = -1e300;    // the track's latest detection (kill assessment)
  bool falls = true;                  // a rocket or mortar bomb, else a drone (the planning Pk differs)
};

struct FireOrder {
  double t_s = 0.0;      // when the battle manager ordered it
  int battery = 0, launcher = 0, track_id = -1;
  int shot = 1;          // this threat's n-th interceptor
  bool salvo = false;    // fired with another, without looking in between
  double pk = 0.0;       // planned single-shot kill probability
  double cost_usd = 0.0;
  InterceptSolution intercept;  // launch time, predicted intercept time and point
};

/// A decision that fires nothing, and why (core/reason.h): hold fire
/// (kValueBelowCost), no intercept (kNoLauncherInEnvelope, kNoLauncherReady,
/// kMagazineEmpty, kNoBatteryEngages), survived (kDetectedAfterIntercept,
/// kDetectedAfterPresumedKill), presumed killed (kNotDetectedSinceIntercept).
struct EngagementNote {
  enum class Kind { kHoldFire, kNoIntercept, kSurvived, kPresumedKilled };
  double t_s = 0.0;
  int track_id = -1;
  Kind kind = Kind::kHoldFire;
  Reason reason = Reason::kNone;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();  // the threat then, or the missed intercept point
  double value_at_risk = -1.0;  // hold fire: the surviving value weighed against the cost (-1: not given)
  double t_intercept_s = -1.0;  // survived, presumed killed: the assessed interceptor's predicted intercept (-1: none)
};
const char* ToString(EngagementNote::Kind kind);

struct PlanStats {
  int threats = 0, launchers_ready = 0, pairs = 0, feasible_pairs = 0;
};

class BattleManager {
 public:
  /// Plans for the batteries whose entry in `commands` is 1 (empty: all).
  explicit BattleManager(const std::vector<BatteryModel>* batteries, const std::vector<char>& commands = {});

  /// Orders to fire now, at `t_s`.
  std::vector<FireOrder> Plan(double t_s, const std::vector<EngagementThreat>& threats);
  /// The track is gone at `t_s` (killed, landed or dropped): notes why it
  /// was never fired at, if it was not, and forgets it.
  void Forget(int track_id, double t_s);
  /// The run ends: Forget every threat still in the picture.
  void Finish(double t_s);
  /// The picture no longer engages the track (a revised decision, before any
  /// shot): forgotten without a note, as if never engaged.
  void Cancel(int track_id) { threats_.erase(track_id); }
  /// Interceptors fired at the track so far.
  int ShotsAt(int track_id) const {
    const auto it = threats_.find(track_id);
    return it == threats_.end() ? 0 : static_cast<int>(it->second.shots.size());
  }

  const std::vector<EngagementNote>& notes() const { return notes_; }
  const PlanStats& last_stats() const { return stats_; }
  /// Interceptors still loaded in a battery.
  int Loaded(int battery) const;
  /// Seeds the kill assessment's errors (Doctrine::false_kill_declaration_probability,
  /// missed_kill_probability): the draw for a track's n-th shot comes from
  /// SubstreamSeed(SubstreamSeed(seed, track), n).
  void SetKillAssessmentSeed(std::uint64_t seed) { assessment_seed_ = seed; }

 private:
  struct Launcher {
    int battery = 0, index = 0;
    int loaded = 0;
    double next_launch_t_s = 0.0;  // its launch interval
    double reloaded_t_s = 0.0;     // when reloading: loaded again at this time
    bool reloading = false;
  };
  struct Shot {
    Eigen::Vector3d p_intercept_W = Eigen::Vector3d::Zero();
    double t_intercept_s = 0.0;
    double assessed_t_s = 0.0;  // the kill is known by then
    double pk = 0.0;
    bool assessed = false;
    int battery = 0;  // whose doctrine assesses it
  };
  struct ThreatState {
    std::vector<Shot> shots;
    double presumed_killed_t_s = -1.0;  // >= 0: assessed killed then (no detection since the intercept)
    bool held = false;              // a hold-fire note was made
    bool declared_killed = false;   // a survivor declared killed (kFalseKillDeclaration): never fired at again
    Reason not_fired_because = Reason::kNone;  // the last plan's reason for not firing at it
    Eigen::Vector3d last_p_W = Eigen::Vector3d::Zero();
  };

  /// Why no ready launcher's battery engages `threat`: no battery's rule
  /// engages it now, every launcher of those that do is empty (reloading
  /// included), or their loaded launchers wait out their launch interval.
  Reason WhyNoLauncherReady(const EngagementThreat& threat) const;

  const std::vector<BatteryModel>* batteries_;
  std::vector<Launcher> launchers_;
  std::map<int, ThreatState> threats_;
  std::vector<EngagementNote> notes_;
  PlanStats stats_;
  std::uint64_t assessment_seed_ = 0;
};

}  // namespace cupola

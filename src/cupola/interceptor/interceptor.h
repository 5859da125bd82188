// cupola/interceptor/interceptor.h -- one interceptor from launch to
// detonation or miss.
//
// Mid-course it flies proportional navigation against the target state the
// battle manager uplinks (the track's estimate, extrapolated with its
// acceleration to the present). When the real target is inside the seeker's
// range and field of view (measured from the velocity vector), the seeker
// locks and the interceptor homes on what the seeker sees: the true line of
// sight with Gaussian angular noise (thermal, glint and fixed parts, and the
// radome's boresight error in the seen line-of-sight rate: endgame.h), and the
// true closing velocity (Doppler). Every step the fuze looks for the closest
// approach to the real target (fuze.h); inside the fuze radius (three lethal
// radii) the warhead bursts there, off by the fuze's timing error, and kills
// with the damage function at the burst distance, its lethal radius scaled by
// the target's vulnerability (endgame.h). A pass outside it, the flight time running out, or the speed
// falling below the minimum intercept speed is a miss.
#pragma once

#include <functional>
#include <vector>

#include "cupola/core/random.h"
#include "cupola/core/reason.h"
#include "cupola/interceptor/endgame.h"
#include "cupola/interceptor/flight.h"
#include "cupola/interceptor/fuze.h"
#include "cupola/interceptor/guidance.h"
#include "cupola/physics/ballistic.h"

namespace cupola {

/// The battle manager's picture of the target: a track estimate.
struct Uplink {
  double t_s = 0.0;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d a_W = Eigen::Vector3d::Zero();  // assumed acceleration (gravity for a rocket)
};

/// Where the target really is at a time (seeker and fuze only); alive = false once it has landed or died.
struct TargetTruth {
  bool alive = false;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_W = Eigen::Vector3d::Zero();
};
using TruthAt = std::function<TargetTruth(double t_s)>;

/// A target flying a sampled path (time-ordered; Hermite between samples, at
/// the first sample before it, gone after the last): for tests and studies.
TruthAt TruthAlong(std::vector<TrajectoryPoint> path);

enum class InterceptorPhase { kMidcourse, kTerminal, kDetonated, kMissed };
const char* ToString(InterceptorPhase phase);

struct InterceptorOutcome {
  double t_s = 0.0;              // detonation or miss
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  double miss_m = 0.0;           // closest approach to the target
  double burst_m = 0.0;          // distance from the target at the burst (fuze timing error included)
  double kill_probability = 0.0; // of the detonation (0 for a miss)
  Reason reason = Reason::kNone; // for a miss: kPassedOutsideFuze, kTooSlow, ... (kNone for a detonation)
};

class Interceptor {
 public:
  /// The kill model is the interceptor type's; `target` sets glint and vulnerability.
  Interceptor(const InterceptorDynamics* dynamics, InterceptorState state, std::uint64_t seeker_seed,
              EndgameTarget target = {});

  /// Mid-course steps are this many times the terminal ones.
  static constexpr double kMidcourseStepFactor = 5.0;
  /// Flies to `t_end_s` (or until it detonates or misses) in steps of at most
  /// `step_s` in terminal homing, kMidcourseStepFactor x `step_s` mid-course.
  void Advance(double t_end_s, const Uplink& uplink, const TruthAt& truth, double step_s = 0.01);

  InterceptorPhase phase() const { return phase_; }
  bool done() const { return phase_ == InterceptorPhase::kDetonated || phase_ == InterceptorPhase::kMissed; }
  const InterceptorState& state() const { return state_; }
  const InterceptorOutcome& outcome() const { return outcome_; }
  double terminal_since_t_s() const { return terminal_since_t_s_; }

 private:
  bool SeekerSees(const TargetTruth& target) const;
  void Finish(InterceptorPhase phase, double t_s, const Eigen::Vector3d& p_W, double miss_m, double pk,
              Reason reason, double burst_m = 0.0);
  /// The terminal command: PN on the seen line of sight, its rate off by the radome.
  Eigen::Vector3d TerminalCommand(const TargetTruth& target, const NavigationGains& gains, double step_s);

  const InterceptorDynamics* dynamics_;
  InterceptorState state_;
  Rng seeker_rng_;
  EndgameTarget target_;
  Eigen::Vector3d u_lock_W_ = Eigen::Vector3d::Zero();  // velocity direction at lock (radome reference)
  Eigen::Vector3d last_cmd_W_ = Eigen::Vector3d::Zero();  // the previous step's command (body rate)
  Eigen::Vector2d noise_ = Eigen::Vector2d::Zero();       // the seeker's correlated noise, unit variance
  InterceptorPhase phase_ = InterceptorPhase::kMidcourse;
  InterceptorOutcome outcome_;
  double closest_m_ = 1e300;
  double terminal_since_t_s_ = -1.0;
};

}  // namespace cupola

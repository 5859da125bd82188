// cupola/engagement/intercept.h -- where and when an interceptor launched
// now from a launcher meets a threat on its predicted path.
//
// With the threat at p(t) (its predicted path) and the fly-out time f(x) from
// the launcher to a point x (fly_out.h), an interceptor launched at t_L meets
// the threat at the first root t* of
//     g(t) = t - t_L - f(p(t)) .
// g is negative while the threat is beyond reach in time. Its slope is at
// most 1 + v_threat / v_min (the fly-out time changes at most at the threat's
// speed over the interceptor's slowest arrival speed), so stepping by
// -g / (1.5 (1 + v/v_min)) never jumps over the root; the last bracket is
// closed by regula falsi on the interpolated path until |g| < 1 ms:
// the predicted intercept point is consistent with the fly-out to it.
// The intercept is feasible when the root exists and lies in the battery's
// envelope: slant range from the launcher in [min, max], height above ground
// in [min, max]. The threat must not come down first (the path ends on the
// ground, and the minimum altitude keeps the intercept above it).
#pragma once

#include <Eigen/Core>
#include <vector>

#include "cupola/engagement/fly_out.h"
#include "cupola/physics/ballistic.h"
#include "cupola/physics/environment.h"

namespace cupola {

/// A threat's predicted path, ready for intercept solving.
struct ThreatPath {
  std::vector<TrajectoryPoint> points;  // increasing time, the ground impact (or the horizon) last
  std::vector<double> height_m;         // above ground, per point
  double max_speed_mps = 0.0;

  /// Heights and speed from `points` (env: heights above its ground).
  static ThreatPath From(std::vector<TrajectoryPoint> points, const FlightEnvironment& env);
  /// Straight flight at constant velocity from `start` until `t_end_s`, sampled every `step_s` (drones).
  static ThreatPath Straight(const TrajectoryPoint& start, double t_end_s, double step_s, const FlightEnvironment& env);
  bool empty() const { return points.size() < 2; }
};

struct Envelope {
  double min_range_m = 0.0;
  double max_range_m = 1e12;
  double min_altitude_m = 0.0;
  double max_altitude_m = 1e12;
};

struct InterceptSolution {
  bool feasible = false;
  double t_launch_s = 0.0;
  double t_intercept_s = 0.0;
  Eigen::Vector3d p_intercept_W = Eigen::Vector3d::Zero();
  double range_m = 0.0;          // slant range launcher -> intercept point
  double height_m = 0.0;         // above ground at the intercept
  double interceptor_speed_mps = 0.0;
  int iterations = 0;            // g evaluations (benchmarks)
};

/// Intercept of `path` by an interceptor launched at `t_launch_s` from `launcher_W`.
InterceptSolution SolveIntercept(const ThreatPath& path, const Eigen::Vector3d& launcher_W, double t_launch_s,
                                 const FlyOutTable& table, const Envelope& envelope);

}  // namespace cupola

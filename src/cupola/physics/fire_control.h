// cupola/physics/fire_control.h -- how the attacker lays a rocket or mortar.
//
// The attacker is given perfect fire control up to the scenario's aim
// dispersion: for a launch site and a firing azimuth, a range table
// (elevation -> ground range and cross-range drift) is computed once by
// flying the full model, and each round's elevation and azimuth are read from
// it for the point it should hit. Rockets use the low-angle branch (below the
// maximum-range elevation), mortars the high-angle branch (above it).
#pragma once

#include <Eigen/Core>
#include <vector>

#include "cupola/physics/ballistic.h"

namespace cupola {

/// Horizontal range [m] and drift [rad, clockwise positive] of one flight.
struct RangeAndDrift {
  double range_m = 0.0;
  double drift_rad = 0.0;
  double time_of_flight_s = 0.0;
};
RangeAndDrift FlyForRange(const BallisticModel& model, const Eigen::Vector3d& p_launch_W, double elevation_rad,
                          double azimuth_rad);

/// Elevation [rad] of maximum range within the type's elevation limits
/// (golden-section search, to 1e-4 rad).
double MaxRangeElevation(const BallisticModel& model, const Eigen::Vector3d& p_launch_W, double azimuth_rad);

class FireControlTable {
 public:
  FireControlTable() = default;
  FireControlTable(const BallisticModel& model, const Eigen::Vector3d& p_launch_W, double azimuth_rad);

  struct Solution {
    double elevation_rad = 0.0;
    double azimuth_rad = 0.0;
    bool in_range = true;  // false: the point is beyond (or short of) the branch; fired at its end
  };
  /// Elevation and azimuth that put the round on `target_EN` (horizontal, W).
  Solution Solve(const Eigen::Vector2d& target_EN) const;

  double min_range_m() const { return range_m_.front(); }
  double max_range_m() const { return range_m_.back(); }
  double max_range_elevation_rad() const { return max_range_elevation_rad_; }

 private:
  Eigen::Vector2d launch_EN_ = Eigen::Vector2d::Zero();
  double max_range_elevation_rad_ = 0.0;
  // Sorted by increasing range along the branch.
  std::vector<double> elevation_rad_, range_m_, drift_rad_;
};

}  // namespace cupola

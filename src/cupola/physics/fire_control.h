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
#include <optional>
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

/// The type's parameters fired at charge `charge` (0 = lowest): the muzzle
/// velocity is that charge's; the rest is the type's.
BallisticParams AtCharge(const BallisticParams& params, int charge);

/// A crew's fire control over the type's charges: one range table per charge
/// (rockets and single-charge mortars have one). The rule a crew follows
/// (docs/threats.md#mortar-charges): the lowest charge whose branch covers the
/// range, so short-range fire is short and low; if no branch covers it, the
/// highest charge beyond every branch, else the lowest charge whose branch
/// reaches past it (fired at that branch's near end: out of range).
class ChargedFireControl {
 public:
  ChargedFireControl() = default;
  /// `model.params` is the type's (its charges in `charge_muzzle_velocities_mps`).
  ChargedFireControl(const BallisticModel& model, const Eigen::Vector3d& p_launch_W, double azimuth_rad);

  struct Solution : FireControlTable::Solution {
    int charge = 0;
  };
  /// As FireControlTable::Solve, choosing the charge by the rule above, or at `charge` if given.
  Solution Solve(const Eigen::Vector2d& target_EN, std::optional<int> charge = std::nullopt) const;
  /// The charge the rule picks for a horizontal range [m].
  int ChargeFor(double range_m) const;

  int charges() const { return static_cast<int>(tables_.size()); }
  /// The reach over all charges [m]: the lowest charge's shortest range, the full charge's longest.
  double min_range_m() const;
  double max_range_m() const;
  const FireControlTable& table(int charge) const { return tables_[charge]; }

 private:
  Eigen::Vector2d launch_EN_ = Eigen::Vector2d::Zero();
  std::vector<FireControlTable> tables_;  // by charge, ascending
};

}  // namespace cupola

// cupola/engagement/fly_out.h -- how long an interceptor takes to reach a
// point: the battle manager's fly-out table.
//
// Fire control plans with a table, not a guided flight: for each elevation
// e of the line of sight (0..90 deg in 5 deg steps) the interceptor is flown
// straight along that line as a point mass,
//   dv/dt = (T(t) - D(v, h)) / m(t) - g sin e,   D = rho(h) v^2 S Cd(M) / 2,
// with the thrust, mass flow and drag of its type and the 1976 atmosphere at
// the height reached, until it is slower than its minimum intercept speed or
// its flight time runs out. The distance flown s(t) is tabulated every
// 0.05 s; a query (distance, elevation) inverts s(t) at the two neighbouring
// elevations and interpolates. A guided flight turns and so arrives a little
// later than the straight line: the planner's launch delay absorbs that
// (docs/battle_manager.md).
#pragma once

#include <optional>
#include <vector>

#include "cupola/physics/atmosphere.h"
#include "cupola/physics/interceptor_type.h"

namespace cupola {

struct FlyOut {
  double time_s = 0.0;       // from launch to the point
  double speed_mps = 0.0;    // on arrival
};

class FlyOutTable {
 public:
  /// `atmosphere` may be null (vacuum). `launcher_alt_m` is the ellipsoidal height of the launch site.
  FlyOutTable(const InterceptorType& type, const AtmosphereTable* atmosphere, double launcher_alt_m = 0.0);

  /// Time and speed to reach `distance_m` along a line `elevation_rad` above
  /// the horizontal; nullopt beyond the interceptor's reach.
  std::optional<FlyOut> Reach(double distance_m, double elevation_rad) const;
  /// Greatest distance reachable at this elevation [m].
  double MaxDistance(double elevation_rad) const;
  /// Greatest distance reachable at any elevation [m] (a cheap pre-test).
  double MaxDistance() const { return max_distance_m_; }

  static constexpr double kSample_s = 0.05;
  static constexpr int kElevations = 19;  // 0, 5, ..., 90 deg

 private:
  struct Line {
    std::vector<double> distance_m;  // s(k kSample_s), increasing
    std::vector<double> speed_mps;
  };
  std::optional<FlyOut> ReachOnLine(const Line& line, double distance_m) const;

  std::vector<Line> lines_;
  double max_distance_m_ = 0.0;
};

}  // namespace cupola

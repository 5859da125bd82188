// cupola/sim/truth.h -- where every threat really is, at any time.
//
// Each threat's flight is recorded as states every few tenths of a second
// and read back at any time by cubic Hermite interpolation (exact for the
// integrator's own polynomial pieces up to third order). Radars see the
// truth through the TargetSource interface; nothing else of it leaves sim/.
#pragma once

#include <vector>

#include "cupola/physics/ballistic.h"
#include "cupola/sensors/scan.h"

namespace cupola {

struct TruthTrajectory {
  int id = 0;
  double rcs_m2 = 0.0;
  bool impacted = false;
  bool killed = false;                  // an interceptor ended it at end_t()
  std::vector<TrajectoryPoint> points;  // increasing time, launch to impact (or scenario end)

  double start_t() const { return points.front().t_s; }
  double end_t() const { return points.back().t_s; }
  /// State at t, clamped to [start_t, end_t].
  TrajectoryPoint At(double t_s) const;
  /// An interceptor kills it at t: the flight ends there, in the air.
  void KillAt(double t_s);
};

class TruthSet : public TargetSource {
 public:
  explicit TruthSet(const std::vector<TruthTrajectory>* trajectories) : trajectories_(trajectories) {}
  void AliveAt(double t_s, std::vector<int>& ids) const override;
  TargetState StateAt(int id, double t_s) const override;

 private:
  const std::vector<TruthTrajectory>* trajectories_;
};

/// The threat a track follows: the nearest in flight within 500 m of the
/// track's position at that instant, or -1 (scoring observers and seekers
/// only). Keeps the positions of the last instant asked about, since many
/// tracks are asked about at once.
class NearestThreat {
 public:
  static constexpr double kWithin_m = 500.0;
  explicit NearestThreat(const std::vector<TruthTrajectory>* truth) : truth_(truth) {}
  int At(double t_s, const Eigen::Vector3d& p_W);

 private:
  const std::vector<TruthTrajectory>* truth_;
  double t_s_ = -1e300;
  std::vector<int> ids_;
  std::vector<Eigen::Vector3d> p_W_;
};

}  // namespace cupola

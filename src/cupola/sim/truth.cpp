#include "cupola/sim/truth.h"

#include <algorithm>

namespace cupola {

TrajectoryPoint TruthTrajectory::At(double t_s) const { return InterpolateAlong(points, t_s); }

void TruthTrajectory::KillAt(double t_s) {
  if (t_s >= end_t() || t_s < start_t()) return;
  const TrajectoryPoint end = At(t_s);
  while (!points.empty() && points.back().t_s >= t_s) points.pop_back();
  points.push_back(end);
  impacted = false;
  killed = true;
}

void TruthSet::AliveAt(double t_s, std::vector<int>& ids) const {
  ids.clear();
  for (const auto& truth : *trajectories_)
    if (!truth.points.empty() && truth.start_t() <= t_s && t_s <= truth.end_t()) ids.push_back(truth.id);
}

TargetState TruthSet::StateAt(int id, double t_s) const {
  const TruthTrajectory& truth = (*trajectories_)[id];
  const TrajectoryPoint p = truth.At(t_s);
  return {id, p.p_W, p.v_W, truth.rcs_m2};
}

}  // namespace cupola

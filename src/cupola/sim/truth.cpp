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

int NearestThreat::At(double t_s, const Eigen::Vector3d& p_W) {
  if (t_s != t_s_) {
    t_s_ = t_s;
    TruthSet(truth_).AliveAt(t_s, ids_);
    p_W_.clear();
    for (const int id : ids_) p_W_.push_back((*truth_)[id].At(t_s).p_W);
  }
  int id = -1;
  double nearest = kWithin_m;
  for (std::size_t k = 0; k < ids_.size(); ++k) {
    const double d = (p_W_[k] - p_W).norm();
    if (d < nearest) nearest = d, id = ids_[k];
  }
  return id;
}

}  // namespace cupola

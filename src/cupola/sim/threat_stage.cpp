#include "cupola/sim/threat_stage.h"

#include <algorithm>

namespace cupola {

ThreatStage::ThreatStage(std::vector<ThreatOutcome> launched, std::vector<FlightAhead> ahead)
    : outcomes_(std::move(launched)) {
  for (std::size_t id = 0; id < ahead.size(); ++id) {
    FlightAhead& f = ahead[id];
    impacts_ahead_.push_back(f.path.impacted ? 1 : 0);
    area_ahead_.push_back(f.impact_area);
    outcomes_[id].natural_impact_area = f.path.impacted ? f.impact_area : -1;  // a scoring label
    f.path.impacted = false;  // not yet: when its impact is due
    truth_.push_back(std::move(f.path));
  }
}

void ThreatStage::ScheduleOn(Clock& clock, double duration_s) const {
  for (std::size_t id = 0; id < truth_.size(); ++id) {
    const TruthTrajectory& path = truth_[id];
    if (path.start_t() > duration_s) continue;  // launched after the end of the run
    if (outcomes_[id].failure == ThreatFailure::kLaunch) continue;  // never leaves the launcher
    clock.Schedule({path.start_t(), Stage::kThreatLaunch, id, 0});
    if (impacts_ahead_[id]) clock.Schedule({path.end_t(), Stage::kThreatEnd, id, 0});
  }
}

void ThreatStage::Handle(const Due& due) {
  const auto id = static_cast<int>(due.key);
  if (due.stage == Stage::kThreatLaunch) {
    in_air_.insert(std::lower_bound(in_air_.begin(), in_air_.end(), id), id);
    return;
  }
  // Its impact: unless an interceptor got there first.
  ThreatOutcome& o = outcomes_[id];
  if (o.killed) return;
  TruthTrajectory& path = truth_[id];
  path.impacted = true;
  o.impacted = true;
  o.impact_area = area_ahead_[id];
  o.end_t_s = path.end_t();
  o.p_end_W = path.points.back().p_W;
  o.v_end_W = path.points.back().v_W;
  Leave(id);
}

void ThreatStage::Kill(int id, double t_s) {
  TruthTrajectory& path = truth_[id];
  ThreatOutcome& o = outcomes_[id];
  if (o.killed || path.impacted || t_s < path.start_t() || t_s >= path.end_t()) return;
  path.KillAt(t_s);  // the rest of its cached flight never happens
  o.killed = true;
  o.impacted = false;
  o.impact_area = -1;
  o.end_t_s = path.end_t();
  o.p_end_W = path.points.back().p_W;
  o.v_end_W = path.points.back().v_W;
  Leave(id);
}

void ThreatStage::Finish() {
  for (std::size_t id = 0; id < truth_.size(); ++id) {
    ThreatOutcome& o = outcomes_[id];
    if (o.killed || o.impacted) continue;
    // Still in the air when the run ends (or never launched within it).
    const TruthTrajectory& path = truth_[id];
    o.end_t_s = path.end_t();
    o.p_end_W = path.points.back().p_W;
    o.v_end_W = path.points.back().v_W;
  }
  in_air_.clear();
}

void ThreatStage::AliveAt(double /*t_s: the present*/, std::vector<int>& ids) const { ids = in_air_; }

TargetState ThreatStage::StateAt(int id, double t_s) const {
  const TruthTrajectory& path = truth_[id];
  const TrajectoryPoint p = path.At(t_s);
  return {id, p.p_W, p.v_W, path.rcs_m2};
}

void ThreatStage::Leave(int id) {
  const auto it = std::lower_bound(in_air_.begin(), in_air_.end(), id);
  if (it != in_air_.end() && *it == id) in_air_.erase(it);
}

}  // namespace cupola

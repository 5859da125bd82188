#include "cupola/sim/interceptor_fleet.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/units.h"
#include "cupola/sim/tracking_run.h"

namespace cupola {

InterceptorFleet::InterceptorFleet(const World& world, ThreatStage* threats, std::uint64_t replication_seed)
    : world_(world),
      threats_(threats),
      nearest_(&threats->truth()),
      shots_(world.batteries().size(), 0) {
  for (const auto& b : world.batteries()) {
    dynamics_.emplace_back(&b.interceptor, &world.environment());
    battery_seeds_.push_back(StreamSeed(replication_seed, "interceptors/" + b.name));
  }
  weave_seed_ = StreamSeed(replication_seed, "endgame/weave");
}

int InterceptorFleet::Launch(const FireOrder& order, int picture, bool falls, double t_track_s,
                             const Eigen::Vector3d& p_track_W) {
  const int target_id = nearest_.At(t_track_s, p_track_W);
  const BatteryModel& battery = world_.batteries()[order.battery];
  const Eigen::Vector3d& launcher = battery.launchers[order.launcher].p_W;
  // Towards the predicted intercept, raised to the launcher's lowest elevation.
  const Eigen::Vector3d up = world_.environment().Up(launcher);
  Eigen::Vector3d aim = (order.intercept.p_intercept_W - launcher).normalized();
  const double min_sin = std::sin(battery.interceptor.min_launch_elevation_rad);
  if (aim.dot(up) < min_sin) {
    const Eigen::Vector3d level = (aim - aim.dot(up) * up).normalized();
    aim = std::sqrt(1.0 - min_sin * min_sin) * level + min_sin * up;
  }
  InterceptorRecord record;
  record.order = order;
  record.target_id = target_id;
  record.picture = picture;
  record.falls = falls;
  const InterceptorState start = dynamics_[order.battery].Launch(launcher, aim, order.intercept.t_launch_s);
  record.path.push_back({start.t_s, start.p_W});
  // Each interceptor draws from its own sub-stream, keyed by its battery and
  // its shot number there: another battery's doctrine moves none of them.
  record.shot_seed = SubstreamSeed(battery_seeds_[order.battery], shots_[order.battery]++);
  const std::uint64_t seeker_seed = SubstreamSeed(record.shot_seed, 1);
  records_.push_back(std::move(record));
  flying_.emplace_back(&dynamics_[order.battery], start, seeker_seed, EndgameTargetOf(target_id));
  record_of_.push_back(static_cast<int>(records_.size()) - 1);
  uplinks_.push_back({order.t_s, order.intercept.p_intercept_W, Eigen::Vector3d::Zero(), Eigen::Vector3d::Zero()});
  on_the_way_.emplace_back();
  return target_id;
}

EndgameTarget InterceptorFleet::EndgameTargetOf(int threat_id) const {
  if (threat_id < 0) return {};
  return EndgameTargetFor(world_.salvos()[threats_->outcomes()[threat_id].salvo].type->kind);
}

int InterceptorFleet::Fire(const PictureFireOrder& o, int picture) {
  return Launch(o.order, picture, o.falls, o.t_track_s, o.p_track_W);
}

void InterceptorFleet::AddRecordsTo(TrackingResult& result) const {
  result.interceptors.insert(result.interceptors.end(), records_.begin(), records_.end());
}

int InterceptorFleet::flying() const {
  return static_cast<int>(std::count_if(flying_.begin(), flying_.end(), [](const Interceptor& i) { return !i.done(); }));
}

void InterceptorFleet::AdvanceTo(double t_s, const std::vector<const Tracker*>& trackers) {
  constexpr double kSlice_s = 0.1;
  while (now_s_ < t_s) {
    const double next = std::min(t_s, now_s_ + kSlice_s);
    for (std::size_t k = 0; k < flying_.size(); ++k) {
      Interceptor& interceptor = flying_[k];
      if (interceptor.done() || interceptor.state().t_s >= next) continue;
      InterceptorRecord& record = records_[record_of_[k]];
      if (const Track* track = trackers[record.picture]->Find(record.order.track_id)) {
        const double loss = world_.spec().batteries[record.order.battery].uplink_loss_probability;
        const bool lost =
            loss > 0.0 && Rng(SubstreamSeed(SubstreamSeed(record.shot_seed, 3), static_cast<std::uint64_t>(record.uplink_refreshes)))
                                  .Uniform() < loss;
        ++record.uplink_refreshes;
        record.uplink_lost += lost;
        const GaussianState& s = track->estimate.state;
        if (!lost)
          on_the_way_[k].push_back({now_s_ + world_.spec().batteries[record.order.battery].uplink_latency_s,
                                    {s.t_s, s.Position(), s.Velocity(),
                                     Eigen::Vector3d(0, 0, record.falls ? -kStandardGravity : 0.0)}});
      }
      // Refreshes arriving within this slice steer it (with no latency, the one just sent).
      while (!on_the_way_[k].empty() && on_the_way_[k].front().first <= next) {
        uplinks_[k] = on_the_way_[k].front().second;
        on_the_way_[k].pop_front();
      }
      const int id = record.target_id;
      // The seeker and the fuze see the threat's weave too (endgame.h); the
      // radars see its path without it (the weave is metres, their noise tens).
      const EndgameTarget target = EndgameTargetOf(id);
      const double phase = id < 0 ? 0.0 : 2.0 * kPi * Rng(SubstreamSeed(weave_seed_, static_cast<std::uint64_t>(id))).Uniform();
      const TruthAt truth = [this, id, target, phase](double t) {
        if (id < 0) return TargetTruth{};
        const TruthTrajectory& threat = threats_->truth()[id];
        if (t < threat.start_t() || t > threat.end_t()) return TargetTruth{};
        const TrajectoryPoint p = threat.At(t);
        const WeaveOffset w = Weave(target, phase, t, p.v_W, world_.environment().Up(p.p_W));
        return TargetTruth{true, p.p_W + w.dp_W, p.v_W + w.dv_W};
      };
      interceptor.Advance(next, uplinks_[k], truth);
      record.phase = interceptor.phase();
      record.terminal_t_s = interceptor.terminal_since_t_s();
      if (!interceptor.done()) {
        if (interceptor.state().t_s >= record.path.back().t_s + kPathSample_s - 1e-9)
          record.path.push_back({interceptor.state().t_s, interceptor.state().p_W});
        continue;
      }
      record.outcome = interceptor.outcome();
      record.path.push_back({record.outcome.t_s, record.outcome.p_W});
      if (interceptor.phase() == InterceptorPhase::kDetonated) {
        record.killed = Rng(SubstreamSeed(record.shot_seed, 2)).Uniform() < record.outcome.kill_probability;
        if (record.killed) threats_->Kill(id, record.outcome.t_s);
      }
    }
    now_s_ = next;
  }
}

}  // namespace cupola

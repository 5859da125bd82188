#include "cupola/sim/gun_stage.h"

#include <algorithm>

#include "cupola/core/random.h"
#include "cupola/engagement/gun_weapon.h"
#include "cupola/sim/tracking_run.h"

namespace cupola {

GunStage::GunStage(const World& world, ThreatStage* threats, std::uint64_t replication_seed)
    : world_(world), threats_(threats), nearest_(&threats->truth()), shots_(world.batteries().size(), 0) {
  for (const auto& b : world.batteries()) battery_seeds_.push_back(StreamSeed(replication_seed, "guns/" + b.name));
}

int GunStage::Fire(const PictureFireOrder& o, int picture) {
  InterceptorRecord record;
  record.order = o.order;
  record.target_id = nearest_.At(o.t_track_s, o.p_track_W);
  record.picture = picture;
  record.falls = o.falls;
  record.shot_seed = SubstreamSeed(battery_seeds_[o.order.battery], shots_[o.order.battery]++);
  const Eigen::Vector3d& mount = world_.batteries()[o.order.battery].launchers[o.order.launcher].p_W;
  record.path.push_back({o.order.intercept.t_launch_s, mount});
  records_.push_back(std::move(record));
  pending_.push_back(static_cast<int>(records_.size()) - 1);
  return records_.back().target_id;
}

void GunStage::AdvanceTo(double t_s, const std::vector<const Tracker*>& /*trackers: the gun's own fire control aims*/) {
  // Due bursts in time order (ties by firing order), so two at one target
  // meet it in turn and the second finds it gone.
  std::stable_sort(pending_.begin(), pending_.end(), [this](int a, int b) {
    return records_[a].order.intercept.t_intercept_s < records_[b].order.intercept.t_intercept_s;
  });
  std::size_t done = 0;
  while (done < pending_.size() && records_[pending_[done]].order.intercept.t_intercept_s <= t_s)
    Burst(records_[pending_[done++]]);
  pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(done));
}

void GunStage::Burst(InterceptorRecord& record) {
  const double t = record.order.intercept.t_intercept_s;
  const BatteryModel& battery = world_.batteries()[record.order.battery];
  const auto& gun = static_cast<const GunWeapon&>(*battery.weapon);
  const Eigen::Vector3d& mount = record.path.front().p_W;
  InterceptorOutcome& out = record.outcome;
  out.t_s = t;
  out.p_W = record.order.intercept.p_intercept_W;
  record.phase = InterceptorPhase::kMissed;
  const int id = record.target_id;
  const TruthTrajectory* threat = id < 0 ? nullptr : &threats_->truth()[id];
  if (threat == nullptr || t < threat->start_t() || t > threat->end_t()) {
    out.reason = Reason::kTargetGone;
  } else {
    out.p_W = threat->At(t).p_W;
    const double range_m = (out.p_W - mount).norm();
    if (range_m > gun.type().max_range_m || !gun.Covers(mount, out.p_W)) {
      out.reason = Reason::kBurstOutOfReach;
    } else {
      // The fire control's aim error: one circular Gaussian draw per burst.
      Rng aim(SubstreamSeed(record.shot_seed, 1));
      const double sigma_a = gun.type().aim_error_rad * range_m;
      const double dx = aim.Normal(0.0, sigma_a), dy = aim.Normal(0.0, sigma_a);
      out.miss_m = out.burst_m = std::hypot(dx, dy);
      out.kill_probability = gun.BurstPk(record.falls, range_m, out.miss_m);
      record.phase = InterceptorPhase::kDetonated;
      record.killed = Rng(SubstreamSeed(record.shot_seed, 2)).Uniform() < out.kill_probability;
      if (record.killed) threats_->Kill(id, t);
    }
  }
  record.path.push_back({t, out.p_W});
}

void GunStage::AddRecordsTo(TrackingResult& result) const {
  result.interceptors.insert(result.interceptors.end(), records_.begin(), records_.end());
}

}  // namespace cupola

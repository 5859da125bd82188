// cupola/sim/gun_stage.h -- gun bursts fired at the real threats.
//
// A fire order of a gun battery (engagement/gun_weapon.h) becomes a burst
// leaving the mount at the order's launch time; its rounds meet the target
// at the predicted intercept time. The surveillance picture only cues the
// mount: at the burst the gun's own fire control aims at the real threat the
// track followed when the order was given (truth.h NearestThreat), with the
// gun type's aim error, one draw per burst. The burst kills with
// GunWeapon::BurstPk at the real slant range and that offset; beyond the
// gun's maximum range it misses (kBurstOutOfReach), and a target already
// gone misses too (kTargetGone). Draws come from the battery's stream
// "guns/<battery>", one sub-stream per burst by its number there, so a
// missile battery's shots move none of them. Each burst is recorded as an
// InterceptorRecord (launch at the mount, end at the burst), so outputs
// count it as one shot of its battery.
#pragma once

#include <cstdint>
#include <vector>

#include "cupola/interceptor/interceptor.h"
#include "cupola/sim/effector_stage.h"
#include "cupola/sim/interceptor_fleet.h"
#include "cupola/sim/truth.h"

namespace cupola {

class GunStage : public EffectorStage {
 public:
  GunStage(const World& world, ThreatStage* threats, std::uint64_t replication_seed);

  int Fire(const PictureFireOrder& order, int picture) override;
  /// Resolves the bursts due by t_s, in order of their intercept times.
  void AdvanceTo(double t_s, const std::vector<const Tracker*>& trackers) override;
  void AddRecordsTo(TrackingResult& result) const override;

  const std::vector<InterceptorRecord>& records() const { return records_; }

 private:
  /// Resolves records_[k]: a burst at its intercept time.
  void Burst(InterceptorRecord& record);

  const World& world_;
  ThreatStage* threats_;
  NearestThreat nearest_;
  std::vector<std::uint64_t> battery_seeds_;  // per battery
  std::vector<std::uint64_t> shots_;          // per battery: bursts fired so far
  std::vector<InterceptorRecord> records_;
  std::vector<int> pending_;                  // records_ indices not yet resolved
};

}  // namespace cupola

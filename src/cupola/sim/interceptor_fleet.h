// cupola/sim/interceptor_fleet.h -- the interceptors in the air, flown
// against the real threats.
//
// A fire order becomes an interceptor leaving its launcher at the order's
// launch time, pointed at the predicted intercept point. Every call flies all
// of them forward in 0.1 s slices, together, so two interceptors at one
// threat meet it in time order. Mid-course guidance uses the battle
// manager's uplink: the estimate of the track it was fired at, refreshed
// every slice from the tracker of the picture that fired it (held when the
// track is gone, or when the refresh is lost: each is lost with the
// battery's uplink_loss_probability, drawn from the interceptor's own
// stream by refresh number; and each arrives uplink_latency_s after it was
// sent, so the interceptor steers on an older estimate). The seeker and the fuze see the real threat the track
// followed when the order was given: the nearest in flight to the track
// (interceptor/; truth.h NearestThreat), weaving if it is a drone (the phase
// per threat from the replication's "endgame/weave" stream; endgame.h). A
// detonation kills with its kill probability (the burst distance against the
// threat kind's vulnerability), drawn from the interceptor's own sub-stream; a kill ends the threat's truth
// there (ThreatStage::Kill), so the radars stop seeing it.
#pragma once

#include <cstdint>
#include <deque>
#include <utility>
#include <vector>

#include "cupola/core/random.h"
#include "cupola/engagement/battle_manager.h"
#include "cupola/interceptor/interceptor.h"
#include "cupola/sim/effector_stage.h"
#include "cupola/sim/threat_stage.h"
#include "cupola/sim/truth.h"
#include "cupola/sim/world.h"
#include "cupola/tracking/tracker.h"

namespace cupola {

/// Where an interceptor was, for replays and reports.
struct InterceptorPathPoint {
  double t_s = 0.0;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
};

/// One interceptor's life.
struct InterceptorRecord {
  FireOrder order;
  int target_id = -1;        // the real threat under the track at the order (-1: none)
  int picture = 0;           // whose tracker feeds its uplink
  bool falls = true;         // the uplink assumes gravity (a rocket), else no acceleration (a drone)
  InterceptorPhase phase = InterceptorPhase::kMidcourse;
  InterceptorOutcome outcome;
  bool killed = false;       // its detonation killed the threat
  double terminal_t_s = -1;  // seeker lock, or -1
  std::vector<InterceptorPathPoint> path;  // launch, every kPathSample_s, and the end
  std::uint64_t shot_seed = 0;  // its own draws (seeker noise, kill): battery's stream, its shot number there
  int uplink_refreshes = 0;     // mid-course refreshes sent from its battery's track
  int uplink_lost = 0;          // of those, lost (the battery's uplink_loss_probability)
};

class InterceptorFleet : public EffectorStage {
 public:
  /// Spacing of the recorded path: enough to draw a fly-out of 5-30 s.
  static constexpr double kPathSample_s = 0.5;

  /// A kill ends its threat in `threats`.
  InterceptorFleet(const World& world, ThreatStage* threats, std::uint64_t replication_seed);

  /// `picture`: the index of the tracker that gave the order (its uplink);
  /// `falls`: the uplink assumes gravity acts on the target (a rocket), else
  /// no acceleration (a drone); the track was at p_track_W at t_track_s.
  /// Returns the real threat its seeker will see (-1: none).
  int Launch(const FireOrder& order, int picture, bool falls, double t_track_s, const Eigen::Vector3d& p_track_W);
  /// EffectorStage: a picture's fire order launches an interceptor.
  int Fire(const PictureFireOrder& order, int picture) override;
  /// Flies every interceptor to t_s; `trackers` by picture index.
  void AdvanceTo(double t_s, const std::vector<const Tracker*>& trackers) override;
  /// Its interceptors' records into result.interceptors.
  void AddRecordsTo(TrackingResult& result) const override;
  /// Interceptors in the air.
  int flying() const;

  const std::vector<InterceptorRecord>& records() const { return records_; }

 private:
  /// The endgame profile of the real threat `threat_id` (-1: none).
  EndgameTarget EndgameTargetOf(int threat_id) const;

  const World& world_;
  ThreatStage* threats_;
  std::uint64_t weave_seed_ = 0;  // the weave's phase, by threat id
  NearestThreat nearest_;
  std::vector<InterceptorDynamics> dynamics_;  // per battery
  std::vector<std::uint64_t> battery_seeds_;  // per battery: the stream its shots' sub-streams come from
  std::vector<std::uint64_t> shots_;          // per battery: interceptors launched so far
  std::vector<Interceptor> flying_;
  std::vector<int> record_of_;   // flying_ index -> records_ index
  std::vector<Uplink> uplinks_;  // parallel to flying_: the latest refresh that has arrived
  std::vector<std::deque<std::pair<double, Uplink>>> on_the_way_;  // parallel: refreshes sent, by arrival time
  std::vector<InterceptorRecord> records_;
  double now_s_ = 0.0;
};

}  // namespace cupola

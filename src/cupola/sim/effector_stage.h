// cupola/sim/effector_stage.h -- what a battery's fire orders become in the
// world: shots that fly (or burst, or dwell) against the real threats and
// end in kills or misses.
//
// The battle manager plans with a battery's Weapon (engagement/weapon.h);
// the engagement's clock hands each fire order to the effector stage of
// that weapon's kind, and before anything due happens flies every stage's
// shots up to its time. A kill ends its threat there (ThreatStage::Kill).
// The interceptor missile (interceptor_fleet.h) is the first kind; a gun,
// a laser or an interceptor drone is a new implementation plus its line in
// MakeEffectorStage (effector_stage.cpp). Nothing in the loop changes.
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include "cupola/engagement/weapon.h"
#include "cupola/sim/threat_stage.h"
#include "cupola/sim/world.h"
#include "cupola/tracking/tracker.h"

namespace cupola {

struct PictureFireOrder;
struct TrackingResult;

class EffectorStage {
 public:
  virtual ~EffectorStage() = default;
  /// A fire order of a battery armed with this kind, given by picture
  /// `picture` (whose tracker feeds the shot's uplink, if it has one).
  /// Returns the real threat the shot will meet (-1: none; scoring only).
  virtual int Fire(const PictureFireOrder& order, int picture) = 0;
  /// Flies every shot to t_s; `trackers` by picture index.
  virtual void AdvanceTo(double t_s, const std::vector<const Tracker*>& trackers) = 0;
  /// Adds its shots' records to the run's outputs (at the end of the run).
  virtual void AddRecordsTo(TrackingResult& result) const = 0;
};

/// The stage that flies `kind`'s shots in one replication.
std::unique_ptr<EffectorStage> MakeEffectorStage(EffectorKind kind, const World& world, ThreatStage* threats,
                                                 std::uint64_t replication_seed);

}  // namespace cupola

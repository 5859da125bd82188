// cupola/assessment/falling_track.h -- which tracks fall like rockets and
// mortar bombs (and are flown to the ground), and which are taken for drones.
//
// Every track of a ballistic tracker falls. In an IMM with a ballistic mode,
// a track falls when that mode is the more likely and it flies faster than
// any one-way attack drone: over a second, gravity moves a slow drone's
// prediction less than the radar's noise, so the mode alone cannot tell
// (rockets and drones then share one tracker). Any other tracker: drones.
#pragma once

#include "cupola/scenario/tracker_config.h"
#include "cupola/tracking/estimator.h"

namespace cupola {

class FallingTrackTest {
 public:
  /// Faster than this is no drone: Shahed-136 class cruise about 50 m/s (docs/threats.md).
  static constexpr double kMaxDroneSpeed_mps = 120.0;

  explicit FallingTrackTest(const TrackerConfig& config);
  bool Falls(const Estimate& estimate) const;
  /// The state to fly to the ground: the ballistic mode's (with its drag
  /// parameter) for an IMM track. Only for estimates that fall.
  const GaussianState& FallingState(const Estimate& estimate) const;

 private:
  bool ballistic_ = false;
  int ballistic_mode_ = -1;
};

}  // namespace cupola

// cupola/sim/tracking_run.h -- the radars scan the truth, the tracker tracks.
//
// Scans of every radar run on their own clocks (one every revisit_s from
// t = 0) and are merged in time order into one tracker. Each radar draws
// from its own random stream, so adding a radar never changes another's
// detections. After every scan, the confirmed tracks are scored against the
// truth (metrics/track_scoring.h).
#pragma once

#include <cstdint>
#include <vector>

#include "cupola/metrics/track_scoring.h"
#include "cupola/sim/truth.h"
#include "cupola/sim/world.h"
#include "cupola/tracking/tracker.h"

namespace cupola {

struct TrackingResult {
  std::vector<ScanRecord> scans;      // every scan's detections (truth ids aside)
  std::vector<TrackReport> reports;   // track history
  std::vector<TrackEvent> events;     // initiations, confirmations, deletions
  TrackScore score;
  int detections = 0;
  int false_alarms = 0;
  int tracks_confirmed = 0;
};

TrackingResult RunSensingAndTracking(const World& world, std::uint64_t replication_seed,
                                     const std::vector<TruthTrajectory>& truth);

}  // namespace cupola

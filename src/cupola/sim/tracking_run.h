// cupola/sim/tracking_run.h -- the radars scan the truth, the tracker tracks.
//
// Scans of every radar run on their own clocks (one every revisit_s from
// t = 0) and are merged in time order into one tracker. Each radar draws
// from its own random stream, so adding a radar never changes another's
// detections. After every scan, the confirmed tracks are scored against the
// truth (metrics/track_scoring.h). Confirmed falling tracks get an impact
// prediction once a second (every 3 s once decided, unless an alert zone is
// within reach), drones every 10 s; after three, an engage/ignore decision
// against the engagement threshold (assessment/), and alerts for the zones
// each prediction threatens (alert_scoring.h scores them). Tracks to engage
// go to the battle manager (engagement/), which plans after every scan; its
// fire orders fly as interceptors (interceptor_fleet.h) against the truth.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <vector>

#include "cupola/assessment/threat_assessment.h"
#include "cupola/engagement/battle_manager.h"
#include "cupola/metrics/track_scoring.h"
#include "cupola/sim/alert_scoring.h"
#include "cupola/sim/interceptor_fleet.h"
#include "cupola/sim/truth.h"
#include "cupola/sim/world.h"
#include "cupola/tracking/tracker.h"

namespace cupola {

/// An engage/ignore decision on a track, with what it should have been.
struct DecisionRecord {
  double t_s = 0.0;
  int track_id = -1;
  bool engage = false;
  DecisionReason reason;      // why, with the numbers compared
  Eigen::Vector2d predicted_EN = Eigen::Vector2d::Zero();
  int most_likely_area = -1;
  int truth_id = -1;          // the threat the track followed then (-1: none within 500 m)
  bool should_engage = false; // that threat really came down in a defended area
};

/// A fire order with the threat the track followed then (scoring only).
struct FireRecord {
  FireOrder order;
  int truth_id = -1;
};

struct TrackingResult {
  std::vector<ScanRecord> scans;      // every scan's detections (truth ids aside)
  std::vector<TrackReport> reports;   // track history
  std::vector<TrackEvent> events;     // initiations, confirmations, deletions
  TrackScore score;
  int detections = 0;
  int false_alarms = 0;
  int tracks_confirmed = 0;
  TrackerLimitCounts tracker_limits;  // how often the tracker's bounds on a scan's work acted (0 in normal use)
  std::vector<ThreatAssessment> assessments;  // impact predictions (ballistic tracks)
  std::vector<int> assessment_truth_ids;      // parallel: threat under the track then (scoring only)
  std::vector<DecisionRecord> decisions;
  std::vector<AlertRecord> alerts;
  std::vector<ZoneAlertScore> zone_scores;
  std::vector<FireRecord> fire_orders;           // the battle manager's launches (with batteries)
  std::vector<EngagementNote> engagement_notes;  // hold fire, no intercept, survivors
  std::vector<InterceptorRecord> interceptors;   // every interceptor's flight and fate
};

/// Called after each scan with the scans done and in all (a progress bar).
using ScanProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Scans, tracks, assesses, and with batteries fires and flies interceptors:
/// a kill ends that threat's `truth` where it happened.
TrackingResult RunSensingAndTracking(const World& world, std::uint64_t replication_seed,
                                     std::vector<TruthTrajectory>& truth, const ScanProgress& on_scan = {});

}  // namespace cupola

// cupola/sim/tracking_run.h -- the engagement on one clock: the threats
// fly, the radars scan them, the pictures track and decide, the
// interceptors fly.
//
// Threats enter and leave the air on the clock (threat_stage.h).
// Scans of every radar run on their own clocks (one every revisit_s from
// t = 0), in time order. Each scan's report goes at once to the common
// picture (picture.h), which every radar feeds directly: it raises the
// civil-defence alerts, gives the track outputs and is scored against the
// truth after every scan (metrics/track_scoring.h). In a scenario without
// links it also commands every battery. With links, each battery's picture
// is what reaches it over them (network.h): reports arrive late, out of
// order or not at all, and its battle manager plans on that; batteries with
// the same feed share one picture. Fire orders fly as interceptors
// (interceptor_fleet.h) against the truth. Each radar scan draws from its
// own sub-stream (radar, scan number), each link message from (link,
// radar, scan number), so nothing in one part moves a draw in another.
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
#include "cupola/sim/network.h"
#include "cupola/sim/picture.h"
#include "cupola/sim/threat_stage.h"
#include "cupola/sim/truth.h"
#include "cupola/sim/world.h"
#include "cupola/tracking/tracker.h"

namespace cupola {

/// A fire order with the threat the track followed then (scoring only).
struct FireRecord {
  FireOrder order;
  int truth_id = -1;
  int picture = 0;  // which picture gave it
};

/// One air picture's share of the work (picture.h).
struct PictureSummary {
  std::vector<std::string> batteries;  // it commands
  long long reports_received = 0;      // scan reports processed
  long long late_reports = 0;          // discarded: overtaken by a newer one on a jittery link
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
  std::vector<Eigen::Vector3d> assessment_track_p_W;  // parallel: where the track was
  std::vector<int> assessment_truth_ids;      // parallel: threat under the track then (scoring only)
  std::vector<DecisionRecord> decisions;
  std::vector<AlertRecord> alerts;
  std::vector<ZoneAlertScore> zone_scores;
  std::vector<FireRecord> fire_orders;           // the battle manager's launches (with batteries)
  std::vector<EngagementNote> engagement_notes;  // hold fire, no intercept, survivors
  std::vector<InterceptorRecord> interceptors;   // every interceptor's flight and fate
  std::vector<LinkCounts> links;                 // per link of the scenario
  std::vector<PictureSummary> pictures;          // [0]: the common picture
};

/// Called after each scan with the scans done and in all (a progress bar).
using ScanProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Runs the engagement's clock: the threats fly (`threats` holds their
/// outcomes when it returns), the radars scan, the pictures track, assess
/// and fire, the interceptors fly, and a kill ends its threat when it happens.
TrackingResult RunSensingAndTracking(const World& world, std::uint64_t replication_seed, ThreatStage& threats,
                                     const ScanProgress& on_scan = {});

/// The clock of a scenario without sensors: the threats fly, launch to end.
void RunThreatsAlone(const World& world, ThreatStage& threats);

}  // namespace cupola

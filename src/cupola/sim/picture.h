// cupola/sim/picture.h -- one air picture and the decisions taken on it.
//
// A Picture is what one command post knows: its own tracker, fed with the
// scan reports that reach it; impact predictions of its confirmed tracks
// (falling tracks flown to the ground, drones projected along their
// heading); engage/ignore decisions against the engagement rules; civil-
// defence alerts (the common picture only); and a battle manager for the
// batteries it commands, which plans after every report it receives.
//
// A Picture never sees the truth: it gets detections and gives records and
// fire orders. Which threat a track followed is labelled afterwards by a
// scoring observer (truth_labels.h), and the interceptors' seekers find
// their real target themselves (interceptor_fleet.h).
//
// Timing: predictions once a second per falling track (every 5 s once
// decided, unless an alert zone is within reach), drones every 10 s; after
// three, and once settled (two in a row within 150 m) or with under 10 s
// to impact, the decision. Reports measured before the latest one the
// picture has processed (overtaken on a jittery link) are discarded.
//
// Decisions are revisited as the prediction improves: two predictions in a
// row that decide otherwise (one, with under 10 s to impact) revise it. An
// engagement is cancelled (no further interceptors; none left the launcher
// yet), or a track now threatening is taken up. A decision is final once an
// interceptor has been fired at the track: it is not called back.
#pragma once

#include <limits>
#include <map>
#include <set>
#include <span>
#include <vector>

#include "cupola/assessment/falling_track.h"
#include "cupola/assessment/impact_prediction.h"
#include "cupola/assessment/threat_assessment.h"
#include "cupola/engagement/battle_manager.h"
#include "cupola/sim/alert_record.h"
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
  Eigen::Vector3d p_track_W = Eigen::Vector3d::Zero();  // where the track was (for labelling)
  int truth_id = -1;          // the threat the track followed then (-1: none within 500 m)
  bool should_engage = false; // that threat really came down in a defended area
  bool revises = false;       // changes the track's earlier decision (engage <-> ignore)
};

/// Each track's last decision (the one that stood), in the order of the tracks' first decisions.
std::vector<const DecisionRecord*> FinalDecisions(const std::vector<DecisionRecord>& decisions);

/// A fire order as the picture gives it to its launchers.
struct PictureFireOrder {
  FireOrder order;
  bool falls = true;  // a rocket or mortar bomb (the uplink assumes gravity), else a drone
  double t_track_s = 0.0;  // the track's state the order was planned on
  Eigen::Vector3d p_track_W = Eigen::Vector3d::Zero();
};

/// What a picture did, for the run's outputs.
struct PictureRecords {
  std::vector<ThreatAssessment> assessments;   // impact predictions
  std::vector<Eigen::Vector3d> assessment_track_p_W;  // parallel: where the track was
  std::vector<DecisionRecord> decisions;
  std::vector<AlertRecord> alerts;
  long long late_reports = 0;  // discarded: measured before the newest report already processed
};

struct PictureRole {
  int index = 0;             // 0: the common picture; tracks are numbered from index x kTrackIdsPerPicture
  std::vector<char> commands;  // per battery: this picture's battle manager fires it
  bool decides = false;        // takes engage/ignore decisions
  bool alerts = false;         // raises civil-defence alerts
};

class Picture {
 public:
  static constexpr int kTrackIdsPerPicture = 1'000'000;

  Picture(const World& world, PictureRole role);
  Picture(const Picture&) = delete;
  Picture& operator=(const Picture&) = delete;

  /// A report of one scan of `radar`, measured at t_meas_s, arrives at
  /// t_now_s (>= t_meas_s). Returns the fire orders given now; false in
  /// `accepted` when the report is discarded as out of sequence.
  std::vector<PictureFireOrder> Receive(int radar, double t_meas_s, std::span<const Detection> detections,
                                        double t_now_s, bool* accepted = nullptr);
  /// The run ends at t_s.
  void Finish(double t_s);

  const PictureRole& role() const { return role_; }
  const Tracker& tracker() const { return tracker_; }
  Tracker& tracker() { return tracker_; }
  const BattleManager& battle_manager() const { return battle_manager_; }
  /// Seeds its battle manager's kill-assessment errors (battle_manager.h).
  void SeedKillAssessment(std::uint64_t seed) { battle_manager_.SetKillAssessmentSeed(seed); }
  PictureRecords& records() { return records_; }

 private:
  struct TrackAssessments {
    double last_t_s = -1e9;
    int count = 0;
    bool decided = false;
    Eigen::Vector2d last_mean_EN = Eigen::Vector2d::Zero();
    double max_unalerted_p = 0.0;  // of the zones not yet alerted for this track, at the last prediction
    double spread_m = std::numeric_limits<double>::infinity();  // of the last prediction: sqrt(trace(cov))
    bool engage = false;     // the decision standing
    int disagreements = 0;   // predictions in a row since the last that agreed with it
  };
  // Tracks the battle manager engages: their latest predicted path and value.
  struct Engaged {
    ThreatPath path;
    double value = 0.0;
    std::vector<char> engage_by;  // per battery
    bool falls = true;
    double path_t_s = 0.0;        // time of the track state the path was flown from
  };

  void Assess(const Track& track);
  /// `decided_engage`: the track's standing decision is to engage (else
  /// only area-defence batteries engage it).
  Engaged EngagedFrom(const Track& track, const ThreatAssessment& a, const ImpactPrediction& prediction,
                      bool decided_engage) const;
  std::vector<PictureFireOrder> Plan(double t_now_s);

  const World& world_;
  PictureRole role_;
  FallingTrackTest falling_;
  ImpactPredictor predictor_, rough_predictor_, path_predictor_;
  Tracker tracker_;
  BattleManager battle_manager_;
  bool fires_ = false;  // commands at least one battery
  bool area_defence_ = false;  // commands a battery with `defend: area` (engages drones within reach)
  double newest_report_t_s_ = -1e300;
  std::vector<AreaAtRisk> areas_;
  std::vector<Polygon> area_polygons_;
  std::vector<EngagementRule> rules_;
  std::map<int, TrackAssessments> assessed_;
  std::set<std::pair<int, int>> alerted_;  // (track, zone)
  std::map<int, Engaged> engaged_;
  std::vector<EngagementThreat> to_engage_;
  PictureRecords records_;
};

}  // namespace cupola

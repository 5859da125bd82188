// cupola/tracking/tracker.h -- the multi-target tracker, composed the way
// Stone Soup composes one: predictor and updater (filters.h), hypothesiser
// (chi-square gate behind a spatial grid), associator (global nearest
// neighbour by optimal assignment), initiator (two-point with velocity
// bounds, M-of-N confirmation) and deleter (consecutive misses, covariance
// growth). Each scan runs the four-line loop: predict and gate, associate,
// update or coast, delete and initiate.
//
// Every radar feeds the same track picture (centralised measurement fusion);
// scans must arrive in time order. Truth never enters: only Detections.
#pragma once

#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "cupola/core/reason.h"
#include "cupola/sensors/scan.h"
#include "cupola/tracking/estimator.h"
#include "cupola/tracking/mht.h"
#include "cupola/tracking/spatial_grid.h"
#include "cupola/tracking/track.h"
#include "cupola/scenario/tracker_config.h"

namespace cupola {

/// Clutter JPDA assumes when neither the radar nor the config gives any
/// (false alarms per scan per radar).
inline constexpr double kMinFalseAlarmsPerScan = 1e-3;

/// JPDA clusters up to this size get exact marginals, larger ones loopy BP.
inline constexpr int kJpdaExactClusterTracks = 6;
inline constexpr int kJpdaExactClusterDetections = 8;

// Bounds on one scan's work and memory, whatever arrives: thousands of
// detections at one spot make every track gate with every detection, one
// cluster of millions of pairs. Past a bound the tracker does less, not
// worse than nothing, and counts it (TrackerLimitCounts; docs/tracking.md,
// "Limits"). The bundled raids stay far below them (at most 170 detections
// in a scan, 36 tracks near a detection, 2 gated, clusters of 8 x 7).
inline constexpr std::size_t kMaxDetectionsPerScan = 10'000;         // the rest of the scan is dropped
inline constexpr std::size_t kMaxTracksTestedPerDetection = 256;     // the nearest are gated, the rest not
inline constexpr std::size_t kMaxGatedTracksPerDetection = 8;        // the smallest NIS are kept
inline constexpr std::size_t kMaxPartnersTestedPerDetection = 256;   // initiation: the nearest pending ones
inline constexpr std::size_t kMaxPendingDetections = 100'000;        // the oldest are forgotten first
inline constexpr std::size_t kMaxJpdaClusterPairs = 2'500;           // tracks x detections; larger: GNN
inline constexpr std::size_t kMaxAssignmentCells = 250'000;          // tracks x detections; larger: greedy

/// How often a bound above changed what the tracker did; all 0 in normal use.
struct TrackerLimitCounts {
  std::size_t detections_dropped = 0;    // beyond kMaxDetectionsPerScan in their scan
  std::size_t gating_limited = 0;        // detections with tracks left untested or gated pairs dropped
  std::size_t initiation_limited = 0;    // unassociated detections whose partner search was cut, or forgotten early
  std::size_t jpda_clusters_as_gnn = 0;  // JPDA clusters past kMaxJpdaClusterPairs, associated by GNN
  std::size_t greedy_clusters = 0;       // clusters past kMaxAssignmentCells, associated greedily by NIS
  std::size_t mht_clusters_capped = 0;   // MHT clusters past kMaxJpdaClusterPairs, given one hypothesis
  bool Any() const {
    return detections_dropped + gating_limited + initiation_limited + jpda_clusters_as_gnn + greedy_clusters +
               mht_clusters_capped >
           0;
  }
  /// "12 detections dropped, 3 clusters associated greedily, ..." (the non-zero ones).
  std::string ToString() const;
};

/// A change in a track's life, for the event log.
struct TrackEvent {
  enum class Kind { kInitiated, kConfirmed, kDeleted } kind = Kind::kInitiated;
  double t_s = 0.0;
  int track_id = 0;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  Reason reason = Reason::kNone;  // why it was deleted (core/reason.h)
  bool was_confirmed = false;  // for deletions: had the track been confirmed
  // The track's life then (confirmations and deletions), the numbers behind the reason.
  int update_times = 0;            // scan times with a detection (M of M-of-N)
  int looks = 0;                   // scan times a radar could have seen it (N)
  int misses_in_a_row = 0;         // looks without a detection since the last one
  double since_detection_s = 0.0;  // from its last detection to the event [s]
  double position_sigma_m = 0.0;   // sqrt(trace of the position covariance) [m]
};

class Tracker {
 public:
  /// `radars` are indexed by Detection::radar; `env` gives the ballistic
  /// model gravity and air. Both must outlive the tracker.
  Tracker(const TrackerConfig& config, const std::vector<RadarModel>* radars, const FlightEnvironment* env);

  /// New tracks get ids from `first_id` on (several pictures keep their ids apart).
  void NumberTracksFrom(int first_id) { next_id_ = first_id; }
  /// One scan of radar `radar` at time t_scan_s with its detections (possibly none).
  void ProcessScan(int radar, double t_scan_s, std::span<const Detection> detections);

  const std::vector<Track>& tracks() const { return tracks_; }  // live (tentative and confirmed)
  /// The live track with this id, or nullptr.
  const Track* Find(int track_id) const {
    for (const Track& t : tracks_)
      if (t.id == track_id) return &t;
    return nullptr;
  }
  const std::vector<TrackReport>& reports() const { return reports_; }
  /// Moves the history out, for a caller done with the tracker.
  std::vector<TrackReport> TakeReports() { return std::move(reports_); }
  const std::vector<TrackEvent>& events() const { return events_; }
  const Estimator& estimator() const { return *estimator_; }
  /// Gated track-detection pairs tested in the last scan (for benchmarks).
  std::size_t last_pairs_tested() const { return last_pairs_tested_; }
  /// How often the bounds on a scan's work changed what the tracker did.
  const TrackerLimitCounts& limit_counts() const { return limit_counts_; }
  /// The multiple hypothesis associator (association: mht), else nullptr.
  const MhtAssociator* mht() const { return mht_.get(); }

 private:
  struct Candidate {
    int track = 0, detection = 0;
    Innovation innovation;
    std::optional<Estimate> moved;  // predicted to the detection's time, if not the scan's
  };
  /// The candidate's track predicted to its detection's time.
  const Estimate& PredictedFor(const Candidate& c) const { return c.moved ? *c.moved : predicted_[c.track]; }
  struct PendingDetection {
    Detection detection;
    Eigen::Vector3d p_W;
    Eigen::Matrix3d P_W;
    double t_scan_s = 0.0;  // start of the scan that made it
  };

  void Gate(int radar, std::span<const Detection> detections, std::vector<Candidate>& candidates);
  /// Keeps the kMaxGatedTracksPerDetection candidates of smallest NIS among
  /// candidates[first..], in their order.
  void KeepBestGated(std::vector<Candidate>& candidates, std::size_t first);
  void Initiate(std::span<const Detection> detections, const std::vector<bool>& used);
  void Report(const Track& track, double nis, int radar);
  /// Clutter density in radar `radar`'s measurement space at z (JPDA).
  double ClutterDensity(int radar, const Spherical& z) const;

  TrackerConfig config_;
  const std::vector<RadarModel>* radars_;
  const FlightEnvironment* env_;
  std::vector<SphericalMeasurementModel> sensors_;
  std::unique_ptr<Estimator> estimator_;
  std::unique_ptr<MhtAssociator> mht_;  // association: mht
  double gate_[kMaxMeasDim + 1] = {};  // chi-square threshold by measurement dimension
  int ballistic_mode_ = -1;  // the mode holding kappa (0 for a single ballistic model), or -1
  std::vector<double> clutter_per_volume_;  // per radar: false alarms per scan per m^3 of covered volume
  double t_scan_s_ = 0.0;                   // start of the scan being processed
  std::vector<Track> tracks_;
  std::vector<Estimate> predicted_;  // per live track, at the scan time
  std::vector<PendingDetection> pending_;  // unassociated detections awaiting a partner
  std::vector<TrackReport> reports_;
  std::vector<TrackEvent> events_;
  SpatialGrid grid_;
  SpatialGrid pending_grid_;  // pending_ by position, cells as long as the longest move between looks
  int next_id_ = 0;
  std::size_t last_pairs_tested_ = 0;
  TrackerLimitCounts limit_counts_;
};

}  // namespace cupola

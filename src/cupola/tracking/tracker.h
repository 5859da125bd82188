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

#include "cupola/sensors/scan.h"
#include "cupola/tracking/estimator.h"
#include "cupola/tracking/spatial_grid.h"
#include "cupola/tracking/track.h"
#include "cupola/scenario/tracker_config.h"

namespace cupola {

/// JPDA clusters up to this size get exact marginals, larger ones loopy BP.
inline constexpr int kJpdaExactClusterTracks = 6;
inline constexpr int kJpdaExactClusterDetections = 8;

/// A change in a track's life, for the event log.
struct TrackEvent {
  enum class Kind { kInitiated, kConfirmed, kDeleted } kind = Kind::kInitiated;
  double t_s = 0.0;
  int track_id = 0;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  std::string reason;  // why it was deleted
  bool was_confirmed = false;  // for deletions: had the track been confirmed
};

class Tracker {
 public:
  /// `radars` are indexed by Detection::radar; `env` gives the ballistic
  /// model gravity and air. Both must outlive the tracker.
  Tracker(const TrackerConfig& config, const std::vector<RadarModel>* radars, const FlightEnvironment* env);

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
  void Initiate(std::span<const Detection> detections, const std::vector<bool>& used);
  void Report(const Track& track, double nis, int radar);
  /// Clutter density in radar `radar`'s measurement space at z (JPDA).
  double ClutterDensity(int radar, const Spherical& z) const;

  TrackerConfig config_;
  const std::vector<RadarModel>* radars_;
  const FlightEnvironment* env_;
  std::vector<SphericalMeasurementModel> sensors_;
  std::unique_ptr<Estimator> estimator_;
  double gate_[kMaxMeasDim + 1] = {};  // chi-square threshold by measurement dimension
  std::vector<double> clutter_per_volume_;  // per radar: false alarms per scan per m^3 of covered volume
  double t_scan_s_ = 0.0;                   // start of the scan being processed
  std::vector<Track> tracks_;
  std::vector<Estimate> predicted_;  // per live track, at the scan time
  std::vector<PendingDetection> pending_;  // unassociated detections awaiting a partner
  std::vector<TrackReport> reports_;
  std::vector<TrackEvent> events_;
  SpatialGrid grid_;
  int next_id_ = 0;
  std::size_t last_pairs_tested_ = 0;
};

}  // namespace cupola

// cupola/metrics/track_scoring.h -- scores a tracker's output against truth,
// scan by scan.
//
// Association. In each scan, truths and tracks are paired by the GOSPA
// assignment on positions with cut-off c = gate_m, p = 2, alpha = 2 (ospa.h):
//   minimise  sum_{pairs} |p_track - p_truth|^2 + (gate^2 / 2) (unpaired truths + unpaired tracks),
// and a pair is kept only if |p_track - p_truth| < gate_m. Unlike "pair as
// many as possible", a track is never pulled off the target it sits on to
// make two poor pairs.
//
// Statistics, over all scans (a truth is alive in a scan if it is listed):
//   position RMSE  sqrt(mean over pairs of |p_track - p_truth|^2)   [m]
//   velocity RMSE  sqrt(mean over pairs of |v_track - v_truth|^2)   [m/s]
//   coverage       pairs / truth-scans, in [0, 1]
//   false track-scans   track-scans paired with no truth
//   track break    a truth had track A in its previous alive scan and now has
//                  no track, or a track other than A. One per such scan, so a
//                  dropped track counts once, when it drops.
//   identity switch  a truth is paired with track B and the last track it was
//                  paired with, in any earlier scan, was A != B (the CLEAR MOT
//                  rule, Bernardin & Stiefelhagen 2008): a drop followed by a
//                  new track counts as one break and one switch.
//   mean GOSPA     mean over scans of the GOSPA above [m]
// So two tracks swapping between two targets is two breaks and two switches
// (one of each per target).
#pragma once

#include <Eigen/Core>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>

namespace cupola {

/// A truth or a track at one scan, as scoring sees it.
struct ScoredObject {
  int id = 0;                                     // truth id or track id; unique within a scan's list
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();  // position [m] in W
  Eigen::Vector3d v_W = Eigen::Vector3d::Zero();  // velocity [m/s] in W
};

struct TrackScoringOptions {
  double gate_m = 500.0;  // truth and track closer than this may be paired; also GOSPA's cut-off [m]

  /// Empty if valid, else what is wrong.
  std::string Validate() const;
};

struct TrackScore {
  int scans = 0;
  int truth_scans = 0;             // (truth, scan) pairs seen
  int track_scans = 0;             // (track, scan) pairs seen
  int paired = 0;                  // (truth, track, scan) triples within the gate
  double position_rmse_m = 0.0;    // over paired; 0 if none
  double velocity_rmse_mps = 0.0;  // over paired; 0 if none
  double coverage = 0.0;           // paired / truth_scans; 0 if no truth-scans
  int false_track_scans = 0;       // track_scans - paired
  int track_breaks = 0;
  int identity_switches = 0;
  double mean_gospa_m = 0.0;  // 0 if no scans

  /// One line: coverage, RMSEs, breaks, switches, false track-scans, GOSPA.
  std::string BriefReport() const;
};

/// Accumulates scans; scans must come in non-decreasing time.
///   TrackScorer scorer(options);
///   for (each scan) scorer.AddScan(t_s, truths, tracks);
///   TrackScore score = scorer.Result();
class TrackScorer {
 public:
  /// `options` must be valid (CUPOLA_CHECK on Validate()).
  explicit TrackScorer(const TrackScoringOptions& options = {});

  void AddScan(double t_s, std::span<const ScoredObject> truths, std::span<const ScoredObject> tracks);
  TrackScore Result() const;

 private:
  struct TruthHistory {
    std::optional<int> track_previous_scan;  // track paired in the truth's previous alive scan
    std::optional<int> last_track;           // most recent track ever paired with it
  };

  TrackScoringOptions options_;
  std::unordered_map<int, TruthHistory> truths_;  // by truth id
  double last_t_s_ = 0.0;
  TrackScore counts_;                // the integer fields, kept up to date
  double sum_position_sq_m2_ = 0.0;  // sum of |dp|^2 over pairs
  double sum_velocity_sq_m2ps2_ = 0.0;
  double sum_gospa_m_ = 0.0;
};

}  // namespace cupola

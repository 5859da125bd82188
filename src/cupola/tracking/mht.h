// cupola/tracking/mht.h -- multiple hypothesis association (`association:
// mht`): decisions on which detection came from which track are kept open
// for a few scans and taken back when later scans contradict them.
//
// Hypotheses. Tracks that compete for detections form a group; a group
// holds up to `mht_max_hypotheses` global hypotheses, each a full account of
// where its tracks are (their estimates) and which detection each took in the
// scans not yet decided. A hypothesis's cost is minus its log-likelihood
// ratio against "all clutter" (Reid 1979; Blackman 2004), summed over scans:
//     detection j to track i:  -log( Pd N(y_ij; 0, S_ij) / lambda(z_j) )
//     track i undetected:      -log( 1 - Pd Pg )
//     detection nobody takes:  0 (clutter; lambda divided out)
// with Pd = jpda_detection_probability, Pg = gate_probability and lambda the
// clutter density JPDA uses (docs/tracking.md, "Clutter density").
//
// Each scan, every hypothesis of a group is expanded by the k best
// assignments of the scan's gated detections to its tracks; the k best
// children over all parents are kept (mht_hypotheses.h, Murty's method as Cox
// & Hingorani 1996 apply it). Pruning keeps it bounded:
//   N-scan: after scan s the best hypothesis decides scan s - N + 1; the
//           hypotheses that disagree with it on that scan are dropped (N = 1
//           decides at once, like GNN with the score above as cost).
//   ratio:  hypotheses less than kMhtMinRelativeLikelihood as likely as the
//           best are dropped.
//   cap:    at most mht_max_hypotheses per group, and kMaxMhtGatedPairs
//           hypothesis-track-detection triples; a group past
//           kMaxJpdaClusterPairs track-detection pairs keeps only its best.
// A group left with one hypothesis splits into single tracks. The tracker
// reports the best hypothesis: when a later scan makes another one best, its
// tracks take that one's estimates, which is how a swap at a crossing is
// undone. Tracks start and end in the tracker as with GNN (two-point
// initiation from detections the best hypothesis left, M of N, deletion); a
// hypothesis does not propose new tracks of its own.
#pragma once

#include <functional>
#include <optional>
#include <span>
#include <vector>

#include "cupola/sensors/scan.h"
#include "cupola/tracking/estimator.h"
#include "cupola/tracking/track.h"

namespace cupola {

/// Hypotheses below this likelihood relative to their group's best are dropped.
inline constexpr double kMhtMinRelativeLikelihood = 1e-6;
/// Hypotheses x tracks x detections gated in one group and scan (each pair
/// holds an innovation, about 1 kB): past it the group's likeliest
/// hypotheses are expanded, as many as fit.
inline constexpr std::size_t kMaxMhtGatedPairs = 20'000;

struct MhtConfig {
  int n_scan = 3;             // scans a decision stays open (1: decided at once)
  int max_hypotheses = 20;    // per group of competing tracks
  double detection_probability = 0.9;  // Pd
  double gate_probability = 0.999;     // Pg
};

/// One radar scan, as the tracker hands it over.
struct MhtScan {
  const SphericalMeasurementModel* sensor = nullptr;
  const Estimator* estimator = nullptr;
  std::span<const Detection> detections;
  double t_scan_s = 0.0;
  double gate = 0.0;  // chi-square threshold on the NIS
  std::function<double(const Spherical&)> clutter_density;  // lambda(z) in measurement space
};

/// What the best hypothesis says of each live track (indexed as the tracker's
/// tracks): the filled parts are the tracker's own scan vectors.
struct MhtOutcome {
  std::vector<Estimate>* predicted;                 // at the scan time; overwritten for grouped tracks
  std::vector<std::optional<Estimate>>* updated;    // set where the track took a detection
  std::vector<double>* update_nis;
  std::vector<bool>* diverged;
  std::vector<bool>* detection_used;                // the detections the best hypothesis took
};

class MhtAssociator {
 public:
  explicit MhtAssociator(const MhtConfig& config) : config_(config) {}

  /// Associates one scan. `tracks` are the tracker's live tracks (their
  /// estimates are the best hypothesis's); `pairs` are the (track index,
  /// detection index) pairs the tracker gated, which link tracks into clusters.
  /// Returns how many clusters were too large for more than one hypothesis.
  int Associate(const MhtScan& scan, std::span<const Track> tracks, std::span<const std::pair<int, int>> pairs,
                const MhtOutcome& out);

  /// Hypotheses held over all groups (one per lone track), for tests and benchmarks.
  std::size_t hypothesis_count() const;
  /// Groups of competing tracks (one per lone track).
  std::size_t group_count() const { return groups_.size(); }

 private:
  struct Choice {
    int scan = 0;       // serial of the scan
    int detection = 0;  // its index in that scan, -1 = undetected
    bool operator==(const Choice&) const = default;
  };
  struct Hypothesis {
    double cost = 0.0;                         // minus the log-likelihood ratio, relative to the group's best
    std::vector<Estimate> estimates;           // per track of the group
    std::vector<std::vector<Choice>> choices;  // per track: undecided scans
  };
  struct Group {
    std::vector<int> ids;                 // track ids
    std::vector<Hypothesis> hypotheses;   // best first
  };

  void Sync(std::span<const Track> tracks);
  Group Merge(std::vector<Group>& parts) const;
  // Expands a group by one scan; false if it was too large to branch.
  bool Expand(const MhtScan& scan, const std::vector<int>& index_of_track, const std::vector<int>& detections,
              Group& group, const MhtOutcome& out);
  void Prune(Group& group) const;

  MhtConfig config_;
  std::vector<Group> groups_;
  int scan_serial_ = 0;
};

}  // namespace cupola

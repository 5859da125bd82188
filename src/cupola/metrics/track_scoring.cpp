#include "cupola/metrics/track_scoring.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <vector>

#include "cupola/core/error.h"
#include "cupola/metrics/ospa.h"

namespace cupola {

namespace {

std::vector<Eigen::Vector3d> Positions(std::span<const ScoredObject> objects) {
  std::vector<Eigen::Vector3d> p_W;
  p_W.reserve(objects.size());
  for (const auto& o : objects) p_W.push_back(o.p_W);
  return p_W;
}

// Ids repeat only through a caller's bug, and they would corrupt the histories.
void CheckUniqueIds(const char* what, std::span<const ScoredObject> objects) {
  std::vector<int> ids;
  ids.reserve(objects.size());
  for (const auto& o : objects) ids.push_back(o.id);
  std::sort(ids.begin(), ids.end());
  const auto repeated = std::adjacent_find(ids.begin(), ids.end());
  CUPOLA_CHECK(repeated == ids.end(),
               std::string("TrackScorer::AddScan: ") + what + " id " + std::to_string(*repeated) + " appears twice");
}

}  // namespace

std::string TrackScoringOptions::Validate() const {
  if (!(gate_m > 0.0 && std::isfinite(gate_m)))
    return "gate_m: got " + std::to_string(gate_m) + "; expected a finite distance > 0";
  return "";
}

std::string TrackScore::BriefReport() const {
  char line[256];
  std::snprintf(line, sizeof line,
                "scans %d, coverage %.1f %%, position RMSE %.3g m, velocity RMSE %.3g m/s, breaks %d, "
                "identity switches %d, false track-scans %d, mean GOSPA %.3g m",
                scans, 100.0 * coverage, position_rmse_m, velocity_rmse_mps, track_breaks, identity_switches,
                false_track_scans, mean_gospa_m);
  return line;
}

TrackScorer::TrackScorer(const TrackScoringOptions& options) : options_(options) {
  const std::string error = options_.Validate();
  CUPOLA_CHECK(error.empty(), "TrackScoringOptions: " + error);
}

void TrackScorer::AddScan(double t_s, std::span<const ScoredObject> truths, std::span<const ScoredObject> tracks) {
  CUPOLA_CHECK(std::isfinite(t_s), "TrackScorer::AddScan: time is not finite");
  CUPOLA_CHECK(counts_.scans == 0 || t_s >= last_t_s_, "TrackScorer::AddScan: time " + std::to_string(t_s) +
                                                           " s is before the previous scan at " +
                                                           std::to_string(last_t_s_) + " s");
  CheckUniqueIds("truth", truths);
  CheckUniqueIds("track", tracks);
  last_t_s_ = t_s;

  const GospaResult gospa = Gospa(Positions(truths), Positions(tracks), options_.gate_m, 2.0, 2.0);
  sum_gospa_m_ += gospa.total_m;

  for (std::size_t i = 0; i < truths.size(); ++i) {
    const ScoredObject& truth = truths[i];
    const int k = gospa.truth_to_estimate[i];
    const std::optional<int> track_id = k >= 0 ? std::optional<int>(tracks[k].id) : std::nullopt;
    TruthHistory& history = truths_[truth.id];
    // Continuity lost: it had a track last time it was alive, and not that one now.
    if (history.track_previous_scan && track_id != history.track_previous_scan) ++counts_.track_breaks;
    if (track_id) {
      if (history.last_track && *track_id != *history.last_track) ++counts_.identity_switches;
      history.last_track = track_id;
      sum_position_sq_m2_ += (tracks[k].p_W - truth.p_W).squaredNorm();
      sum_velocity_sq_m2ps2_ += (tracks[k].v_W - truth.v_W).squaredNorm();
      ++counts_.paired;
    }
    history.track_previous_scan = track_id;
  }
  ++counts_.scans;
  counts_.truth_scans += static_cast<int>(truths.size());
  counts_.track_scans += static_cast<int>(tracks.size());
  counts_.false_track_scans += static_cast<int>(tracks.size()) - gospa.num_paired;
}

TrackScore TrackScorer::Result() const {
  TrackScore score = counts_;
  if (score.paired > 0) {
    score.position_rmse_m = std::sqrt(sum_position_sq_m2_ / score.paired);
    score.velocity_rmse_mps = std::sqrt(sum_velocity_sq_m2ps2_ / score.paired);
  }
  if (score.truth_scans > 0) score.coverage = static_cast<double>(score.paired) / score.truth_scans;
  if (score.scans > 0) score.mean_gospa_m = sum_gospa_m_ / score.scans;
  return score;
}

}  // namespace cupola

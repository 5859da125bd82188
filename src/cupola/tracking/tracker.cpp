#include "cupola/tracking/tracker.h"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <optional>
#include <span>

#include "cupola/metrics/consistency.h"
#include "cupola/core/assignment.h"
#include "cupola/core/disjoint_sets.h"
#include "cupola/core/units.h"
#include "cupola/tracking/jpda.h"

namespace cupola {

const char* ToString(TrackStatus status) {
  switch (status) {
    case TrackStatus::kTentative: return "tentative";
    case TrackStatus::kConfirmed: return "confirmed";
    case TrackStatus::kDeleted: return "deleted";
  }
  return "unknown";
}

namespace {

std::unique_ptr<MotionModel> MakeModel(MotionModelKind kind, const TrackerConfig& c, const FlightEnvironment* env) {
  if (kind == MotionModelKind::kCa) return std::make_unique<ConstantAcceleration>(c.q_jerk_m2ps5, c.prior_sigma_acceleration_mps2);
  if (kind == MotionModelKind::kBallistic)
    return std::make_unique<Ballistic>(env, c.q_ballistic_m2ps3, c.q_kappa, c.prior_kappa_m2pkg, c.prior_sigma_kappa_m2pkg);
  if (kind == MotionModelKind::kCt) return std::make_unique<CoordinatedTurn>(c.q_velocity_m2ps3, c.q_turn_rate, c.prior_sigma_turn_rate_radps);
  return std::make_unique<ConstantVelocity>(c.q_velocity_m2ps3);
}

std::unique_ptr<Filter> MakeFilter(const TrackerConfig& c) {
  if (c.filter == FilterKind::kUkf) return std::make_unique<UnscentedKalmanFilter>();
  return std::make_unique<ExtendedKalmanFilter>();
}

std::unique_ptr<Estimator> MakeEstimator(const TrackerConfig& c, const FlightEnvironment* env) {
  if (c.motion_model != MotionModelKind::kImm) return std::make_unique<SingleModelEstimator>(MakeModel(c.motion_model, c, env), MakeFilter(c));
  std::vector<std::unique_ptr<MotionModel>> models;
  for (const MotionModelKind kind : c.imm_models) models.push_back(MakeModel(kind, c, env));
  return std::make_unique<ImmEstimator>(std::move(models), MakeFilter(c), c.imm_switch_probability);
}

// The false alarms per scan JPDA assumes for a radar (tracker_config.h):
// the tracker's setting, else the radar's; without either a floor that
// makes every gated detection almost surely the target's.
double FalseAlarmsPerScan(const TrackerConfig& c, const RadarSpec& radar) {
  double n = radar.false_alarms_per_scan;
  if (c.clutter_false_alarms_per_scan > 0) n = c.clutter_false_alarms_per_scan;
  else if (c.clutter_resolution_cells > 0) n = c.clutter_resolution_cells * radar.false_alarm_probability;
  return std::max(n, kMinFalseAlarmsPerScan);
}

// A track this far below the ground has landed (or never was a target).
constexpr double kBelowGround_m = 200.0;

double PositionSigma(const GaussianState& s) { return std::sqrt(s.P.topLeftCorner<3, 3>().trace()); }
double PositionSigma(const Estimate& e) { return PositionSigma(e.state); }

// A confirmation or deletion, stamped where the tracker believes the track
// is, with the numbers of its life that M-of-N and the deleter look at.
TrackEvent LifeEvent(TrackEvent::Kind kind, const Track& track, Reason reason) {
  TrackEvent e{kind, track.estimate.state.t_s, track.id, track.estimate.state.Position(), reason, false};
  e.update_times = track.update_times;
  e.looks = track.looks;
  e.misses_in_a_row = track.consecutive_misses;
  e.since_detection_s = track.estimate.state.t_s - track.last_update_t_s;
  e.position_sigma_m = PositionSigma(track.estimate);
  return e;
}

// Keeps the n entries of `items` nearest p (ties: the earlier entry), in
// their order, so that an overload changes which are tested, not how.
template <class PositionOf>
void KeepNearest(std::vector<int>& items, const Eigen::Vector3d& p, std::size_t n, PositionOf position_of) {
  std::vector<std::pair<double, std::size_t>> by_distance(items.size());
  for (std::size_t k = 0; k < items.size(); ++k) by_distance[k] = {(position_of(items[k]) - p).squaredNorm(), k};
  std::nth_element(by_distance.begin(), by_distance.begin() + static_cast<std::ptrdiff_t>(n), by_distance.end());
  by_distance.resize(n);
  std::sort(by_distance.begin(), by_distance.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  std::vector<int> kept;
  for (const auto& entry : by_distance) kept.push_back(items[entry.second]);
  items = std::move(kept);
}

}  // namespace

std::string TrackerLimitCounts::ToString() const {
  std::string out;
  const auto add = [&](std::size_t n, const char* what) {
    if (n > 0) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + what;
  };
  add(detections_dropped, "detections dropped (scan too large)");
  add(gating_limited, "detections gated against their nearest tracks only");
  add(initiation_limited, "unassociated detections with initiation cut short");
  add(jpda_clusters_as_gnn, "JPDA clusters associated by GNN");
  add(greedy_clusters, "clusters associated greedily");
  add(mht_clusters_capped, "MHT clusters given one hypothesis (too large)");
  return out;
}

Tracker::Tracker(const TrackerConfig& config, const std::vector<RadarModel>* radars, const FlightEnvironment* env)
    : config_(config), radars_(radars), env_(env), estimator_(MakeEstimator(config, env)),
      grid_(config.grid_cell_m),
      pending_grid_(std::max(config.grid_cell_m, config.max_speed_mps * config.max_initiation_gap_s)) {
  for (const auto& radar : *radars_) sensors_.emplace_back(&radar);
  // Where the drag parameter lives: the state's 7th component, of the model
  // or of the IMM's ballistic mode.
  if (config.motion_model == MotionModelKind::kBallistic) ballistic_mode_ = 0;
  if (config.motion_model == MotionModelKind::kImm)
    for (std::size_t j = 0; j < config.imm_models.size(); ++j)
      if (config.imm_models[j] == MotionModelKind::kBallistic) ballistic_mode_ = static_cast<int>(j);
  for (int m = 1; m <= kMaxMeasDim; ++m) gate_[m] = ChiSquareQuantile(config.gate_probability, m);
  // Clutter is uniform in each radar's covered Cartesian volume
  // V = (r_max^3 - r_min^3) / 3 x azimuth width x (sin el_max - sin el_min);
  // in measurement space its density is N_FA r^2 cos(el) / V (see ClutterDensity).
  for (const auto& r : *radars_) {
    const double volume = (std::pow(r.spec.max_range_m, 3) - std::pow(r.spec.min_range_m, 3)) / 3.0 *
                          r.spec.azimuth_width_rad *
                          (std::sin(std::min(r.spec.max_elevation_rad, kPi / 2)) - std::sin(r.spec.min_elevation_rad));
    clutter_per_volume_.push_back(FalseAlarmsPerScan(config, r.spec) / volume);
  }
  CUPOLA_CHECK(config.association != AssociationKind::kJpda || config.motion_model != MotionModelKind::kImm,
               "JPDA with an IMM estimator is not supported; the loader rejects it");
  if (config.association == AssociationKind::kMht)
    mht_ = std::make_unique<MhtAssociator>(
        MhtConfig{config.mht_n_scan, config.mht_max_hypotheses, config.jpda_detection_probability, config.gate_probability});
}

double Tracker::ClutterDensity(int radar, const Spherical& z) const {
  const RadarModel& r = (*radars_)[radar];
  double density = clutter_per_volume_[radar] * z[0] * z[0] * std::cos(z[2]);
  if (r.has_range_rate) density /= 1000.0;  // false range rates are uniform over +-500 m/s
  return std::max(density, 1e-300);
}

void Tracker::Report(const Track& track, double nis, int radar) {
  TrackReport r;
  r.t_s = track.estimate.state.t_s;
  r.track_id = track.id;
  r.status = track.status;
  r.p_W = track.estimate.state.Position();
  r.v_W = track.estimate.state.Velocity();
  r.SetCovPv(track.estimate.state.P);
  if (ballistic_mode_ >= 0) {
    const Estimate& e = track.estimate;
    const GaussianState& b = e.modes.empty() ? e.state : e.modes[ballistic_mode_];
    r.var_kappa = b.P(6, 6);
  }
  r.nis = nis;
  r.radar = radar;
  reports_.push_back(r);
}

void Tracker::Gate(int radar, std::span<const Detection> detections, std::vector<Candidate>& candidates) {
  const SphericalMeasurementModel& sensor = sensors_[radar];
  const double gate = gate_[sensor.dim()];
  // Each track's gate as a sphere: |p_detection - p_track| <= r_detection +
  // r_track contains the chi-square gate (r = sqrt(gate trace(covariance))).
  std::vector<double> radius(tracks_.size());
  for (std::size_t i = 0; i < tracks_.size(); ++i) radius[i] = std::sqrt(gate) * PositionSigma(predicted_[i]);
  // Tracks with an unusually wide gate (a few times the median) stay out of
  // the grid and meet every detection, so one stray track cannot widen every
  // grid query.
  std::vector<int> always;
  double grid_radius = 0.0;
  if (config_.spatial_index) {
    std::vector<double> sorted = radius;
    std::nth_element(sorted.begin(), sorted.begin() + sorted.size() / 2, sorted.end());
    const double wide = sorted.empty() ? 0.0 : std::max(4.0 * sorted[sorted.size() / 2], config_.grid_cell_m);
    grid_.Clear();
    for (std::size_t i = 0; i < tracks_.size(); ++i) {
      if (radius[i] > wide) {
        always.push_back(static_cast<int>(i));
      } else {
        grid_.Insert(static_cast<int>(i), predicted_[i].state.Position().head<2>());
        grid_radius = std::max(grid_radius, radius[i]);
      }
    }
  }
  // How far any gridded track can move between the scan start and its
  // latest detection (rotating radars).
  double max_speed = 0.0, max_late = 0.0;
  for (const auto& e : predicted_) max_speed = std::max(max_speed, e.state.Velocity().norm());
  for (const auto& d : detections) max_late = std::max(max_late, std::abs(d.t_s - t_scan_s_));
  const double max_late_reach = max_speed * max_late;
  std::vector<int> nearby;
  last_pairs_tested_ = 0;
  for (std::size_t d = 0; d < detections.size(); ++d) {
    bool limited = false;
    const Detection& det = detections[d];
    const MeasVector z = sensor.FromDetection(det.z);
    Eigen::Vector3d p_det = Eigen::Vector3d::Zero();
    double r_det = 0.0;
    nearby.clear();
    if (config_.spatial_index) {
      p_det = sensor.radar().PositionOf(det.z);
      r_det = std::sqrt(gate * sensor.radar().CartesianCovariance(det.z).trace());
      grid_.Query(p_det.head<2>(), r_det + grid_radius + max_late_reach, nearby);
      nearby.insert(nearby.end(), always.begin(), always.end());
    } else {
      nearby.resize(tracks_.size());
      std::iota(nearby.begin(), nearby.end(), 0);
    }
    if (nearby.size() > kMaxTracksTestedPerDetection) {
      KeepNearest(nearby, sensor.radar().PositionOf(det.z), kMaxTracksTestedPerDetection,
                  [&](int i) { return predicted_[i].state.Position(); });
      limited = true;
    }
    const std::size_t first = candidates.size();
    for (const int i : nearby) {
      // A rotating radar sees a target after the scan start: allow for the
      // track's motion in between.
      const double late_s = std::abs(det.t_s - t_scan_s_);
      const double reach = r_det + radius[i] + late_s * predicted_[i].state.Velocity().norm();
      if (config_.spatial_index && (p_det - predicted_[i].state.Position()).norm() > reach) continue;
      ++last_pairs_tested_;
      // Predict from the track's own estimate (not from the scan-time
      // prediction, which an IMM has already mixed) to the detection time.
      std::optional<Estimate> moved;
      if (det.t_s != predicted_[i].state.t_s) moved = estimator_->Predict(tracks_[i].estimate, det.t_s);
      Innovation in = estimator_->Innovate(sensor, moved ? *moved : predicted_[i], z);
      if (!(in.nis <= gate)) continue;  // outside the gate, or NaN from a diverged filter
      candidates.push_back({i, static_cast<int>(d), std::move(in), std::move(moved)});
    }
    if (candidates.size() - first > kMaxGatedTracksPerDetection) {
      KeepBestGated(candidates, first);
      limited = true;
    }
    limit_counts_.gating_limited += limited;
  }
}

void Tracker::KeepBestGated(std::vector<Candidate>& candidates, std::size_t first) {
  std::vector<std::pair<double, std::size_t>> by_nis;
  for (std::size_t k = first; k < candidates.size(); ++k) by_nis.emplace_back(candidates[k].innovation.nis, k);
  const auto kept_end = by_nis.begin() + static_cast<std::ptrdiff_t>(kMaxGatedTracksPerDetection);
  std::nth_element(by_nis.begin(), kept_end, by_nis.end());
  std::vector<bool> keep(candidates.size() - first, false);
  for (auto it = by_nis.begin(); it != kept_end; ++it) keep[it->second - first] = true;
  std::size_t out = first;
  for (std::size_t k = first; k < candidates.size(); ++k)
    if (keep[k - first]) {
      if (out != k) candidates[out] = std::move(candidates[k]);
      ++out;
    }
  candidates.erase(candidates.begin() + static_cast<std::ptrdiff_t>(out), candidates.end());
}

void Tracker::ProcessScan(int radar, double t_scan_s, std::span<const Detection> detections) {
  const SphericalMeasurementModel& sensor = sensors_[radar];
  if (detections.size() > kMaxDetectionsPerScan) {
    limit_counts_.detections_dropped += detections.size() - kMaxDetectionsPerScan;
    detections = detections.first(kMaxDetectionsPerScan);
  }
  // 1. Predict every live track to the scan time; a prediction that is not
  // finite is a diverged filter: the track is dropped below, with an event.
  t_scan_s_ = t_scan_s;
  predicted_.clear();
  for (const auto& track : tracks_) predicted_.push_back(estimator_->Predict(track.estimate, t_scan_s));
  std::vector<bool> prediction_failed(tracks_.size());
  for (std::size_t i = 0; i < tracks_.size(); ++i) {
    const GaussianState& p = predicted_[i].state;
    prediction_failed[i] = !p.x.allFinite() || !p.P.allFinite();
    if (prediction_failed[i]) predicted_[i] = tracks_[i].estimate;  // keep NaN out of the grid and the gate
  }

  // 2. Hypothesise: gated track-detection pairs.
  std::vector<Candidate> candidates;
  Gate(radar, detections, candidates);

  // 3. Associate within each cluster of linked pairs: GNN takes the optimal
  // assignment; JPDA weighs every gated detection by its marginal probability;
  // MHT keeps the best few joint assignments over the last scans (mht.h).
  const int n_tracks = static_cast<int>(tracks_.size());
  const int n_dets = static_cast<int>(detections.size());
  DisjointSets sets(n_tracks + n_dets);
  for (const auto& c : candidates) sets.Join(c.track, n_tracks + c.detection);
  // The candidates cluster by cluster (in the order of their roots), each
  // cluster's in candidate order.
  std::vector<int> root(candidates.size()), by_cluster(candidates.size());
  for (std::size_t k = 0; k < candidates.size(); ++k) root[k] = sets.Find(candidates[k].track);
  std::iota(by_cluster.begin(), by_cluster.end(), 0);
  std::stable_sort(by_cluster.begin(), by_cluster.end(), [&](int a, int b) { return root[a] < root[b]; });
  std::vector<std::optional<Estimate>> updated(n_tracks);
  std::vector<double> update_nis(n_tracks, 0.0);
  std::vector<bool> diverged = prediction_failed;
  std::vector<bool> detection_used(n_dets, false);
  const double gate = gate_[sensor.dim()];
  const bool jpda = config_.association == AssociationKind::kJpda;
  // GNN: track c.track takes detection c.detection.
  auto Take = [&](const Candidate& c) {
    detection_used[c.detection] = true;  // GNN: only the detection a track took
    Estimate e;
    if (estimator_->Update(sensor, PredictedFor(c), sensor.FromDetection(detections[c.detection].z), c.innovation, e))
      updated[c.track] = std::move(e), update_nis[c.track] = c.innovation.nis;
    else
      diverged[c.track] = true;
  };
  if (mht_) {
    // MHT keeps its own hypotheses and says what the best one did; the
    // tracker's gated pairs only tell it which tracks compete.
    std::vector<std::pair<int, int>> pairs;
    for (const auto& c : candidates) pairs.emplace_back(c.track, c.detection);
    const MhtScan scan{&sensor, estimator_.get(), detections, t_scan_s, gate,
                       [&](const Spherical& z) { return ClutterDensity(radar, z); }};
    limit_counts_.mht_clusters_capped +=
        mht_->Associate(scan, tracks_, pairs, {&predicted_, &updated, &update_nis, &diverged, &detection_used});
    by_cluster.clear();  // associated: skip the per-cluster GNN and JPDA below
  }
  for (std::size_t begin = 0, end = 0; begin < by_cluster.size(); begin = end) {
    while (end < by_cluster.size() && root[by_cluster[end]] == root[by_cluster[begin]]) ++end;
    const std::span<const int> cluster(by_cluster.data() + begin, end - begin);
    // One track and one detection, as most are: the pair, if inside the gate
    // (what the assignment below gives, ties going to "unassigned").
    if (!jpda && cluster.size() == 1) {
      if (candidates[cluster[0]].innovation.nis < gate) Take(candidates[cluster[0]]);
      continue;
    }
    std::vector<int> rows, cols;
    for (const int k : cluster) {
      rows.push_back(candidates[k].track);
      cols.push_back(candidates[k].detection);
    }
    std::sort(rows.begin(), rows.end());
    rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
    std::sort(cols.begin(), cols.end());
    cols.erase(std::unique(cols.begin(), cols.end()), cols.end());
    const int R = static_cast<int>(rows.size()), C = static_cast<int>(cols.size());
    // Past the bounds a JPDA cluster is associated by GNN, and an assignment
    // problem too large to hold greedily: pairs in order of NIS.
    bool cluster_jpda = jpda;
    if (cluster_jpda && rows.size() * cols.size() > kMaxJpdaClusterPairs) {
      cluster_jpda = false;
      ++limit_counts_.jpda_clusters_as_gnn;
    }
    if (!cluster_jpda && rows.size() * cols.size() > kMaxAssignmentCells) {
      ++limit_counts_.greedy_clusters;
      std::vector<int> by_nis(cluster.begin(), cluster.end());
      std::stable_sort(by_nis.begin(), by_nis.end(),
                       [&](int a, int b) { return candidates[a].innovation.nis < candidates[b].innovation.nis; });
      std::vector<bool> track_taken(n_tracks, false);
      for (const int k : by_nis) {
        const Candidate& c = candidates[k];
        if (!(c.innovation.nis < gate) || track_taken[c.track] || detection_used[c.detection]) continue;
        track_taken[c.track] = true;
        Take(c);
      }
      continue;
    }
    Eigen::MatrixXd cost = Eigen::MatrixXd::Constant(R, C, std::numeric_limits<double>::infinity());
    Eigen::MatrixXd likelihood = cluster_jpda ? Eigen::MatrixXd::Zero(R, C) : Eigen::MatrixXd();
    std::vector<int> pair_of(rows.size() * cols.size(), -1);
    for (const int k : cluster) {
      const auto r = std::lower_bound(rows.begin(), rows.end(), candidates[k].track) - rows.begin();
      const auto c = std::lower_bound(cols.begin(), cols.end(), candidates[k].detection) - cols.begin();
      const Innovation& in = candidates[k].innovation;
      cost(r, c) = in.nis;
      // Likelihood ratio against clutter: Pd N(y; 0, S) / lambda(z).
      if (cluster_jpda) {
        const Spherical& zk = detections[candidates[k].detection].z;
        likelihood(r, c) = config_.jpda_detection_probability *
                           std::exp(-0.5 * (in.nis + in.log_det_S) - 0.5 * sensor.dim() * std::log(2.0 * kPi)) /
                           ClutterDensity(radar, zk);
      }
      pair_of[r * cols.size() + c] = k;
      if (cluster_jpda) detection_used[candidates[k].detection] = true;  // JPDA: every gated detection is spoken for
    }
    if (!cluster_jpda) {
      // Leaving a track unassigned costs the gate: a pair is taken only if
      // it is inside it, and the total Mahalanobis cost is minimal.
      const std::vector<int> row_to_col = SolveAssignment(cost, gate).row_to_col;
      for (std::size_t r = 0; r < rows.size(); ++r)
        if (row_to_col[r] >= 0) Take(candidates[pair_of[r * cols.size() + row_to_col[r]]]);
      continue;
    }
    // JPDA: exact marginals for small clusters, loopy belief propagation
    // (Williams & Lau 2014) for the rest.
    const double miss = 1.0 - config_.jpda_detection_probability * config_.gate_probability;
    const Eigen::MatrixXd beta = (R <= kJpdaExactClusterTracks && C <= kJpdaExactClusterDetections)
                                     ? JpdaMarginalsExact(likelihood, miss)
                                     : JpdaMarginalsLoopyBp(likelihood, miss);
    for (int r = 0; r < R; ++r) {
      std::vector<const Innovation*> innovations;
      std::vector<double> weights;
      double best_nis = std::numeric_limits<double>::infinity();
      int first = -1;
      for (int c = 0; c < C; ++c) {
        const int k = pair_of[r * cols.size() + c];
        if (k < 0) continue;
        if (first < 0) first = k;
        innovations.push_back(&candidates[k].innovation);
        weights.push_back(beta(r, c));
        best_nis = std::min(best_nis, candidates[k].innovation.nis);
      }
      const Candidate& any = candidates[first];  // every row of a cluster has a gated pair
      Estimate e = PredictedFor(any);
      if (PdaUpdate(PredictedFor(any).state, innovations, weights, beta(r, C), e.state))
        updated[rows[r]] = std::move(e), update_nis[rows[r]] = best_nis;
      else
        diverged[rows[r]] = true;
    }
  }

  // 4. Update assigned tracks, coast the others, apply M-of-N and deletion.
  std::vector<Track> survivors;
  survivors.reserve(tracks_.size());
  for (int i = 0; i < n_tracks; ++i) {
    Track track = std::move(tracks_[i]);
    const bool assigned = updated[i].has_value() || diverged[i];
    const Eigen::Vector3d p_predicted = predicted_[i].state.Position();
    const Spherical expected = sensor.radar().Measure(p_predicted, predicted_[i].state.Velocity());
    // A look: the radar could have seen it (coverage and radio horizon).
    const bool looked =
        assigned || (sensor.radar().Covers(expected) &&
                     ClearsEffectiveEarth(sensor.radar().site_height_m, env_->HeightFast(p_predicted) + env_->ground_alt_m,
                                          (p_predicted - sensor.radar().p_WR).head<2>().norm()));
    Reason deletion = Reason::kNone;
    if (diverged[i]) {
      deletion = Reason::kFilterDiverged;
    } else if (updated[i]) {
      track.estimate = std::move(*updated[i]);
      ++track.updates;
      // Two radars that look at the same instant give two detections but one
      // look in time: confirmation needs the motion confirmed over time, or
      // two rockets of a stream, paired at initiation, confirm each other.
      // Counted on the scan clock: a rotating radar's detections come later
      // than its scan's start, at different times for different radars.
      if (t_scan_s > track.last_update_scan_t_s) ++track.update_times, track.last_update_scan_t_s = t_scan_s;
      track.consecutive_misses = 0;
      track.last_update_t_s = track.estimate.state.t_s;
      track.last_radar = radar;
      track.last_nis = update_nis[i];
    } else if (looked) {
      track.estimate = predicted_[i];  // coast
      ++track.consecutive_misses;
    }
    if (looked && t_scan_s > track.last_look_t_s) ++track.looks, track.last_look_t_s = t_scan_s;
    if (deletion != Reason::kNone) {
      // diverged: nothing else to decide
    } else if (track.status == TrackStatus::kTentative) {
      if (track.update_times >= config_.confirm_m) {
        track.status = TrackStatus::kConfirmed;
        events_.push_back(LifeEvent(TrackEvent::Kind::kConfirmed, track, Reason::kNone));
      } else if (track.looks >= config_.confirm_n) {
        deletion = Reason::kNotConfirmed;
      }
    } else if (track.consecutive_misses >= config_.max_misses) {
      deletion = Reason::kMissedLooks;
    }
    if (deletion == Reason::kNone && PositionSigma(track.estimate) > config_.max_position_sigma_m)
      deletion = Reason::kPositionUncertain;
    // Tracks out of every radar's view are never looked at, so misses cannot
    // end them: age and the ground do.
    if (deletion == Reason::kNone && t_scan_s - track.last_update_t_s > config_.max_coast_s)
      deletion = Reason::kCoastedTooLong;
    // Below the ground by more than its own vertical uncertainty allows: a
    // low drone seen at long range can dip below it on paper.
    const double sigma_up = std::sqrt(std::max(0.0, predicted_[i].state.P(2, 2)));
    if (deletion == Reason::kNone && env_->HeightFast(predicted_[i].state.Position()) < -(kBelowGround_m + 3.0 * sigma_up))
      deletion = Reason::kBelowGround;
    if (deletion != Reason::kNone) {
      // Stamp the deletion at this scan, where the tracker last believed the track was.
      if (!updated[i]) track.estimate = predicted_[i];
      const bool was_confirmed = track.status == TrackStatus::kConfirmed;
      track.status = TrackStatus::kDeleted;
      TrackEvent deleted = LifeEvent(TrackEvent::Kind::kDeleted, track, deletion);
      deleted.was_confirmed = was_confirmed;
      events_.push_back(deleted);
      Report(track, 0.0, -1);
      continue;
    }
    if (looked) Report(track, updated[i] ? track.last_nis : 0.0, updated[i] ? radar : -1);
    survivors.push_back(std::move(track));
  }
  tracks_ = std::move(survivors);

  // 5. Initiate from the detections no track took.
  Initiate(detections, detection_used);
}

void Tracker::Initiate(std::span<const Detection> detections, const std::vector<bool>& used) {
  if (detections.empty()) return;
  const double now = detections.front().t_s;
  // Forget detections too old to pair.
  std::erase_if(pending_, [&](const PendingDetection& p) { return now - p.detection.t_s > config_.max_initiation_gap_s; });
  // Index pending detections on a grid sized to the longest possible move.
  const double reach = config_.max_speed_mps * config_.max_initiation_gap_s;
  pending_grid_.Clear();
  for (std::size_t j = 0; j < pending_.size(); ++j) pending_grid_.Insert(static_cast<int>(j), pending_[j].p_W.head<2>());
  std::vector<bool> pending_used(pending_.size(), false);
  std::vector<PendingDetection> fresh;
  std::vector<int> nearby;
  for (std::size_t d = 0; d < detections.size(); ++d) {
    if (used[d]) continue;
    const Detection& det = detections[d];
    const RadarModel& radar = (*radars_)[det.radar];
    const PendingDetection second{det, radar.PositionOf(det.z), radar.CartesianCovariance(det.z), t_scan_s_};
    // The partner: a recent unassociated detection at a plausible speed; the
    // slowest plausible one, the most likely in clutter.
    nearby.clear();
    pending_grid_.Query(second.p_W.head<2>(), reach, nearby);
    if (nearby.size() > kMaxPartnersTestedPerDetection) {
      KeepNearest(nearby, second.p_W, kMaxPartnersTestedPerDetection, [&](int j) { return pending_[j].p_W; });
      ++limit_counts_.initiation_limited;
    }
    int best = -1;
    double best_speed = std::numeric_limits<double>::infinity();
    for (const int j : nearby) {
      if (pending_used[j]) continue;
      const double dt = det.t_s - pending_[j].detection.t_s;
      // Two points from one scan instant (two radars, or a rotating radar's
      // late beam) are not two looks in time.
      if (dt <= 1e-6 || pending_[j].t_scan_s >= t_scan_s_) continue;
      const double speed = (second.p_W - pending_[j].p_W).norm() / dt;
      if (speed < config_.min_speed_mps || speed > config_.max_speed_mps) continue;
      if (speed < best_speed) best_speed = speed, best = j;
    }
    if (best < 0) {
      fresh.push_back(second);
      continue;
    }
    pending_used[best] = true;
    const PendingDetection& first = pending_[best];
    const double dt = det.t_s - first.detection.t_s;
    Track track;
    track.id = next_id_++;
    track.born_t_s = det.t_s;
    track.last_update_t_s = det.t_s;
    track.last_radar = det.radar;
    track.updates = 2;
    track.update_times = 2;
    track.looks = 2;
    track.last_look_t_s = track.last_update_scan_t_s = t_scan_s_;
    GaussianState pv;
    pv.t_s = det.t_s;
    pv.x = StateVector::Zero(6);
    pv.x.head<3>() = second.p_W;
    pv.x.segment<3>(3) = (second.p_W - first.p_W) / dt;
    // Two-point differencing: P_pp = R2, P_pv = R2 / dt, P_vv = (R1 + R2) / dt^2.
    pv.P = StateMatrix::Zero(6, 6);
    pv.P.topLeftCorner<3, 3>() = second.P_W;
    pv.P.block<3, 3>(0, 3) = second.P_W / dt;
    pv.P.block<3, 3>(3, 0) = second.P_W / dt;
    pv.P.block<3, 3>(3, 3) = (first.P_W + second.P_W) / (dt * dt);
    track.estimate = estimator_->Initiate(pv);
    if (track.update_times >= config_.confirm_m) track.status = TrackStatus::kConfirmed;
    events_.push_back({TrackEvent::Kind::kInitiated, det.t_s, track.id, second.p_W, Reason::kNone, false});
    if (track.status == TrackStatus::kConfirmed) {
      TrackEvent confirmed = LifeEvent(TrackEvent::Kind::kConfirmed, track, Reason::kNone);
      confirmed.t_s = det.t_s, confirmed.p_W = second.p_W, confirmed.since_detection_s = 0.0;
      events_.push_back(confirmed);
    }
    Report(track, 0.0, det.radar);
    tracks_.push_back(std::move(track));
  }
  // The partners not taken, in their order, then the fresh ones (in place:
  // this runs every scan).
  std::size_t kept = 0;
  for (std::size_t j = 0; j < pending_.size(); ++j)
    if (!pending_used[j]) pending_[kept++] = pending_[j];
  pending_.resize(kept);
  pending_.insert(pending_.end(), fresh.begin(), fresh.end());
  if (pending_.size() > kMaxPendingDetections) {  // oldest first: forget them first
    const std::size_t excess = pending_.size() - kMaxPendingDetections;
    limit_counts_.initiation_limited += excess;
    pending_.erase(pending_.begin(), pending_.begin() + static_cast<std::ptrdiff_t>(excess));
  }
}

}  // namespace cupola

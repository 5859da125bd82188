#include "cupola/sim/tracking_run.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <tuple>

#include "cupola/assessment/drone_prediction.h"
#include "cupola/assessment/falling_track.h"
#include "cupola/core/random.h"
#include <map>
#include <set>

namespace cupola {

TrackingResult RunSensingAndTracking(const World& world, std::uint64_t replication_seed,
                                     std::vector<TruthTrajectory>& truth, const ScanProgress& on_scan) {
  // Where each threat would come down untouched (scoring only: decisions and
  // alerts are judged against it, whether or not an interceptor got there first).
  std::vector<int> natural_area(truth.size(), -1);
  std::vector<Eigen::Vector2d> natural_impact(truth.size(), Eigen::Vector2d::Zero());
  std::vector<bool> natural_impacted(truth.size(), false);
  std::vector<double> natural_end_t(truth.size(), 0.0);
  for (const auto& t : truth) {
    natural_impacted[t.id] = t.impacted;
    natural_impact[t.id] = t.points.back().p_W.head<2>();
    natural_end_t[t.id] = t.end_t();
    if (t.impacted) natural_area[t.id] = world.AreaAt(natural_impact[t.id]);
  }
  auto impact_area_of = [&](int id) { return natural_area[id]; };
  TrackingResult result;
  const auto& radars = world.radars();
  const double duration = world.spec().duration_s;

  // The merged scan schedule: (time, radar, scan number), in time order.
  std::vector<std::tuple<double, int, int>> schedule;
  for (std::size_t r = 0; r < radars.size(); ++r)
    for (int k = 0; k * radars[r].spec.revisit_s < duration; ++k)
      schedule.emplace_back(k * radars[r].spec.revisit_s, static_cast<int>(r), k);
  std::sort(schedule.begin(), schedule.end());

  std::vector<std::uint64_t> radar_seeds;  // each scan draws from its own sub-stream (by scan number)
  for (const auto& radar : radars) radar_seeds.push_back(StreamSeed(replication_seed, "radar/" + radar.name));
  const TruthSet targets(&truth);
  Tracker tracker(world.spec().tracker, &radars, &world.environment());
  TrackScorer scorer(TrackScoringOptions{});
  std::vector<int> alive;
  std::vector<ScoredObject> truths, tracks;

  // Impact assessment: falling tracks are flown to the ground, the others
  // taken for drones (assessment/falling_track.h).
  const TrackerConfig& config = world.spec().tracker;
  const FallingTrackTest falling(config);
  auto Falls = [&](const Track& track) { return falling.Falls(track.estimate); };
  auto FallingState = [&](const Track& track) -> const GaussianState& { return falling.FallingState(track.estimate); };
  // Impact predictions take the predictor's 2 s RK4 steps, or 4 s for a
  // track's first prediction and while its last one was spread over more than
  // kRoughSpread_m (1-sigma radius): 4 s steps are at worst 12 m off 0.05 s
  // ones (2 s: 0.5 m; bench/impact_bench), under 2.5 % of such a spread, at
  // half the cost; most predictions before a decision are that uncertain. The
  // battle manager's paths keep a sample every second.
  auto PredictorWithStep = [&](double step_s) {
    return ImpactPredictor(&world.environment(), {.step_s = step_s,
                                                  .prior_kappa_m2pkg = config.prior_kappa_m2pkg,
                                                  .prior_sigma_kappa_m2pkg = config.prior_sigma_kappa_m2pkg});
  };
  const ImpactPredictor predictor = PredictorWithStep(ImpactPredictorOptions{}.step_s);
  const ImpactPredictor rough_predictor = PredictorWithStep(4.0);
  constexpr double kRoughSpread_m = 500.0;
  const ImpactPredictor path_predictor = PredictorWithStep(1.0);
  std::vector<AreaAtRisk> areas;
  std::vector<Polygon> area_polygons;
  for (const auto& a : world.areas()) areas.push_back({a.name, a.value, a.polygon}), area_polygons.push_back(a.polygon);
  // Each battery's rule; without batteries, one default rule over every area.
  std::vector<EngagementRule> rules;
  for (const auto& b : world.spec().batteries) {
    EngagementRule rule{b.name, b.engage_threshold, {}};
    for (const auto& name : b.defends)
      for (std::size_t k = 0; k < areas.size(); ++k)
        if (areas[k].name == name) rule.defends.push_back(static_cast<int>(k));
    rules.push_back(rule);
  }
  if (rules.empty()) rules.push_back({"default", 1.0, {}});
  struct TrackAssessments {
    double last_t_s = -1e9;
    int count = 0;
    bool decided = false;
    Eigen::Vector2d last_mean_EN = Eigen::Vector2d::Zero();
    double max_unalerted_p = 0.0;  // of the zones not yet alerted for this track, at the last prediction
    double spread_m = std::numeric_limits<double>::infinity();  // of the last prediction: sqrt(trace(cov))
  };
  std::map<int, TrackAssessments> assessed;
  std::set<std::pair<int, int>> alerted;  // (track, zone)
  // The threat a track follows now (scoring only): the nearest in flight within 500 m.
  auto NearestInFlight = [&](const Eigen::Vector3d& p_W) {
    int id = -1;
    double nearest = 500.0;
    for (const auto& in_flight : truths) {
      const double d = (in_flight.p_W - p_W).norm();
      if (d < nearest) nearest = d, id = in_flight.id;
    }
    return id;
  };
  constexpr double kDronePathStep_s = 2.0;
  // Tracks the battle manager engages: their latest predicted path and value.
  struct Engaged {
    ThreatPath path;
    double value = 0.0;
    std::vector<char> engage_by;  // per battery
    bool falls = true;            // a rocket or mortar bomb (the uplink assumes gravity), else a drone
    double path_t_s = 0.0;        // time of the track state the path was flown from
  };
  std::map<int, Engaged> engaged;
  BattleManager battle_manager(&world.batteries());
  auto EngagedFrom = [&](const Track& track, const ThreatAssessment& a, const ImpactPrediction& prediction) {
    Engaged e;
    const GaussianState& state = track.estimate.state;
    e.falls = Falls(track);
    e.path = e.falls ? ThreatPath::From(path_predictor.PredictPath(FallingState(track)), world.environment())
                       : ThreatPath::Straight({state.t_s, state.Position(), state.Velocity()}, prediction.t_impact_s,
                                              kDronePathStep_s, world.environment());
    e.path_t_s = state.t_s;
    e.value = a.value_at_risk;
    for (std::size_t b = 0; b < world.batteries().size(); ++b)
      e.engage_by.push_back(ValueAtRisk(a, areas, rules[b]) >= rules[b].threshold ? 1 : 0);
    return e;
  };
  constexpr double kAssessmentInterval_s = 1.0;
  // Once decided, a rocket's prediction has settled, and unless an alert zone
  // not yet alerted is within reach of it (probability above
  // kAlertWithinReach), a new one every few seconds is enough (most of a
  // raid's predictions came after the decision). An engaged track's path,
  // which the battle manager plans on, is refreshed every 2 s all the same, by
  // flying the mean alone (a settled track's path moves by centimetres; the
  // interceptor's mid-course guidance follows the live track regardless).
  constexpr double kDecidedAssessmentInterval_s = 5.0;
  constexpr double kAlertWithinReach = 1e-3;
  constexpr double kPathRefreshInterval_s = 2.0;
  constexpr double kDroneAssessmentInterval_s = 10.0;
  constexpr int kAssessmentsBeforeDecision = 3;
  constexpr double kSettled_m = 150.0;
  constexpr double kLastMoment_s = 10.0;
  constexpr double kDroneDecisionLead_s = 300.0;
  std::vector<EngagementThreat> to_engage;

  InterceptorFleet fleet(world, &truth, replication_seed);
  // The threats in flight at t (for scoring, and for telling which threat a
  // track follows), once per instant.
  double truths_t_s = -1.0;
  auto TruthsAt = [&](double t) {
    if (t == truths_t_s) return;
    truths_t_s = t;
    targets.AliveAt(t, alive);
    truths.clear();
    for (const int id : alive) {
      const TargetState s = targets.StateAt(id, t);
      truths.push_back({id, s.p_W, s.v_W});
    }
  };
  // Scores the confirmed picture against them.
  auto ScorePicture = [&](double t) {
    tracks.clear();
    for (const Track& track : tracker.tracks()) {
      if (track.status != TrackStatus::kConfirmed) continue;
      const double dt = t - track.estimate.state.t_s;  // tracks not looked at this scan are a little older
      tracks.push_back({track.id, track.estimate.state.Position() + dt * track.estimate.state.Velocity(), track.estimate.state.Velocity()});
    }
    scorer.AddScan(t, truths, tracks);
  };
  for (std::size_t scan = 0; scan < schedule.size(); ++scan) {
    if (on_scan) on_scan(scan, schedule.size());  // here: the loop's body ends in several places
    const auto& [t, r, k] = schedule[scan];
    // Interceptors fly up to the scan; a kill ends a threat before the radar looks.
    fleet.AdvanceTo(t, tracker);
    ScanOutput out;
    ScanOnce(radars[r], r, world.frame(), t, targets, SubstreamSeed(radar_seeds[r], static_cast<std::uint64_t>(k)), out);
    tracker.ProcessScan(r, t, out.detections);
    for (const int id : out.truth_ids) (id < 0 ? result.false_alarms : result.detections) += 1;
    result.scans.push_back({r, k, t, std::move(out.detections), std::move(out.truth_ids)});
    TruthsAt(t);
    // Radars that look at the same instant make one picture, scored once.
    if (scan + 1 == schedule.size() || std::get<0>(schedule[scan + 1]) != t) ScorePicture(t);

    if (areas.empty() && world.alert_zones().empty()) continue;
    for (const Track& track : tracker.tracks()) {
      if (track.status != TrackStatus::kConfirmed || track.last_update_t_s != track.estimate.state.t_s) continue;
      TrackAssessments& history = assessed[track.id];
      // Rockets change their prediction every second; drones cruise for
      // minutes, so every ten seconds is plenty.
      const bool falls = Falls(track);
      const bool settled_quiet = history.decided && history.max_unalerted_p < kAlertWithinReach;
      const double interval = !falls          ? kDroneAssessmentInterval_s
                              : settled_quiet ? kDecidedAssessmentInterval_s
                                              : kAssessmentInterval_s;
      if (track.estimate.state.t_s - history.last_t_s < interval) {
        auto it = engaged.find(track.id);
        if (it != engaged.end() && falls && it->second.falls &&
            track.estimate.state.t_s - it->second.path_t_s >= kPathRefreshInterval_s) {
          it->second.path = ThreatPath::From(path_predictor.PredictPath(FallingState(track)), world.environment());
          it->second.path_t_s = track.estimate.state.t_s;
        }
        continue;
      }
      // Falling tracks are flown to the ground; drones projected along their heading.
      const ImpactPredictor& chosen = history.spread_m > kRoughSpread_m ? rough_predictor : predictor;
      const ImpactPrediction prediction =
          falls ? chosen.Predict(FallingState(track)) : PredictDroneImpact(track.estimate.state, area_polygons);
      if (!prediction.valid) continue;
      history.spread_m = std::sqrt(prediction.cov_EN.trace());
      history.last_t_s = track.estimate.state.t_s;
      ++history.count;
      result.assessments.push_back(Assess(track.estimate.state.t_s, track.id, prediction, areas));
      result.assessment_truth_ids.push_back(NearestInFlight(track.estimate.state.Position()));
      // Civil defence: alert each zone the prediction threatens, once per track.
      history.max_unalerted_p = 0.0;
      for (std::size_t z = 0; z < world.alert_zones().size(); ++z) {
        const AlertZone& zone = world.alert_zones()[z];
        if (alerted.count({track.id, static_cast<int>(z)})) continue;
        const double p = ProbabilityInside(zone.polygon, prediction.mean_EN, prediction.cov_EN);
        if (p < zone.threshold_probability) {
          history.max_unalerted_p = std::max(history.max_unalerted_p, p);
          continue;
        }
        alerted.insert({track.id, static_cast<int>(z)});
        AlertRecord alert{track.estimate.state.t_s, track.id, static_cast<int>(z), p, prediction.t_impact_s};
        alert.truth_id = NearestInFlight(track.estimate.state.Position());
        if (alert.truth_id >= 0) {
          alert.actual_impact_t_s = natural_end_t[alert.truth_id];
          alert.threat_hits_zone =
              natural_impacted[alert.truth_id] && zone.polygon.Contains(natural_impact[alert.truth_id]);
        } else {
          alert.actual_impact_t_s = prediction.t_impact_s;
        }
        result.alerts.push_back(alert);
      }
      // Decide once the prediction has settled (two in a row within
      // kSettled_m; a boosting rocket's predictions still move), or when
      // time is running out.
      const Eigen::Vector2d previous = history.last_mean_EN;
      history.last_mean_EN = prediction.mean_EN;
      const bool settled = history.count >= kAssessmentsBeforeDecision && (prediction.mean_EN - previous).norm() < kSettled_m;
      const double time_to_impact = prediction.TimeToImpact(track.estimate.state.t_s);
      const bool hurry = time_to_impact < kLastMoment_s;
      // A drone decision waits until its predicted arrival is near: a route
      // can still turn towards (or away from) a town.
      const bool near = falls || time_to_impact < kDroneDecisionLead_s;
      // An engaged track's path follows its newest prediction.
      if (auto it = engaged.find(track.id); it != engaged.end())
        it->second = EngagedFrom(track, result.assessments.back(), prediction);
      if (history.decided || !((settled && near) || hurry)) continue;
      history.decided = true;
      const ThreatAssessment& a = result.assessments.back();
      const EngagementDecision decision = Decide(a, areas, rules);
      DecisionRecord record{a.t_s, track.id, decision.engage, decision.reason, prediction.mean_EN, a.most_likely_area};
      record.truth_id = NearestInFlight(track.estimate.state.Position());
      if (record.truth_id >= 0) record.should_engage = impact_area_of(record.truth_id) >= 0;
      result.decisions.push_back(record);
      if (decision.engage && !world.batteries().empty()) engaged[track.id] = EngagedFrom(track, a, prediction);
    }
    if (world.batteries().empty()) continue;
    // The battle manager plans over the engaged tracks still in the picture.
    to_engage.clear();
    for (auto it = engaged.begin(); it != engaged.end();) {
      const Track* track = tracker.Find(it->first);
      if (track == nullptr || track->status != TrackStatus::kConfirmed) {
        battle_manager.Forget(it->first, t);
        it = engaged.erase(it);
        continue;
      }
      to_engage.push_back({it->first, it->second.value, it->second.engage_by, &it->second.path, track->last_update_t_s});
      ++it;
    }
    for (const FireOrder& order : battle_manager.Plan(t, to_engage)) {
      const Track* track = tracker.Find(order.track_id);
      result.fire_orders.push_back({order, NearestInFlight(track->estimate.state.Position())});
      fleet.Launch(order, result.fire_orders.back().truth_id, engaged.at(order.track_id).falls);
    }
  }
  if (on_scan) on_scan(schedule.size(), schedule.size());
  fleet.AdvanceTo(duration, tracker);
  result.interceptors = fleet.records();
  battle_manager.Finish(duration);
  result.engagement_notes = battle_manager.notes();
  result.zone_scores = ScoreAlertZones(world.alert_zones(), result.alerts, truth, natural_impacted, natural_impact);
  result.reports = tracker.TakeReports();
  result.events = tracker.events();
  result.tracker_limits = tracker.limit_counts();
  result.score = scorer.Result();
  for (const auto& e : result.events) result.tracks_confirmed += e.kind == TrackEvent::Kind::kConfirmed;
  return result;
}

}  // namespace cupola

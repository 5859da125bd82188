#include "cupola/sim/picture.h"

#include <algorithm>
#include <cmath>

#include "cupola/assessment/area_probability.h"
#include "cupola/assessment/drone_prediction.h"

namespace cupola {

namespace {

// Impact predictions take the predictor's 2 s RK4 steps, or 4 s for a
// track's first prediction and while its last one was spread over more than
// kRoughSpread_m (1-sigma radius): 4 s steps are at worst 12 m off 0.05 s
// ones (2 s: 0.5 m; bench/impact_bench), under 2.5 % of such a spread, at
// half the cost; most predictions before a decision are that uncertain. The
// battle manager's paths keep a sample every second.
constexpr double kRoughStep_s = 4.0;
constexpr double kRoughSpread_m = 500.0;
constexpr double kPathStep_s = 1.0;
constexpr double kDronePathStep_s = 2.0;
// Rockets change their prediction every second; drones cruise for minutes,
// so every ten seconds is plenty. Once decided, a rocket's prediction has
// settled, and unless an alert zone not yet alerted is within reach of it
// (probability above kAlertWithinReach), a new one every few seconds is
// enough (most of a raid's predictions came after the decision). An engaged
// track's path, which the battle manager plans on, is refreshed every 2 s
// all the same, by flying the mean alone (a settled track's path moves by
// centimetres; the interceptor's mid-course guidance follows the live track
// regardless).
constexpr double kAssessmentInterval_s = 1.0;
constexpr double kDecidedAssessmentInterval_s = 5.0;
constexpr double kAlertWithinReach = 1e-3;
constexpr double kPathRefreshInterval_s = 2.0;
constexpr double kDroneAssessmentInterval_s = 10.0;
constexpr int kAssessmentsBeforeDecision = 3;
constexpr double kSettled_m = 150.0;
constexpr double kLastMoment_s = 10.0;
// A drone decision waits until its predicted arrival is near: a route can
// still turn towards (or away from) a town.
constexpr double kDroneDecisionLead_s = 300.0;
// Predictions in a row that must disagree with a decision to revise it: one
// outlier prediction near an area's edge does not flip an engagement.
constexpr int kDisagreementsToRevise = 2;

ImpactPredictor PredictorWithStep(const World& world, double step_s) {
  const TrackerConfig& config = world.spec().tracker;
  return ImpactPredictor(&world.environment(), {.step_s = step_s,
                                                .prior_kappa_m2pkg = config.prior_kappa_m2pkg,
                                                .prior_sigma_kappa_m2pkg = config.prior_sigma_kappa_m2pkg});
}

}  // namespace

Picture::Picture(const World& world, PictureRole role)
    : world_(world),
      role_(std::move(role)),
      falling_(world.spec().tracker),
      predictor_(PredictorWithStep(world, ImpactPredictorOptions{}.step_s)),
      rough_predictor_(PredictorWithStep(world, kRoughStep_s)),
      path_predictor_(PredictorWithStep(world, kPathStep_s)),
      tracker_(world.spec().tracker, &world.radars(), &world.environment()),
      battle_manager_(&world.batteries(), role_.commands) {
  tracker_.NumberTracksFrom(role_.index * kTrackIdsPerPicture);
  fires_ = std::find(role_.commands.begin(), role_.commands.end(), 1) != role_.commands.end();
  for (const auto& a : world.areas()) areas_.push_back({a.name, a.value, a.polygon}), area_polygons_.push_back(a.polygon);
  // Each battery's rule; without batteries, one default rule over every area.
  for (const auto& b : world.spec().batteries) {
    EngagementRule rule{b.name, b.engage_threshold, {}};
    for (const auto& name : b.defends)
      for (std::size_t k = 0; k < areas_.size(); ++k)
        if (areas_[k].name == name) rule.defends.push_back(static_cast<int>(k));
    rules_.push_back(rule);
  }
  if (rules_.empty()) rules_.push_back({"default", 1.0, {}});
  for (std::size_t b = 0; b < world.batteries().size(); ++b)
    area_defence_ = area_defence_ || (world.batteries()[b].doctrine.area_defence && !role_.commands.empty() &&
                                      role_.commands[b] == 1);
}

std::vector<PictureFireOrder> Picture::Receive(int radar, double t_meas_s, std::span<const Detection> detections,
                                               double t_now_s, bool* accepted) {
  if (accepted) *accepted = t_meas_s >= newest_report_t_s_;
  if (t_meas_s < newest_report_t_s_) {
    ++records_.late_reports;
    return {};
  }
  newest_report_t_s_ = t_meas_s;
  tracker_.ProcessScan(radar, t_meas_s, detections);
  const bool assesses = (role_.decides && (!areas_.empty() || area_defence_)) ||
                        (role_.alerts && !world_.alert_zones().empty());
  if (!assesses) return {};
  for (const Track& track : tracker_.tracks()) {
    if (track.status != TrackStatus::kConfirmed || track.last_update_t_s != track.estimate.state.t_s) continue;
    Assess(track);
  }
  if (!fires_) return {};
  return Plan(t_now_s);
}

void Picture::Assess(const Track& track) {
  TrackAssessments& history = assessed_[track.id];
  const bool falls = falling_.Falls(track.estimate);
  const bool settled_quiet =
      history.decided && history.max_unalerted_p < kAlertWithinReach && history.disagreements == 0;
  const double interval = !falls          ? kDroneAssessmentInterval_s
                          : settled_quiet ? kDecidedAssessmentInterval_s
                                          : kAssessmentInterval_s;
  const GaussianState& state = track.estimate.state;
  if (state.t_s - history.last_t_s < interval) {
    auto it = engaged_.find(track.id);
    if (it != engaged_.end() && falls && it->second.falls && state.t_s - it->second.path_t_s >= kPathRefreshInterval_s) {
      it->second.path =
          ThreatPath::From(path_predictor_.PredictPath(falling_.FallingState(track.estimate)), world_.environment());
      it->second.path_t_s = state.t_s;
    }
    return;
  }
  // Falling tracks are flown to the ground; drones projected along their heading.
  const ImpactPredictor& chosen = history.spread_m > kRoughSpread_m ? rough_predictor_ : predictor_;
  const ImpactPrediction prediction =
      falls ? chosen.Predict(falling_.FallingState(track.estimate)) : PredictDroneImpact(state, area_polygons_);
  if (!prediction.valid) return;
  history.spread_m = std::sqrt(prediction.cov_EN.trace());
  history.last_t_s = state.t_s;
  ++history.count;
  records_.assessments.push_back(cupola::Assess(state.t_s, track.id, prediction, areas_));
  records_.assessment_track_p_W.push_back(state.Position());
  // Civil defence: alert each zone the prediction threatens, once per track.
  history.max_unalerted_p = 0.0;
  for (std::size_t z = 0; role_.alerts && z < world_.alert_zones().size(); ++z) {
    const AlertZone& zone = world_.alert_zones()[z];
    if (alerted_.count({track.id, static_cast<int>(z)})) continue;
    const double p = ProbabilityInside(zone.polygon, prediction.mean_EN, prediction.cov_EN);
    if (p < zone.threshold_probability) {
      history.max_unalerted_p = std::max(history.max_unalerted_p, p);
      continue;
    }
    alerted_.insert({track.id, static_cast<int>(z)});
    AlertRecord alert{state.t_s, track.id, static_cast<int>(z), p, prediction.t_impact_s};
    alert.p_track_W = state.Position();
    records_.alerts.push_back(alert);
  }
  // Decide once the prediction has settled (two in a row within kSettled_m;
  // a boosting rocket's predictions still move), or when time is running out.
  const Eigen::Vector2d previous = history.last_mean_EN;
  history.last_mean_EN = prediction.mean_EN;
  const bool settled = history.count >= kAssessmentsBeforeDecision && (prediction.mean_EN - previous).norm() < kSettled_m;
  const double time_to_impact = prediction.TimeToImpact(state.t_s);
  const bool hurry = time_to_impact < kLastMoment_s;
  const bool near = falls || time_to_impact < kDroneDecisionLead_s;
  // An engaged track's path follows its newest prediction.
  if (auto it = engaged_.find(track.id); it != engaged_.end())
    it->second = EngagedFrom(track, records_.assessments.back(), prediction, history.engage);
  // Area defence: a drone is engaged by the batteries defending the area it
  // flies over from its first prediction, whatever the decision on it.
  if (!falls && area_defence_ && role_.decides && !engaged_.count(track.id))
    engaged_[track.id] = EngagedFrom(track, records_.assessments.back(), prediction, false);
  if (!history.decided && !((settled && near) || hurry)) return;
  const bool revisiting = history.decided;
  history.decided = true;  // a picture that does not decide still predicts less often from here
  if (!role_.decides) return;
  const ThreatAssessment& a = records_.assessments.back();
  const EngagementDecision decision = Decide(a, areas_, rules_);
  if (revisiting) {
    if (decision.engage == history.engage) {
      history.disagreements = 0;
      return;
    }
    if (++history.disagreements < kDisagreementsToRevise && !hurry) return;
    if (history.engage && battle_manager_.ShotsAt(track.id) > 0) return;  // final once fired
    history.disagreements = 0;
  }
  history.engage = decision.engage;
  DecisionRecord record{a.t_s, track.id, decision.engage, decision.reason, prediction.mean_EN, a.most_likely_area};
  record.p_track_W = state.Position();
  record.revises = revisiting;
  records_.decisions.push_back(record);
  if (!fires_) return;
  if (decision.engage || (!falls && area_defence_)) {
    engaged_[track.id] = EngagedFrom(track, a, prediction, decision.engage);
  } else if (engaged_.erase(track.id) > 0) {
    battle_manager_.Cancel(track.id);
  }
}

Picture::Engaged Picture::EngagedFrom(const Track& track, const ThreatAssessment& a,
                                      const ImpactPrediction& prediction, bool decided_engage) const {
  Engaged e;
  const GaussianState& state = track.estimate.state;
  e.falls = falling_.Falls(track.estimate);
  e.path = e.falls ? ThreatPath::From(path_predictor_.PredictPath(falling_.FallingState(track.estimate)),
                                      world_.environment())
                   : ThreatPath::Straight({state.t_s, state.Position(), state.Velocity()}, prediction.t_impact_s,
                                          kDronePathStep_s, world_.environment());
  e.path_t_s = state.t_s;
  e.value = a.value_at_risk;
  for (std::size_t b = 0; b < world_.batteries().size(); ++b)
    e.engage_by.push_back(decided_engage && ValueAtRisk(a, areas_, rules_[b]) >= rules_[b].threshold ? 1 : 0);
  // Area defence: every drone, worth at least the battery's area_value.
  for (std::size_t b = 0; b < world_.batteries().size() && !e.falls; ++b) {
    const Doctrine& d = world_.batteries()[b].doctrine;
    if (!d.area_defence) continue;
    e.engage_by[b] = 1;
    e.value = std::max(e.value, d.area_value);
  }
  return e;
}

std::vector<PictureFireOrder> Picture::Plan(double t_now_s) {
  // The battle manager plans over the engaged tracks still in the picture.
  to_engage_.clear();
  for (auto it = engaged_.begin(); it != engaged_.end();) {
    const Track* track = tracker_.Find(it->first);
    if (track == nullptr || track->status != TrackStatus::kConfirmed) {
      battle_manager_.Forget(it->first, t_now_s);
      it = engaged_.erase(it);
      continue;
    }
    to_engage_.push_back(
        {it->first, it->second.value, it->second.engage_by, &it->second.path, track->last_update_t_s, it->second.falls});
    ++it;
  }
  std::vector<PictureFireOrder> orders;
  for (const FireOrder& order : battle_manager_.Plan(t_now_s, to_engage_)) {
    const GaussianState& state = tracker_.Find(order.track_id)->estimate.state;
    orders.push_back({order, engaged_.at(order.track_id).falls, state.t_s, state.Position()});
  }
  return orders;
}

void Picture::Finish(double t_s) { battle_manager_.Finish(t_s); }

std::vector<const DecisionRecord*> FinalDecisions(const std::vector<DecisionRecord>& decisions) {
  std::map<int, std::size_t> slot;  // track -> its index in `out`
  std::vector<const DecisionRecord*> out;
  for (const DecisionRecord& d : decisions) {
    const auto [it, first] = slot.emplace(d.track_id, out.size());
    if (first) out.push_back(&d);
    else out[it->second] = &d;
  }
  return out;
}

}  // namespace cupola

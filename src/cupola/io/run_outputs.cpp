#include "cupola/io/run_outputs.h"

#include <Eigen/Cholesky>
#include <cmath>
#include <cstdio>
#include <map>
#include <variant>

#include "cupola/core/error.h"
#include "cupola/core/version.h"
#include "cupola/io/csv.h"
#include "cupola/io/detections_csv.h"
#include "cupola/io/geo_json.h"
#include "cupola/io/replay_czml.h"
#include "cupola/io/report_data.h"
#include "cupola/io/report_html.h"
#include "cupola/io/track_outputs.h"

namespace cupola {

using json = nlohmann::ordered_json;

namespace {
// Text in the outputs is checked UTF-8 (the loader), but a file path from the
// command line need not be: such bytes become U+FFFD instead of an exception
// after the run.
std::string Dump(const json& j, int indent = -1) {
  return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

// Decisions against the truth: should a threat have been engaged (it came
// down in a defended area)?
json AssessmentSummaryJson(const TrackingResult& t) {
  // Each track's decision that stood; revisions are counted beside.
  int engage_should = 0, engage_should_not = 0, ignore_should = 0, ignore_should_not = 0, no_truth = 0;
  for (const DecisionRecord* d : FinalDecisions(t.decisions)) {
    if (d->truth_id < 0) {
      ++no_truth;
      continue;
    }
    if (d->engage) (d->should_engage ? engage_should : engage_should_not) += 1;
    else (d->should_engage ? ignore_should : ignore_should_not) += 1;
  }
  int cancelled = 0, taken_up = 0;
  for (const DecisionRecord& d : t.decisions)
    if (d.revises) (d.engage ? taken_up : cancelled) += 1;
  json zones = json::array();
  for (const auto& z : t.zone_scores)
    zones.push_back({{"name", z.name}, {"alerts", z.alerts}, {"true_alerts", z.true_alerts},
                     {"false_alarms", z.false_alarms}, {"impacts", z.impacts}, {"intercepted", z.intercepted},
                     {"missed_alerts", z.missed},
                     {"min_warning_s", RoundTo(z.min_warning_s, 1e-3)}, {"mean_warning_s", RoundTo(z.mean_warning_s, 1e-3)},
                     {"people_minutes_alerted", RoundTo(z.people_minutes, 1e-2)}});
  return {{"impact_predictions", t.assessments.size()},
          {"decisions", t.decisions.size()},
          {"revised", {{"engagements_cancelled", cancelled}, {"engagements_taken_up", taken_up}}},
          {"alert_zones", zones},
          {"confusion", {{"engaged_and_should", engage_should},
                         {"engaged_but_open_ground", engage_should_not},
                         {"ignored_but_hit_area", ignore_should},
                         {"ignored_and_open_ground", ignore_should_not},
                         {"no_threat_under_track", no_truth}}}};
}

// What the battle manager did: interceptors by battery, shots per threat,
// and the planned kill probability of each threat fired at.
json EngagementSummaryJson(const World& world, const TrackingResult& t) {
  if (world.batteries().empty()) return nullptr;
  json batteries = json::array();
  for (std::size_t b = 0; b < world.batteries().size(); ++b) {
    int fired = 0;
    double cost = 0.0;
    long long refreshes = 0, lost = 0;
    for (const auto& f : t.fire_orders)
      if (f.order.battery == static_cast<int>(b)) ++fired, cost += f.order.cost_usd;
    for (const auto& i : t.interceptors)
      if (i.order.battery == static_cast<int>(b)) refreshes += i.uplink_refreshes, lost += i.uplink_lost;
    batteries.push_back({{"name", world.batteries()[b].name}, {"interceptors_fired", fired}, {"cost_usd", cost},
                         {"uplink_refreshes", refreshes}, {"uplink_refreshes_lost", lost}});
  }
  std::map<int, double> survive;  // track -> prod (1 - pk)
  int salvo_shots = 0;
  for (const auto& f : t.fire_orders) {
    auto [it, fresh] = survive.emplace(f.order.track_id, 1.0);
    it->second *= 1.0 - f.order.pk;
    salvo_shots += f.order.salvo;
  }
  double expected_kills = 0.0;
  for (const auto& [track, q] : survive) expected_kills += 1.0 - q;
  int holds = 0, no_intercept = 0, survived = 0, presumed_killed = 0;
  for (const auto& n : t.engagement_notes) {
    holds += n.kind == EngagementNote::Kind::kHoldFire;
    no_intercept += n.kind == EngagementNote::Kind::kNoIntercept;
    survived += n.kind == EngagementNote::Kind::kSurvived;
    presumed_killed += n.kind == EngagementNote::Kind::kPresumedKilled;
  }
  return {{"interceptors_fired", t.fire_orders.size()},
          {"threats_fired_at", survive.size()},
          {"salvo_shots", salvo_shots},
          {"planned_kills", RoundTo(expected_kills, 1e-4)},
          {"hold_fire", holds},
          {"no_intercept", no_intercept},
          {"survivors_assessed", survived},
          {"presumed_killed", presumed_killed},
          {"batteries", batteries}};
}

// Fates of the threats and the money spent: the closed loop's result.
json DefenceJson(const DefenceOutcome& d) {
  const ThreatFates& f = d.fates;
  // A ratio of nothing is not 0: a defence that fired nothing has no
  // cost-exchange ratio, and one that killed nothing no cost per kill (null).
  const bool fired = d.interceptors_fired > 0;
  const auto per_kill = [&](double x) { return f.intercepted > 0 ? json(x) : json(nullptr); };
  json by_type = json::object();
  for (const auto& t : d.by_type)
    by_type[t.type] = {{"launched", t.launched}, {"engaged", t.engaged}, {"intercepted", t.intercepted},
                       {"leaked", t.leaked},
                       {"intercepted_of_engaged", t.engaged > 0 ? json(RoundTo(double(t.intercepted) / t.engaged, 1e-4)) : json(nullptr)}};
  json out = {{"fates", {{"intercepted", f.intercepted}, {"leaked_engaged", f.leaked_engaged},
                     {"leaked_ignored", f.leaked_ignored}, {"ignored_open_ground", f.ignored_open_ground},
                     {"engaged_open_ground", f.engaged_open_ground}, {"airborne_at_end", f.airborne_at_end},
                     {"launch_failure", f.launch_failures}, {"dud", f.duds},
                     {"no_warhead", f.no_warhead}}},
          {"by_threat_type", by_type},
          {"interceptors_fired", d.interceptors_fired},
          {"interceptors_detonated", d.interceptors_detonated},
          {"interceptors_met", d.interceptors_met},
          {"achieved_pk", d.interceptors_met > 0 ? json(RoundTo(d.achieved_pk, 1e-4)) : json(nullptr)},
          {"planned_pk", d.interceptors_met > 0 ? json(RoundTo(d.planned_pk, 1e-4)) : json(nullptr)},
          {"interceptors_per_kill", per_kill(RoundTo(d.interceptors_per_kill, 1e-4))},
          {"defence_cost_usd", d.defence_cost_usd},
          {"attack_cost_usd", d.attack_cost_usd},
          {"cost_per_intercept_usd", per_kill(RoundTo(d.cost_per_intercept_usd, 1e-2))},
          {"cost_exchange_ratio", fired ? json(RoundTo(d.cost_exchange_ratio, 1e-4)) : json(nullptr)}};
  // Layers, only when a battery fires guns (missile-only runs keep their summary as it was).
  if (!d.layers.empty()) {
    json layers = json::object();
    for (const LayerOutcome& l : d.layers)
      layers[l.effector] = {{"engagements", l.engagements}, {"shots", l.shots}, {"kills", l.kills},
                            {"cost_usd", l.cost_usd},
                            {"cost_exchange_ratio", l.shots > 0 ? json(RoundTo(l.cost_exchange_ratio, 1e-4)) : json(nullptr)}};
    out["by_effector"] = layers;
  }
  return out;
}

json TrackingSummaryJson(const ReplicationResult& result) {
  if (!result.tracking) return nullptr;
  const TrackingResult& t = *result.tracking;
  const TrackScore& s = t.score;
  return {{"scans", t.scans.size()},
          {"detections", t.detections},
          {"false_alarms", t.false_alarms},
          {"tracks_confirmed", t.tracks_confirmed},
          {"position_rmse_m", RoundTo(s.position_rmse_m, 1e-3)},
          {"velocity_rmse_mps", RoundTo(s.velocity_rmse_mps, 1e-3)},
          {"coverage", RoundTo(s.coverage, 1e-4)},
          {"track_breaks", s.track_breaks},
          {"identity_switches", s.identity_switches},
          {"false_track_scans", s.false_track_scans},
          {"mean_gospa_m", RoundTo(s.mean_gospa_m, 1e-3)},
          {"assessment", AssessmentSummaryJson(t)}};
}
// What crossed each link, and what each picture received (null without radars).
json NetworkSummaryJson(const World& world, const ReplicationResult& result) {
  if (!result.tracking) return nullptr;
  const TrackingResult& t = *result.tracking;
  json links = json::array();
  for (std::size_t l = 0; l < t.links.size(); ++l) {
    const LinkCounts& c = t.links[l];
    const LinkSpec& spec = world.network().links()[l];
    links.push_back({{"name", c.name}, {"from", spec.from}, {"to", spec.to}, {"messages_sent", c.sent},
                     {"delivered", c.delivered}, {"lost", c.lost}, {"lost_in_outage", c.lost_in_outage},
                     {"kbit_sent", RoundTo(c.bits_sent / 1000.0, 1e-3)},
                     {"queue_mean_s", RoundTo(c.sent > c.lost_in_outage ? c.queued_s_total / static_cast<double>(c.sent - c.lost_in_outage) : 0.0, 1e-6)},
                     {"queue_max_s", RoundTo(c.queued_s_max, 1e-6)}});
  }
  json pictures = json::array();
  for (const PictureSummary& p : t.pictures)
    pictures.push_back({{"batteries", p.batteries}, {"reports_received", p.reports_received},
                        {"late_reports_discarded", p.late_reports}});
  return {{"ideal", world.network().ideal()}, {"links", links}, {"pictures", pictures}};
}
}  // namespace

nlohmann::ordered_json SummaryJson(const World& world, const ReplicationResult& result, const RunSummary& summary,
                                   const RunProvenance& provenance) {
  const ScenarioSpec& spec = world.spec();
  json areas = json::array();
  for (const auto& a : summary.areas)
    areas.push_back({{"name", a.name}, {"value", a.value}, {"threats_aimed", a.aimed}, {"impacts", a.impacts}});
  json by_type = json::object();
  for (const auto& t : result.threats) {
    const std::string& type = world.salvos()[t.salvo].type->name;
    auto& entry = by_type[type];
    if (entry.is_null())
      entry = {{"launched", 0}, {"impacts_in_defended_areas", 0}, {"impacts_in_open_ground", 0}, {"duds", 0},
               {"no_warhead_impacts", 0},
               {"launch_failures", 0}, {"motor_failures", 0}, {"fell_short", 0}};
    const auto add = [&](const char* key) { entry[key] = entry[key].get<int>() + 1; };
    add("launched");
    if (t.failure == ThreatFailure::kLaunch) add("launch_failures");
    if (t.failure == ThreatFailure::kMotor) add("motor_failures");
    if (FellShort(t)) add("fell_short");
    if (t.NoWarheadImpact()) add("no_warhead_impacts");
    else if (t.DudImpact()) add("duds");
    else if (t.impacted) add(t.impact_area >= 0 ? "impacts_in_defended_areas" : "impacts_in_open_ground");
  }
  return {
      {"cupola_version", Version()},
      {"scenario", {{"name", spec.name}, {"file", spec.source_file}, {"duration_s", spec.duration_s},
                    {"origin", {{"lat_deg", spec.origin.lat_deg}, {"lon_deg", spec.origin.lon_deg}, {"alt_m", spec.origin.alt_m}}}}},
      // Seeds as strings: JSON readers round integers above 2^53.
      {"seed", std::to_string(spec.seed)},
      {"replication_seed", std::to_string(result.seed)},
      {"threats", summary.threats},
      {"impacts", summary.impacts},
      {"impacts_in_defended_areas", summary.hits},
      {"impacts_in_open_ground", summary.open_ground},
      {"duds", summary.duds},
      {"no_warhead_impacts", summary.no_warhead},
      {"launch_failures", summary.launch_failures},
      {"motor_failures", summary.motor_failures},
      {"fell_short", summary.fell_short},
      {"intercepted", summary.intercepted},
      {"airborne_at_end", summary.airborne_at_end},
      {"aim_out_of_range", summary.aim_out_of_range},
      {"defended_areas", areas},
      {"by_threat_type", by_type},
      {"tracking", TrackingSummaryJson(result)},
      {"engagement", result.tracking ? EngagementSummaryJson(world, *result.tracking) : json(nullptr)},
      {"defence", summary.defence ? DefenceJson(*summary.defence) : json(nullptr)},
      {"network", NetworkSummaryJson(world, result)},
      {"provenance", ProvenanceJson(provenance, spec.seed)},
  };
}

nlohmann::ordered_json EventJson(const World& world, const Event& e) {
  json j = {{"t_s", RoundTo(e.t_s, 1e-6)}, {"type", ToString(e.type)}};
  if (e.threat_id >= 0) j["threat_id"] = e.threat_id;
  if (e.track_id >= 0) j["track_id"] = e.track_id;
  j["position"] = LatLonAltJson(world, e.p_W);
  if (!e.area.empty()) j["area"] = e.area;
  if (e.reason != Reason::kNone) {
    j["reason"] = std::string(Code(e.reason));
    j["reason_text"] = std::string(Text(e.reason));
  }
  // The event's own values, as JSON numbers, booleans and strings.
  for (const EventValue& v : e.values) {
    const std::string key(v.key);
    CUPOLA_CHECK(!j.contains(key), "event value key " + key + " is already taken");
    std::visit([&](const auto& x) { j[key] = x; }, v.value);
  }
  if (!e.detail.empty()) j["detail"] = e.detail;
  return j;
}

std::string EventsJsonLines(const World& world, const ReplicationResult& result) {
  std::string out;
  for (const auto& e : result.events) out += Dump(EventJson(world, e)) + "\n";
  return out;
}

std::string TrajectoriesCsv(const World& world, const ReplicationResult& result) {
  std::string out = "threat_id,type,t_s,east_m,north_m,up_m,lat_deg,lon_deg,alt_m,speed_mps\n";
  std::vector<std::string> type_fields;  // per salvo, quoted once
  for (const auto& salvo : world.salvos()) type_fields.push_back(CsvField(salvo.type->name));
  char line[256];
  for (const auto& s : result.trajectories) {
    const GeodeticPoint g = world.frame().ToGeodetic(s.p_W);
    std::snprintf(line, sizeof(line), ",%.3f,%.2f,%.2f,%.2f,%.7f,%.7f,%.2f,%.2f\n", s.t_s, s.p_W.x(), s.p_W.y(),
                  s.p_W.z(), g.lat_deg, g.lon_deg, g.alt_m, s.v_W.norm());
    out += std::to_string(s.threat_id);
    out += ',';
    out += type_fields[result.threats[s.threat_id].salvo];
    out += line;
  }
  return out;
}

nlohmann::ordered_json ImpactsGeoJson(const World& world, const ReplicationResult& result) {
  json features = json::array();
  for (const auto& area : world.areas()) {
    features.push_back({{"type", "Feature"},
                        {"geometry", {{"type", "Polygon"}, {"coordinates", json::array({GeoJsonRing(world, area.polygon)})}}},
                        {"properties", {{"kind", "defended_area"}, {"name", area.name}, {"value", area.value}}}});
  }
  for (const auto& t : result.threats) {
    if (!t.impacted) continue;
    const GeodeticPoint g = world.frame().ToGeodetic(t.p_end_W);
    const SalvoModel& salvo = world.salvos()[t.salvo];
    features.push_back(
        {{"type", "Feature"},
         {"geometry", {{"type", "Point"}, {"coordinates", {RoundTo(g.lon_deg, 1e-7), RoundTo(g.lat_deg, 1e-7)}}}},
         {"properties",
          {{"kind", "impact"}, {"threat_id", t.id}, {"threat_type", salvo.type->name}, {"salvo", salvo.spec->name},
           {"t_s", RoundTo(t.end_t_s, 1e-3)},
           {"area", t.impact_area >= 0 ? json(world.areas()[t.impact_area].name) : json(nullptr)},
           {"dud", t.warhead_dud},
           {"impact_speed_mps", RoundTo(t.v_end_W.norm(), 1e-2)}}}});
  }
  return {{"type", "FeatureCollection"}, {"features", features}};
}

// Predictions are kept within the scenario's extent plus a quarter of its
// diagonal, and at least this margin.
constexpr double kPredictionMarginMinM = 20000.0;

nlohmann::ordered_json PredictionsGeoJson(const World& world, const ReplicationResult& result, int max_per_track) {
  json features = json::array();
  if (result.tracking) {
    // A prediction far outside the scenario means nothing (a drone's straight
    // line run on to the predictor's horizon, hundreds of km away) and would
    // make a GIS's "zoom to layer" show a continent.
    Eigen::AlignedBox2d meaningful = world.extent_EN();
    const double margin_m = std::max(kPredictionMarginMinM, 0.25 * meaningful.diagonal().norm());
    meaningful.extend(meaningful.min() - Eigen::Vector2d::Constant(margin_m));
    meaningful.extend(meaningful.max() + Eigen::Vector2d::Constant(margin_m));
    std::map<int, int> count, seen;  // per track: predictions, and those passed so far
    if (max_per_track > 0)
      for (const ThreatAssessment& a : result.tracking->assessments)
        if (meaningful.contains(a.prediction.mean_EN)) ++count[a.track_id];
    for (const ThreatAssessment& a : result.tracking->assessments) {
      if (!meaningful.contains(a.prediction.mean_EN)) continue;
      if (max_per_track > 0) {
        // Keep the i-th of n when it is the last of its stretch: floor(i k / n) < floor((i + 1) k / n).
        const int i = seen[a.track_id]++, n = count[a.track_id];
        if ((i * max_per_track) / n == ((i + 1) * max_per_track) / n) continue;
      }
      // The 2-sigma ellipse of the predicted impact: m + 2 L (cos t, sin t).
      const Eigen::Matrix2d L =
          Eigen::LLT<Eigen::Matrix2d>(a.prediction.cov_EN + 1e-6 * Eigen::Matrix2d::Identity()).matrixL();
      json ring = json::array();
      for (int k = 0; k <= 24; ++k) {
        const double angle = 2.0 * 3.14159265358979323846 * (k % 24) / 24.0;
        const Eigen::Vector2d p = a.prediction.mean_EN + 2.0 * L * Eigen::Vector2d(std::cos(angle), std::sin(angle));
        const GeodeticPoint g = world.frame().ToGeodetic(Eigen::Vector3d(p.x(), p.y(), 0.0));
        ring.push_back({RoundTo(g.lon_deg, 1e-7), RoundTo(g.lat_deg, 1e-7)});
      }
      features.push_back({{"type", "Feature"},
                          {"geometry", {{"type", "Polygon"}, {"coordinates", json::array({ring})}}},
                          {"properties",
                           {{"kind", "predicted_impact_2sigma"}, {"track_id", a.track_id}, {"t_s", RoundTo(a.t_s, 1e-3)},
                            {"t_impact_s", RoundTo(a.prediction.t_impact_s, 1e-3)},
                            {"p_defended_area", RoundTo(a.p_any, 1e-4)},
                            {"value_at_risk", RoundTo(a.value_at_risk, 1e-3)}}}});
    }
  }
  return {{"type", "FeatureCollection"}, {"features", features}};
}

std::string WriteRunOutputs(RunFolder& folder, const World& world, const ReplicationResult& result,
                            const RunSummary& summary, const OutputOptions& options) {
  const json summary_json = SummaryJson(world, result, summary, options.provenance);
  std::string summary_text = Dump(summary_json, 2) + "\n";
  const json report_data = ReportDataJson(world, result, summary_json);
  // Each file is rendered just before it is written, so that at most one big
  // text is held at a time; a failure leaves the staging folder, which the
  // RunFolder removes, and the previous set untouched.
  const TrackingResult* tracking = result.tracking ? &*result.tracking : nullptr;
  const bool predictions = tracking && !tracking->assessments.empty();
  const std::size_t total = 5 + !options.report_template.empty() +
                            (tracking ? 2 + options.export_detections + predictions : 0);
  std::size_t done = 0;
  auto write = [&](const std::string& name, const std::string& text) {
    folder.Write(name, text);
    if (options.on_file) options.on_file(++done, total);
  };
  if (tracking) {
    write("tracks.csv", TracksCsv(world.frame(), tracking->reports));
    write("tracks.jsonl", TracksJsonLines(world.frame(), tracking->reports));
    if (options.export_detections) write("detections.csv", DetectionsCsv({world.spec().radars, tracking->scans}));
    if (predictions) write("predictions.geojson", Dump(PredictionsGeoJson(world, result)) + "\n");
  }
  write("events.jsonl", EventsJsonLines(world, result));
  write("trajectories.csv", TrajectoriesCsv(world, result));
  write("impacts.geojson", Dump(ImpactsGeoJson(world, result), 1) + "\n");
  write("replay.czml", Dump(ReplayCzml(report_data)) + "\n");
  if (!options.report_template.empty()) write("report.html", ReportHtml(options.report_template, report_data));
  write("summary.json", summary_text);
  return summary_text;
}

void WriteRunOutputs(const std::string& directory, const World& world, const ReplicationResult& result,
                     const RunSummary& summary, const OutputOptions& options) {
  RunFolder folder(directory);
  WriteRunOutputs(folder, world, result, summary, options);
  folder.Commit();
}

}  // namespace cupola

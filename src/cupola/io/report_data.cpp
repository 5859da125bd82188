#include "cupola/io/report_data.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <set>

#include "cupola/core/units.h"
#include "cupola/io/geo_json.h"
#include "cupola/io/run_outputs.h"

namespace cupola {

using json = nlohmann::ordered_json;

namespace {

// Predicted-impact ellipses per track in the report: the newest of each of
// up to 8 stretches of its life, and at most about 3,000 in all (a raid's
// every prediction would be 90 % of its report; the page draws 1,500).
constexpr int kPredictionsPerTrack = 8;
constexpr int kPredictionsInAll = 3000;

int PredictionsPerTrack(const ReplicationResult& result) {
  if (!result.tracking) return kPredictionsPerTrack;
  std::set<int> tracks;
  for (const auto& a : result.tracking->assessments) tracks.insert(a.track_id);
  if (tracks.empty()) return kPredictionsPerTrack;
  return std::clamp(kPredictionsInAll / static_cast<int>(tracks.size()), 1, kPredictionsPerTrack);
}

// Points of every path together stay below this, so a 1,000-threat raid
// still opens quickly in a browser; paths keep their first and last point.
constexpr std::size_t kMaxPathPoints = 60000;

json PathPoint(const World& world, double t_s, const Eigen::Vector3d& p_W) {
  const GeodeticPoint g = world.frame().ToGeodetic(p_W);
  return {RoundTo(t_s, 1e-3), RoundTo(g.lon_deg, 1e-7), RoundTo(g.lat_deg, 1e-7), RoundTo(g.alt_m, 1e-1)};
}

// Every `stride`-th point of [first, last), and the last one.
template <typename Point, typename Emit>
void Thinned(const std::vector<Point>& points, std::size_t first, std::size_t last, std::size_t stride, Emit emit) {
  for (std::size_t k = first; k < last; k += stride) emit(points[k]);
  if (last > first && (last - 1 - first) % stride != 0) emit(points[last - 1]);
}

// When the defence first went for each threat: its first engage decision or
// fire order (the same two that make a threat "engaged" in ClassifyThreats).
std::vector<double> EngagedAt(const ReplicationResult& result) {
  std::vector<double> at(result.threats.size(), std::numeric_limits<double>::infinity());
  if (!result.tracking) return at;
  const auto first = [&](int id, double t_s) {
    if (id >= 0 && id < static_cast<int>(at.size())) at[id] = std::min(at[id], t_s);
  };
  for (const auto& d : result.tracking->decisions)
    if (d.engage) first(d.truth_id, d.t_s);
  for (const auto& f : result.tracking->fire_orders) first(f.truth_id, f.order.t_s);
  return at;
}

json ThreatsJson(const World& world, const ReplicationResult& result) {
  const std::vector<ThreatFateOf> fates = ClassifyThreats(world, result);
  const std::vector<double> engaged_at = EngagedAt(result);
  const std::size_t stride = std::max<std::size_t>(1, (result.trajectories.size() + kMaxPathPoints - 1) / kMaxPathPoints);
  json threats = json::array();
  std::size_t next = 0;  // trajectories are by threat id, then time
  for (const ThreatOutcome& o : result.threats) {
    json path = json::array();
    std::size_t end = next;
    while (end < result.trajectories.size() && result.trajectories[end].threat_id == o.id) ++end;
    if (end > next) {
      Thinned(result.trajectories, next, end, stride,
              [&](const TrajectorySample& s) { path.push_back(PathPoint(world, s.t_s, s.p_W)); });
    } else {  // trajectories not recorded (--no-trajectories): sampled from the truth, as they would have been
      std::vector<TrajectorySample> samples;
      SampleTrajectory(result.truth[o.id], world.spec().physics.trajectory_sample_s, samples);
      Thinned(samples, 0, samples.size(), stride,
              [&](const TrajectorySample& s) { path.push_back(PathPoint(world, s.t_s, s.p_W)); });
    }
    next = end;
    const int area = o.impact_area;
    threats.push_back({{"id", o.id},
                       {"type", world.salvos()[o.salvo].type->name},
                       {"salvo", o.salvo},
                       {"fate", ReportFateName(fates[o.id].fate)},
                       {"engaged", fates[o.id].engaged},
                       {"engaged_t_s", fates[o.id].engaged ? json(RoundTo(engaged_at[o.id], 1e-3)) : json(nullptr)},
                       {"launch_t_s", RoundTo(o.launch_t_s, 1e-3)},
                       {"end_t_s", RoundTo(o.end_t_s, 1e-3)},
                       {"area", area >= 0 ? json(world.areas()[area].name) : json(nullptr)},
                       {"path", std::move(path)}});
  }
  return threats;
}

json InterceptorsJson(const World& world, const ReplicationResult& result) {
  json interceptors = json::array();
  if (!result.tracking) return interceptors;
  int id = 0;
  for (const InterceptorRecord& r : result.tracking->interceptors) {
    json path = json::array();
    for (const auto& p : r.path) path.push_back(PathPoint(world, p.t_s, p.p_W));
    const bool done = r.phase == InterceptorPhase::kDetonated || r.phase == InterceptorPhase::kMissed;
    const InterceptorPathPoint& last = r.path.back();
    const GeodeticPoint g = world.frame().ToGeodetic(last.p_W);
    interceptors.push_back({{"id", id++},
                            {"battery", world.batteries()[r.order.battery].name},
                            {"track_id", r.order.track_id},
                            {"threat_id", r.target_id >= 0 ? json(r.target_id) : json(nullptr)},
                            {"result", InterceptorResultName(r)},
                            {"launch_t_s", RoundTo(r.path.front().t_s, 1e-3)},
                            {"end_t_s", RoundTo(last.t_s, 1e-3)},
                            {"miss_m", done ? json(RoundTo(r.outcome.miss_m, 1e-2)) : json(nullptr)},
                            {"end", {RoundTo(g.lon_deg, 1e-7), RoundTo(g.lat_deg, 1e-7), RoundTo(g.alt_m, 1e-1)}},
                            {"path", std::move(path)}});
  }
  return interceptors;
}

// A circle of `radius_m` around `centre` on the ground of W, anticlockwise
// (GeoJSON's exterior rings), or clockwise for a hole.
Polygon GroundCircle(const Eigen::Vector2d& centre, double radius_m, bool clockwise = false) {
  constexpr int kSides = 96;
  Polygon circle;
  for (int k = 0; k < kSides; ++k) {
    const double a = 2.0 * kPi * (clockwise ? kSides - k : k) / kSides;
    circle.vertices_EN.push_back(centre + radius_m * Eigen::Vector2d(std::cos(a), std::sin(a)));
  }
  return circle;
}

json InterceptorStockJson(const World& world, const ReplicationResult& result) {
  json batteries = json::array();
  for (std::size_t b = 0; b < world.batteries().size(); ++b) {
    // Each launcher as the battle manager keeps it (engagement/battle_manager.cpp):
    // one interceptor less per fire order; once empty, full again reload_s later.
    const std::vector<LauncherModel>& launchers = world.batteries()[b].launchers;
    std::vector<int> loaded;
    std::vector<double> reloaded_t_s(launchers.size(), std::numeric_limits<double>::infinity());
    int total = 0;
    for (const auto& l : launchers) loaded.push_back(l.capacity), total += l.capacity;
    const int initial = total;
    json stock = json::array({json::array({0.0, total})});
    // Reloads done by t_s, in time order.
    const auto reload_until = [&](double t_s) {
      for (;;) {
        const auto next = std::min_element(reloaded_t_s.begin(), reloaded_t_s.end());
        if (next == reloaded_t_s.end() || *next > t_s) return;
        const std::size_t l = next - reloaded_t_s.begin();
        total += launchers[l].capacity - loaded[l];
        loaded[l] = launchers[l].capacity;
        stock.push_back({RoundTo(*next, 1e-3), total});
        *next = std::numeric_limits<double>::infinity();
      }
    };
    if (result.tracking) {
      for (const FireRecord& f : result.tracking->fire_orders) {
        if (f.order.battery != static_cast<int>(b)) continue;
        reload_until(f.order.t_s);
        const int l = f.order.launcher;
        if (loaded[l] == 0) continue;  // never happens: the battle manager fires only loaded launchers
        --loaded[l], --total;
        stock.push_back({RoundTo(f.order.t_s, 1e-3), total});
        if (loaded[l] == 0) reloaded_t_s[l] = f.order.t_s + launchers[l].reload_s;
      }
    }
    reload_until(world.spec().duration_s);
    batteries.push_back({{"name", world.batteries()[b].name},
                         {"launchers", launchers.size()},
                         {"initial", initial},
                         {"stock", std::move(stock)}});
  }
  return batteries;
}

}  // namespace

const char* ReportFateName(ThreatFate fate) {
  // The report shows one "leaked", engaged or not; the rest by their codes.
  if (fate == ThreatFate::kLeakedEngaged || fate == ThreatFate::kLeakedIgnored) return "leaked";
  return ToString(fate);
}

const char* InterceptorResultName(const InterceptorRecord& record) {
  if (record.phase == InterceptorPhase::kDetonated) return record.killed ? "kill" : "detonated_no_kill";
  if (record.phase == InterceptorPhase::kMissed) return "miss";
  return "flying";
}

json ScenarioGeometryGeoJson(const World& world) {
  json features = json::array();
  const auto point = [&](const Eigen::Vector3d& p_W) { return json{{"type", "Point"}, {"coordinates", LonLatJson(world, p_W)}}; };
  const auto polygon = [&](const Polygon& p) {
    return json{{"type", "Polygon"}, {"coordinates", json::array({GeoJsonRing(world, p)})}};
  };
  for (const auto& a : world.areas())
    features.push_back(GeoJsonFeature(polygon(a.polygon), {{"kind", "defended_area"}, {"name", a.name}, {"value", a.value}}));
  for (const auto& z : world.alert_zones())
    features.push_back(GeoJsonFeature(polygon(z.polygon), {{"kind", "alert_zone"}, {"name", z.name}}));
  for (std::size_t s = 0; s < world.salvos().size(); ++s) {
    const SalvoModel& salvo = world.salvos()[s];
    features.push_back(GeoJsonFeature(point(salvo.p_launch_W), {{"kind", "launch_site"}, {"salvo", s},
                                                                 {"name", salvo.spec->name},
                                                                 {"threat_type", salvo.type->name}}));
  }
  for (const auto& b : world.batteries()) {
    Eigen::Vector3d centre = Eigen::Vector3d::Zero();
    for (const auto& l : b.launchers) centre += l.p_W / static_cast<double>(b.launchers.size());
    features.push_back(GeoJsonFeature(point(centre), {{"kind", "battery"}, {"name", b.name},
                                                      {"launchers", b.launchers.size()}}));
  }
  for (const auto& r : world.radars())
    features.push_back(GeoJsonFeature(point(r.p_WR), {{"kind", "radar"}, {"name", r.name},
                                                      {"max_range_m", r.spec.max_range_m}}));
  return {{"type", "FeatureCollection"}, {"features", features}};
}

json CoverageGeoJson(const World& world) {
  json features = json::array();
  for (const auto& r : world.radars()) {
    const RadarSpec& spec = r.spec;
    const Eigen::Vector2d site = r.p_WR.head<2>();
    Polygon outline;
    if (spec.azimuth_width_rad >= 2.0 * kPi - 1e-9) {
      outline = GroundCircle(site, spec.max_range_m);
    } else {  // the sector: the site, then the arc anticlockwise (azimuth falling), clockwise from north in R
      outline.vertices_EN.push_back(site);
      const int steps = std::max(2, static_cast<int>(std::ceil(spec.azimuth_width_rad / (kPi / 48.0))));
      for (int k = 0; k <= steps; ++k) {
        const double az = spec.azimuth_center_rad + spec.azimuth_width_rad * (0.5 - static_cast<double>(k) / steps);
        const Eigen::Vector3d d_W = r.R_WR * Eigen::Vector3d(std::sin(az), std::cos(az), 0.0);
        outline.vertices_EN.push_back(site + spec.max_range_m * d_W.head<2>().normalized());
      }
    }
    features.push_back(GeoJsonFeature(
        {{"type", "Polygon"}, {"coordinates", json::array({GeoJsonRing(world, outline)})}},
        {{"kind", "radar_coverage"}, {"name", r.name}, {"max_range_m", spec.max_range_m},
         {"azimuth_center_deg", RoundTo(spec.azimuth_center_rad * kRadToDeg, 1e-3)},
         {"azimuth_width_deg", RoundTo(spec.azimuth_width_rad * kRadToDeg, 1e-3)}}));
  }
  for (const auto& b : world.batteries()) {
    Eigen::Vector2d centre = Eigen::Vector2d::Zero();
    for (const auto& l : b.launchers) centre += l.p_W.head<2>() / static_cast<double>(b.launchers.size());
    json rings = json::array({GeoJsonRing(world, GroundCircle(centre, b.envelope.max_range_m))});
    if (b.envelope.min_range_m > 0.0) rings.push_back(GeoJsonRing(world, GroundCircle(centre, b.envelope.min_range_m, true)));
    features.push_back(GeoJsonFeature({{"type", "Polygon"}, {"coordinates", std::move(rings)}},
                                      {{"kind", "battery_range"}, {"name", b.name},
                                       {"min_range_m", b.envelope.min_range_m}, {"max_range_m", b.envelope.max_range_m}}));
  }
  return {{"type", "FeatureCollection"}, {"features", features}};
}

json ReportDataJson(const World& world, const ReplicationResult& result, const json& summary_json) {
  const ScenarioSpec& spec = world.spec();
  json events = json::array();
  for (const auto& e : result.events) events.push_back(EventJson(world, e));
  return {{"format", "cupola-report-data"},
          {"version", 1},
          {"cupola_version", summary_json.value("cupola_version", "")},
          {"scenario", {{"name", spec.name}, {"file", spec.source_file}, {"duration_s", spec.duration_s},
                        {"seed", std::to_string(spec.seed)},  // a string, as in summary.json
                        {"origin", {{"lat_deg", spec.origin.lat_deg}, {"lon_deg", spec.origin.lon_deg},
                                    {"alt_m", spec.origin.alt_m}}}}},
          {"summary", summary_json},
          {"geometry", ScenarioGeometryGeoJson(world)},
          {"threats", ThreatsJson(world, result)},
          {"interceptors", InterceptorsJson(world, result)},
          {"coverage", CoverageGeoJson(world)},
          {"batteries", InterceptorStockJson(world, result)},
          {"predictions", PredictionsGeoJson(world, result, PredictionsPerTrack(result))},
          {"events", std::move(events)}};
}

}  // namespace cupola

#include "cupola/scenario/loader.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <set>

#include "cupola/core/input_file.h"
#include "cupola/core/text.h"
#include "cupola/core/units.h"
#include "cupola/geo/polygon.h"
#include "cupola/scenario/limits.h"
#include "cupola/scenario/presets.h"
#include "cupola/scenario/work_budget.h"
#include "cupola/scenario/yaml_reader.h"

namespace cupola {

namespace {

std::string Indexed(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// Degrees of an angle limit, rounded to 1e-9 deg so that a limit given as
// 60 deg accepts 60 after its round trip through radians.
double LimitDeg(double rad) { return std::round(RadToDeg(rad) * 1e9) / 1e9; }

GeodeticPoint ReadGeodetic(const MapReader& parent, const std::string& key, bool with_altitude) {
  const MapReader r = parent.Map(key, with_altitude ? std::vector<std::string>{"lat_deg", "lon_deg", "alt_m"}
                                                    : std::vector<std::string>{"lat_deg", "lon_deg"});
  GeodeticPoint g;
  g.lat_deg = r.Number("lat_deg", Bounds::Closed(-90, 90));
  g.lon_deg = r.Number("lon_deg", Bounds::Closed(-180, 180));
  if (with_altitude) g.alt_m = r.Number("alt_m", Bounds::Closed(-500, 9000), 0.0);
  return g;
}

GeodeticPoint ReadLatLonPair(const YAML::Node& node, const std::string& path, const std::string& file) {
  if (!node.IsSequence() || node.size() != 2)
    throw InputError(LocationOf(node, file), path,
                     node.IsSequence() ? "a list of " + std::to_string(node.size()) + " numbers" : Describe(node),
                     "a [lat_deg, lon_deg] pair");
  GeodeticPoint g;
  g.lat_deg = ReadNumber(node[0], path + "[0]", file, Bounds::Closed(-90, 90));
  g.lon_deg = ReadNumber(node[1], path + "[1]", file, Bounds::Closed(-180, 180));
  return g;
}

// Polygons: at least three distinct vertices, non-zero area, no self-crossing.
// Checked in a local tangent plane at the first vertex.
std::vector<GeodeticPoint> ReadPolygon(const MapReader& r, const std::string& key) {
  const std::vector<YAML::Node> items = r.List(key, 3, kMaxPolygonVertices);
  std::vector<GeodeticPoint> vertices;
  for (std::size_t i = 0; i < items.size(); ++i)
    vertices.push_back(ReadLatLonPair(items[i], Indexed(r.PathOf(key), i), r.file()));
  // A closing vertex equal to the first is allowed (GeoJSON habit) and dropped.
  if (vertices.size() > 3 && vertices.front().lat_deg == vertices.back().lat_deg &&
      vertices.front().lon_deg == vertices.back().lon_deg)
    vertices.pop_back();
  const LocalFrame plane(vertices.front());
  Polygon polygon;
  for (const auto& v : vertices) polygon.vertices_EN.push_back(plane.ToLocal(v).head<2>());
  if (const auto crossing = polygon.FindSelfIntersection()) {
    r.Fail(key, "edges " + std::to_string(crossing->first) + " and " + std::to_string(crossing->second) + " cross",
           "a simple polygon (edges may not cross; list vertices in order around the boundary)");
  }
  if (vertices.size() < 3 || polygon.Area() < 1.0)
    r.Fail(key, "a polygon of area " + FormatNumber(std::round(polygon.Area())) + " m^2",
           "at least 3 distinct vertices enclosing an area of 1 m^2 or more");
  return vertices;
}

// Names listed in a message at most (a scenario may have 10,000 areas).
constexpr std::size_t kMaxNamesListed = 20;

// What a reference to a defended area expects: a close name, or some names.
std::string ExpectedAreaName(const std::string& name, const ScenarioSpec& spec) {
  std::vector<std::string> names;
  for (const auto& a : spec.defended_areas) names.push_back(a.name);
  return DidYouMeanPrefix(name, names) + "the name of a defended area" +
         (names.empty() ? std::string(" (none are defined)") : ": " + JoinAlternatives(names, ", ", kMaxNamesListed));
}

// cupola run writes to out/<name>: one plain path component, never "..",
// the same on every file system.
bool IsFolderChar(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-';
}
bool IsFolderName(const std::string& name) {
  return !name.empty() && name.size() <= kMaxNameChars && name[0] != '.' &&
         std::all_of(name.begin(), name.end(), IsFolderChar);
}

// A file stem made a folder name, for a scenario without `name`: other
// characters become '_', leading dots go, at most kMaxNameChars.
std::string FolderName(std::string stem) {
  for (char& c : stem)
    if (!IsFolderChar(c)) c = '_';
  stem.erase(0, stem.find_first_not_of('.'));
  stem.resize(std::min(stem.size(), kMaxNameChars));
  return stem.empty() ? "scenario" : stem;
}

void CheckUniqueName(std::set<std::string>& names, const YAML::Node& entry, const std::string& path,
                     const std::string& file, const std::string& name, const char* what) {
  if (names.insert(name).second) return;
  const YAML::Node key = entry["name"];
  throw InputError(LocationOf(key.IsDefined() ? key : entry, file), path + ".name", Quote(name) + " (used twice)",
                   std::string("a unique ") + what + " name");
}

PhysicsSpec ReadPhysics(const MapReader& root) {
  PhysicsSpec p;
  if (!root.Has("physics")) return p;
  const MapReader r = root.Map("physics", {"step_s", "boost_step_s", "drone_step_s", "trajectory_sample_s",
                                           "earth_rotation", "wind"});
  p.step_s = r.Number("step_s", {1e-4, 2.0, false, false}, p.step_s);
  p.boost_step_s = r.Number("boost_step_s", {1e-5, 0.5, false, false}, p.boost_step_s);
  p.drone_step_s = r.Number("drone_step_s", {1e-3, 5.0, false, false}, p.drone_step_s);
  p.trajectory_sample_s = r.Number("trajectory_sample_s", {0.01, 600.0, false, false}, p.trajectory_sample_s);
  p.earth_rotation = r.Bool("earth_rotation", p.earth_rotation);
  if (r.Has("wind")) {
    const MapReader w = r.Map("wind", {"speed_mps", "from_deg"});
    p.wind_speed_mps = w.Number("speed_mps", Bounds::Closed(0, 100));
    p.wind_from_rad = DegToRad(w.Number("from_deg", Bounds::Closed(0, 360)));
  }
  return p;
}

DragCurve ReadDrag(const MapReader& parent) {
  const MapReader r = parent.Map("drag", {"table", "shape", "form_factor"});
  const double form_factor = r.Number("form_factor", {0.0, 20.0, true, false}, 1.0);
  if (r.Has("table") == r.Has("shape"))
    r.Fail("table", r.Has("table") ? "both 'table' and 'shape'" : "neither 'table' nor 'shape'",
           "exactly one of 'table' (a list of [mach, cd]) or 'shape' (" + JoinAlternatives(StandardDragShapes()) + ")");
  if (r.Has("shape")) return StandardDragCurve(r.Choice("shape", StandardDragShapes()), form_factor);
  const std::vector<YAML::Node> rows = r.List("table", 2, kMaxDragRows);
  std::vector<std::pair<double, double>> points;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string path = Indexed(r.PathOf("table"), i);
    if (!rows[i].IsSequence() || rows[i].size() != 2)
      throw InputError(LocationOf(rows[i], r.file()), path, Describe(rows[i]), "a [mach, cd] pair");
    const double mach = ReadNumber(rows[i][0], path + "[0]", r.file(), Bounds::Closed(0, 20));
    const double cd = ReadNumber(rows[i][1], path + "[1]", r.file(), Bounds::Closed(0, 10));
    if (!points.empty() && mach <= points.back().first)
      throw InputError(LocationOf(rows[i][0], r.file()), path + "[0]", FormatNumber(mach),
                       "a Mach number greater than the previous row's " + FormatNumber(points.back().first));
    points.emplace_back(mach, cd);
  }
  return DragCurve(points, form_factor);
}

const std::vector<std::string> kBallisticKeys = {
    "name", "kind", "description", "source", "rcs_m2", "cost_usd", "mass_kg", "diameter_mm", "drag", "motor",
    "muzzle_velocity_mps", "rail_length_m", "min_elevation_deg", "max_elevation_deg", "best_elevation_deg",
    "high_angle", "published_max_range_km", "cruise_speed_mps", "cruise_height_m", "max_turn_rate_deg_s",
    "max_climb_rate_mps", "dive_angle_deg", "dive_speed_mps"};

ThreatType ReadThreatType(const YAML::Node& node, const std::string& path, const std::string& file) {
  const MapReader r(node, path, file, kBallisticKeys);
  ThreatType t;
  t.name = r.Name("name");
  const std::string kind = r.Choice("kind", {"rocket", "mortar", "drone"});
  t.kind = kind == "rocket" ? ThreatKind::kRocket : kind == "mortar" ? ThreatKind::kMortar : ThreatKind::kDrone;
  t.description = r.String("description", "user-defined " + kind);
  t.source = r.String("source", "scenario file " + file);
  t.rcs_m2 = r.Number("rcs_m2", {0.0, 1e4, true, false}, t.kind == ThreatKind::kDrone ? 0.1 : 0.05);
  t.cost_usd = r.Number("cost_usd", Bounds::NonNegative(), 0.0);
  const std::vector<std::string> drone_keys = {"cruise_speed_mps", "cruise_height_m", "max_turn_rate_deg_s",
                                               "max_climb_rate_mps", "dive_angle_deg", "dive_speed_mps"};
  const std::vector<std::string> ballistic_keys = {"diameter_mm", "drag", "motor", "muzzle_velocity_mps",
                                                   "rail_length_m", "min_elevation_deg", "max_elevation_deg",
                                                   "best_elevation_deg", "high_angle", "published_max_range_km"};
  auto forbid = [&](const std::vector<std::string>& keys, const std::string& why) {
    for (const auto& key : keys)
      if (r.Has(key)) r.Fail(key, "'" + key + "' on a " + kind, "no '" + key + "' (" + why + ")");
  };
  if (t.kind == ThreatKind::kDrone) {
    forbid(ballistic_keys, "it applies to rockets and mortars only");
    DroneParams& d = t.drone;
    d.mass_kg = r.Number("mass_kg", {0.0, 1e5, true, false});
    d.cruise_speed_mps = r.Number("cruise_speed_mps", {0.0, 400.0, true, false});
    d.cruise_height_m = r.Number("cruise_height_m", {10.0, 15000.0, false, false});
    d.max_turn_rate_radps = DegToRad(r.Number("max_turn_rate_deg_s", {0.0, 90.0, true, false}, 3.0));
    d.max_climb_rate_mps = r.Number("max_climb_rate_mps", {0.0, 100.0, true, false}, 5.0);
    d.dive_angle_rad = DegToRad(r.Number("dive_angle_deg", {0.0, 90.0, true, false}, 40.0));
    d.dive_speed_mps = r.Number("dive_speed_mps", {0.0, 500.0, true, false}, std::min(500.0, d.cruise_speed_mps * 1.3));
    return t;
  }
  forbid(drone_keys, "it applies to drones only");
  BallisticParams& b = t.ballistic;
  b.launch_mass_kg = r.Number("mass_kg", {0.0, 1e5, true, false});
  b.diameter_m = r.Number("diameter_mm", {1.0, 2000.0, false, false}) / 1000.0;
  b.drag = ReadDrag(r);
  b.high_angle = r.Bool("high_angle", t.kind == ThreatKind::kMortar);
  b.min_elevation_rad = DegToRad(r.Number("min_elevation_deg", Bounds::Closed(0, 89), b.high_angle ? 45.0 : 5.0));
  b.max_elevation_rad = DegToRad(r.Number("max_elevation_deg", Bounds::Closed(1, 90), b.high_angle ? 85.0 : 60.0));
  if (b.max_elevation_rad <= b.min_elevation_rad)
    r.Fail("max_elevation_deg", FormatNumber(RadToDeg(b.max_elevation_rad)),
           "more than min_elevation_deg (" + FormatNumber(RadToDeg(b.min_elevation_rad)) + ")");
  if (r.Has("best_elevation_deg")) {
    const YAML::Node best = r.Get("best_elevation_deg");
    if (!(best.IsScalar() && best.Scalar() == "max_range")) {
      const double deg = r.Number("best_elevation_deg",
                                  Bounds::Closed(LimitDeg(b.min_elevation_rad), LimitDeg(b.max_elevation_rad)));
      b.best_elevation_rad = DegToRad(deg);
    }
  }
  b.published_max_range_m = KmToM(r.Number("published_max_range_km", Bounds::NonNegative(), 0.0));
  if (t.kind == ThreatKind::kRocket) {
    if (r.Has("muzzle_velocity_mps")) r.Fail("muzzle_velocity_mps", "a muzzle velocity on a rocket", "a 'motor' instead");
    const MapReader m = r.Map("motor", {"thrust_n", "burn_time_s", "propellant_kg"});
    b.motor.thrust_N = m.Number("thrust_n", Bounds::Positive());
    b.motor.burn_time_s = m.Number("burn_time_s", {0.0, 600.0, true, false});
    b.motor.propellant_kg = m.Number("propellant_kg", Bounds::Positive());
    if (b.motor.propellant_kg >= b.launch_mass_kg)
      m.Fail("propellant_kg", FormatNumber(b.motor.propellant_kg),
             "less than mass_kg (" + FormatNumber(b.launch_mass_kg) + ")");
    if (b.motor.thrust_N / b.launch_mass_kg <= 9.81)
      m.Fail("thrust_n", FormatNumber(b.motor.thrust_N),
             "more than the launch weight, " + FormatNumber(b.launch_mass_kg * 9.81) + " N, or the rocket never leaves");
    b.rail_length_m = r.Number("rail_length_m", Bounds::Closed(0, 50), 2.5);
  } else {
    if (r.Has("motor")) r.Fail("motor", "a motor on a mortar", "a 'muzzle_velocity_mps' instead");
    b.muzzle_velocity_mps = r.Number("muzzle_velocity_mps", {0.0, 3000.0, true, false});
    b.rail_length_m = r.Number("rail_length_m", Bounds::Closed(0, 50), 0.0);
  }
  return t;
}

SalvoSpec ReadSalvo(const YAML::Node& node, const std::string& path, const ScenarioSpec& spec,
                    const std::set<std::string>& area_names, const std::string& file, std::size_t index) {
  const MapReader r(node, path, file,
                    {"name", "type", "count", "start_s", "interval_s", "launch_site", "aim_point", "aim_area",
                     "aim_sigma_m", "elevation_deg", "waypoints"});
  SalvoSpec s;
  s.where = r.Where();
  s.name = r.Name("name", "salvo-" + std::to_string(index + 1));
  s.type = r.Name("type");
  const ThreatType* type = spec.FindThreatType(s.type);
  if (type == nullptr) {
    std::vector<std::string> names = CatalogNames();
    for (const auto& t : spec.threat_types) names.push_back(t.name);
    r.Fail("type", Quote(s.type),
           DidYouMeanPrefix(s.type, names) + "a threat type: " + JoinAlternatives(names, ", ", kMaxNamesListed) +
               " (see `cupola presets`), or one defined under threat_types");
  }
  s.count = static_cast<int>(r.Integer("count", 1, kMaxThreats, 1));
  s.start_s = r.Number("start_s", Bounds::NonNegative(), 0.0);
  if (s.start_s >= spec.duration_s)
    r.Fail("start_s", FormatNumber(s.start_s), "a time before duration_s (" + FormatNumber(spec.duration_s) + ")");
  s.interval_s = r.Number("interval_s", Bounds::NonNegative(), 0.0);
  const double last_launch_s = s.start_s + (s.count - 1) * s.interval_s;
  if (last_launch_s >= spec.duration_s)
    r.Fail(r.Has("interval_s") ? "interval_s" : "count", "a last launch at " + FormatNumber(last_launch_s) + " s",
           "every launch before duration_s (" + FormatNumber(spec.duration_s) + " s): shorten the interval, lower the count "
           "or lengthen duration_s");
  s.launch_site = ReadGeodetic(r, "launch_site", false);
  if (r.Has("aim_point") == r.Has("aim_area"))
    r.Fail("aim_point", r.Has("aim_point") ? "both aim_point and aim_area" : "neither aim_point nor aim_area",
           "exactly one of aim_point {lat_deg, lon_deg} or aim_area (a defended area's name)");
  if (r.Has("aim_point")) s.aim_point = ReadGeodetic(r, "aim_point", false);
  if (r.Has("aim_area")) {
    s.aim_area = r.Name("aim_area");
    if (!area_names.count(s.aim_area)) r.Fail("aim_area", Quote(s.aim_area), ExpectedAreaName(s.aim_area, spec));
  }
  s.aim_sigma_m = r.Number("aim_sigma_m", Bounds::Closed(0, 1e5), 0.0);
  if (type->kind == ThreatKind::kDrone) {
    if (r.Has("elevation_deg")) r.Fail("elevation_deg", "an elevation for a drone", "no elevation_deg (drones fly waypoints)");
    if (r.Has("waypoints")) {
      const std::vector<YAML::Node> items = r.List("waypoints", 1, kMaxWaypoints);
      for (std::size_t i = 0; i < items.size(); ++i) {
        const MapReader w(items[i], Indexed(r.PathOf("waypoints"), i), file, {"lat_deg", "lon_deg"});
        s.waypoints.push_back({w.Number("lat_deg", Bounds::Closed(-90, 90)), w.Number("lon_deg", Bounds::Closed(-180, 180)), 0.0});
      }
    }
  } else {
    if (r.Has("waypoints")) r.Fail("waypoints", "waypoints for a " + std::string(ToString(type->kind)), "no waypoints (only drones fly them)");
    if (r.Has("elevation_deg")) {
      const BallisticParams& b = type->ballistic;
      s.elevation_rad = DegToRad(r.Number("elevation_deg", Bounds::Closed(LimitDeg(b.min_elevation_rad), LimitDeg(b.max_elevation_rad))));
    }
  }
  return s;
}

RadarSpec ReadRadar(const YAML::Node& node, const std::string& path, const std::string& file) {
  const MapReader r(node, path, file,
                    {"name", "site", "revisit_s", "min_range_km", "max_range_km", "azimuth_center_deg",
                     "azimuth_width_deg", "min_elevation_deg", "max_elevation_deg", "sigma_range_m",
                     "sigma_azimuth_mrad", "sigma_elevation_mrad", "sigma_radial_velocity_mps", "detection",
                     "range_equation", "false_alarm_probability", "false_alarms_per_scan", "scan"});
  RadarSpec d;
  d.where = r.Where();
  d.name = r.Name("name");
  d.site = ReadGeodetic(r, "site", true);
  // Scans cost work whether or not they see anything (total: work_budget.h).
  d.revisit_s = r.Number("revisit_s", Bounds::Closed(kMinRevisit_s, 60.0), d.revisit_s);
  d.min_range_m = KmToM(r.Number("min_range_km", Bounds::NonNegative(), 0.0));
  d.max_range_m = KmToM(r.Number("max_range_km", {0.0, 2000.0, true, false}, 70.0));
  if (d.max_range_m <= d.min_range_m)
    r.Fail("max_range_km", FormatNumber(d.max_range_m / 1000), "more than min_range_km (" + FormatNumber(d.min_range_m / 1000) + ")");
  d.azimuth_center_rad = DegToRad(r.Number("azimuth_center_deg", Bounds::Closed(-360, 360), 0.0));
  d.azimuth_width_rad = DegToRad(r.Number("azimuth_width_deg", {0.0, 360.0, true, false}, 360.0));
  d.min_elevation_rad = DegToRad(r.Number("min_elevation_deg", Bounds::Closed(-10, 90), 0.0));
  d.max_elevation_rad = DegToRad(r.Number("max_elevation_deg", Bounds::Closed(-10, 90), 85.0));
  if (d.max_elevation_rad <= d.min_elevation_rad)
    r.Fail("max_elevation_deg", FormatNumber(RadToDeg(d.max_elevation_rad)), "more than min_elevation_deg");
  d.sigma_range_m = r.Number("sigma_range_m", Bounds::Positive(), d.sigma_range_m);
  d.sigma_azimuth_rad = r.Number("sigma_azimuth_mrad", Bounds::Positive(), 2.0) / 1000.0;
  d.sigma_elevation_rad = r.Number("sigma_elevation_mrad", Bounds::Positive(), 2.0) / 1000.0;
  d.sigma_radial_velocity_mps = r.Number("sigma_radial_velocity_mps", Bounds::NonNegative(), 0.0);
  d.rotating = r.Choice("scan", {"electronic", "rotating"}, "electronic") == "rotating";
  d.false_alarm_probability = r.Number("false_alarm_probability", {0.0, 0.1, true, false}, 1e-6);
  if (r.Has("detection") && r.Has("range_equation"))
    r.Fail("range_equation", "both 'detection' and 'range_equation'", "one way to state detection performance");
  if (r.Has("detection")) {
    const MapReader det = r.Map("detection", {"pd", "reference_range_km", "reference_rcs_m2"});
    // Pd = 1 would need infinite SNR under Swerling 1 fluctuation.
    d.detection_probability = det.Number("pd", {d.false_alarm_probability, 1.0, true, true});
    d.reference_range_m = KmToM(det.Number("reference_range_km", Bounds::Positive()));
    d.reference_rcs_m2 = det.Number("reference_rcs_m2", Bounds::Positive());
  }
  if (r.Has("range_equation")) {
    const MapReader eq = r.Map("range_equation", {"peak_power_kw", "antenna_gain_db", "frequency_ghz", "pulse_width_us",
                                                  "pulses_integrated", "noise_figure_db", "losses_db"});
    RadarSpec::RangeEquation q;
    q.peak_power_W = eq.Number("peak_power_kw", Bounds::Positive()) * 1e3;
    q.antenna_gain_dB = eq.Number("antenna_gain_db", Bounds::Closed(0, 80));
    q.frequency_Hz = eq.Number("frequency_ghz", {0.01, 100.0, false, false}) * 1e9;
    q.pulse_width_s = eq.Number("pulse_width_us", Bounds::Positive()) * 1e-6;
    q.pulses_integrated = static_cast<int>(eq.Integer("pulses_integrated", 1, 100000, 1));
    q.noise_figure_dB = eq.Number("noise_figure_db", Bounds::Closed(0, 30), 3.0);
    q.losses_dB = eq.Number("losses_db", Bounds::Closed(0, 60), 6.0);
    d.range_equation = q;
  }
  d.false_alarms_per_scan = r.Number("false_alarms_per_scan", Bounds::Closed(0.0, kMaxFalseAlarmsPerScan), 0.0);
  return d;
}

BatterySpec ReadBattery(const YAML::Node& node, const std::string& path, const std::string& file,
                        const ScenarioSpec& spec, const std::set<std::string>& area_names) {
  const MapReader r(node, path, file,
                    {"name", "interceptor", "launchers", "min_range_km", "max_range_km", "min_altitude_m",
                     "max_altitude_km", "cost_per_interceptor_usd", "engage_threshold", "defends",
                     "max_interceptors_per_threat", "shoot_look_shoot", "kill_assessment_s", "reaction_time_s",
                     "value_usd_per_unit", "navigation_constant", "augmented_pn", "lethal_radius_m", "kill_model",
                     "single_shot_pk"});
  BatterySpec b;
  b.where = r.Where();
  b.name = r.Name("name");
  b.interceptor = r.Choice("interceptor", InterceptorNames(), "tamir");
  const std::vector<YAML::Node> launchers = r.List("launchers", 1, kMaxLaunchers);
  for (std::size_t i = 0; i < launchers.size(); ++i) {
    const MapReader l(launchers[i], Indexed(r.PathOf("launchers"), i), file,
                      {"site", "interceptors", "reload_s", "min_launch_interval_s"});
    LauncherSpec ls;
    ls.where = l.Where();
    ls.site = ReadGeodetic(l, "site", true);
    ls.interceptors = static_cast<int>(l.Integer("interceptors", 0, 1000, 20));
    ls.reload_s = l.Number("reload_s", Bounds::NonNegative(), ls.reload_s);
    ls.min_launch_interval_s = l.Number("min_launch_interval_s", Bounds::NonNegative(), ls.min_launch_interval_s);
    b.launchers.push_back(ls);
  }
  b.min_range_m = KmToM(r.Number("min_range_km", Bounds::NonNegative(), 4.0));
  b.max_range_m = KmToM(r.Number("max_range_km", Bounds::Positive(), 70.0));
  if (b.max_range_m <= b.min_range_m)
    r.Fail("max_range_km", FormatNumber(b.max_range_m / 1000), "more than min_range_km (" + FormatNumber(b.min_range_m / 1000) + ")");
  b.min_altitude_m = r.Number("min_altitude_m", Bounds::NonNegative(), b.min_altitude_m);
  b.max_altitude_m = KmToM(r.Number("max_altitude_km", Bounds::Positive(), 10.0));
  if (b.max_altitude_m <= b.min_altitude_m)
    r.Fail("max_altitude_km", FormatNumber(b.max_altitude_m / 1000), "more than min_altitude_m / 1000");
  b.cost_per_interceptor_usd = r.Number("cost_per_interceptor_usd", Bounds::NonNegative(), b.cost_per_interceptor_usd);
  b.engage_threshold = r.Number("engage_threshold", Bounds::NonNegative(), b.engage_threshold);
  b.max_interceptors_per_threat =
      static_cast<int>(r.Integer("max_interceptors_per_threat", 1, 16, b.max_interceptors_per_threat));
  b.shoot_look_shoot = r.Bool("shoot_look_shoot", b.shoot_look_shoot);
  b.kill_assessment_s = r.Number("kill_assessment_s", Bounds::Closed(0.0, 60.0), b.kill_assessment_s);
  b.reaction_time_s = r.Number("reaction_time_s", Bounds::Closed(0.0, 60.0), b.reaction_time_s);
  b.value_usd_per_unit = r.Number("value_usd_per_unit", Bounds::NonNegative(), b.value_usd_per_unit);
  if (r.Has("navigation_constant")) b.navigation_constant = r.Number("navigation_constant", Bounds::Closed(1.0, 10.0));
  if (r.Has("augmented_pn")) b.augmented_pn = r.Bool("augmented_pn");
  if (r.Has("lethal_radius_m")) b.lethal_radius_m = r.Number("lethal_radius_m", Bounds{0.0, 1000.0, true, false});
  if (r.Has("kill_model")) b.kill_model = r.Choice("kill_model", {"carleton", "cookie_cutter"});
  if (r.Has("single_shot_pk")) b.single_shot_pk = r.Number("single_shot_pk", Bounds::Closed(0.0, 1.0));
  const auto defends = r.List("defends", 1, kMaxAreas, true);
  for (std::size_t i = 0; i < defends.size(); ++i) {
    const std::string name = defends[i].IsScalar() ? defends[i].Scalar() : std::string();
    if (!area_names.count(name))
      throw InputError(LocationOf(defends[i], file), Indexed(r.PathOf("defends"), i), Describe(defends[i]),
                       ExpectedAreaName(name, spec));
    b.defends.push_back(name);
  }
  return b;
}

ScenarioSpec ReadScenario(const YAML::Node& root, const std::string& file) {
  const MapReader r(root, "", file,
                    {"version", "name", "description", "origin", "duration_s", "seed", "physics", "defended_areas",
                     "alert_zones", "threat_types", "threats", "radars", "batteries", "links", "tracker"});
  ScenarioSpec spec;
  spec.source_file = file;
  if (r.Has("version") && !(r.Get("version").IsScalar() && r.Get("version").Scalar() == "1"))
    r.Fail("version", Describe(r.Get("version")), "1 (the only scenario format version this cupola reads)");
  spec.name = r.Has("name") ? r.Name("name") : FolderName(std::filesystem::path(file).stem().string());
  if (!IsFolderName(spec.name))
    r.Fail("name", Quote(spec.name),
           "a folder name (cupola run writes to out/<name>): letters A-Z and a-z, digits, '.', '_' and '-', "
           "not starting with '.'");
  spec.description = r.String("description", "");
  spec.origin = ReadGeodetic(r, "origin", true);
  if (std::abs(spec.origin.lat_deg) > 85.0)
    r.Fail("origin", FormatNumber(spec.origin.lat_deg), "a latitude within +-85 deg (the local frame degenerates at the poles)");
  spec.duration_s = r.Number("duration_s", {0.0, 86400.0 * 7, true, false}, spec.duration_s);
  spec.seed = r.Unsigned("seed", 1);
  spec.physics = ReadPhysics(r);

  std::set<std::string> area_names;
  const auto areas = r.List("defended_areas", 0, kMaxAreas, true);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const MapReader a(areas[i], Indexed("defended_areas", i), file, {"name", "value", "polygon_latlon_deg"});
    DefendedAreaSpec d;
    d.where = a.Where();
    d.name = a.Name("name");
    CheckUniqueName(area_names, areas[i], a.path(), file, d.name, "defended area");
    d.value = a.Number("value", Bounds::NonNegative(), 1.0);
    d.polygon = ReadPolygon(a, "polygon_latlon_deg");
    spec.defended_areas.push_back(std::move(d));
  }
  std::set<std::string> zone_names;
  const auto zones = r.List("alert_zones", 0, kMaxAreas, true);
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const MapReader z(zones[i], Indexed("alert_zones", i), file,
                      {"name", "polygon_latlon_deg", "population", "threshold_probability"});
    AlertZoneSpec d;
    d.where = z.Where();
    d.name = z.Name("name");
    CheckUniqueName(zone_names, zones[i], z.path(), file, d.name, "alert zone");
    d.polygon = ReadPolygon(z, "polygon_latlon_deg");
    d.population = z.Number("population", Bounds::NonNegative(), 0.0);
    d.threshold_probability = z.Number("threshold_probability", {0.0, 1.0, true, false}, 0.1);
    spec.alert_zones.push_back(std::move(d));
  }
  std::set<std::string> type_names;
  const auto types = r.List("threat_types", 0, kMaxThreatTypes, true);
  for (std::size_t i = 0; i < types.size(); ++i) {
    ThreatType t = ReadThreatType(types[i], Indexed("threat_types", i), file);
    if (FindCatalogThreat(t.name) != nullptr)
      throw InputError(LocationOf(types[i]["name"], file), Indexed("threat_types", i) + ".name",
                       Quote(t.name) + " (a catalog type)", "a name not already in the catalog (see `cupola presets`)");
    CheckUniqueName(type_names, types[i], Indexed("threat_types", i), file, t.name, "threat type");
    spec.threat_types.push_back(std::move(t));
  }
  const auto salvos = r.List("threats", 0, kMaxSalvos, true);
  std::set<std::string> salvo_names;
  for (std::size_t i = 0; i < salvos.size(); ++i) {
    SalvoSpec s = ReadSalvo(salvos[i], Indexed("threats", i), spec, area_names, file, i);
    CheckUniqueName(salvo_names, salvos[i], Indexed("threats", i), file, s.name, "salvo");
    spec.threats.push_back(std::move(s));
  }
  std::set<std::string> node_names;
  const auto radars = r.List("radars", 0, kMaxRadars, true);
  for (std::size_t i = 0; i < radars.size(); ++i) {
    RadarSpec d = ReadRadar(radars[i], Indexed("radars", i), file);
    CheckUniqueName(node_names, radars[i], Indexed("radars", i), file, d.name, "radar or battery");
    spec.radars.push_back(std::move(d));
  }
  const auto batteries = r.List("batteries", 0, kMaxBatteries, true);
  for (std::size_t i = 0; i < batteries.size(); ++i) {
    BatterySpec b = ReadBattery(batteries[i], Indexed("batteries", i), file, spec, area_names);
    CheckUniqueName(node_names, batteries[i], Indexed("batteries", i), file, b.name, "radar or battery");
    spec.batteries.push_back(std::move(b));
  }
  const auto links = r.List("links", 0, kMaxLinks, true);
  for (std::size_t i = 0; i < links.size(); ++i) {
    const MapReader l(links[i], Indexed("links", i), file, {"name", "from", "to", "latency_s", "jitter_s", "loss_probability", "outages"});
    LinkSpec k;
    k.where = l.Where();
    k.from = l.Name("from");
    k.to = l.Name("to");
    k.name = l.Name("name", k.from + "->" + k.to);
    for (const char* end : {"from", "to"}) {
      const std::string& value = std::string(end) == "from" ? k.from : k.to;
      if (!node_names.count(value)) {
        const std::vector<std::string> names(node_names.begin(), node_names.end());
        l.Fail(end, Quote(value),
               DidYouMeanPrefix(value, names) + "the name of a radar or battery" +
                   (names.empty() ? std::string(" (none are defined)")
                                  : ": " + JoinAlternatives(names, ", ", kMaxNamesListed)));
      }
    }
    if (k.from == k.to) l.Fail("to", Quote(k.to) + " (same as from)", "a different node than 'from'");
    k.latency_s = l.Number("latency_s", Bounds::Closed(0, 3600), 0.0);
    k.jitter_s = l.Number("jitter_s", Bounds::Closed(0, 3600), 0.0);
    k.loss_probability = l.Number("loss_probability", Bounds::Closed(0, 1), 0.0);
    if (l.Has("outages")) {
      const std::vector<YAML::Node> items = l.List("outages", 1, kMaxLinkOutages);
      for (std::size_t j = 0; j < items.size(); ++j) {
        const MapReader o(items[j], Indexed(l.PathOf("outages"), j), file, {"start_s", "end_s"});
        LinkOutage outage;
        outage.start_s = o.Number("start_s", Bounds::Closed(0, spec.duration_s));
        outage.end_s = o.Number("end_s", Bounds::Closed(0, spec.duration_s));
        if (outage.end_s <= outage.start_s)
          o.Fail("end_s", FormatNumber(outage.end_s), "a time after start_s (" + FormatNumber(outage.start_s) + ")");
        k.outages.push_back(outage);
      }
    }
    spec.links.push_back(std::move(k));
  }
  if (r.Has("tracker")) spec.tracker = ReadTrackerConfig(r.Map("tracker", TrackerConfigKeys()));
  CheckWorkBudget(spec, root, file);
  return spec;
}

}  // namespace

ScenarioSpec LoadScenarioText(const std::string& text, const std::string& file_label,
                              const std::vector<ScenarioOverride>& overrides) {
  YAML::Node root;
  try {
    CheckYamlSize(text, file_label);
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    // yaml-cpp may point one line past an unclosed bracket, even past the end
    // of the file: never name a line the file does not have.
    const int lines = static_cast<int>(std::count(text.begin(), text.end(), '\n')) +
                      (text.empty() || text.back() == '\n' ? 0 : 1);
    const bool past_end = e.mark.line + 1 > lines;
    const int line = std::max(1, std::min(e.mark.line + 1, lines));
    throw InputError({file_label, line, past_end ? 0 : e.mark.column + 1}, "",
                     "a YAML syntax error (" + Escaped(e.msg) + ")",
                     "valid YAML: look for an unclosed [ or {, a missing ':' or a wrong indentation at or just "
                     "before this line");
  }
  if (!root.IsDefined() || root.IsNull())
    throw InputError({file_label, 1, 1}, "<document>", "an empty file", "a scenario map (see docs/scenario.md)");
  // A document that is no map is the file's problem, reported as such.
  if (overrides.empty() || !root.IsMap()) return ReadScenario(root, file_label);
  const std::vector<std::string> owned = ApplyOverrides(root, overrides);
  try {
    return ReadScenario(root, file_label);
  } catch (const InputError& e) {
    // Not control flow: the same error, told where its value came from.
    throw AttributeToOverride(e, overrides, owned);
  }
}

ScenarioSpec LoadScenarioFile(const std::string& path, const std::vector<ScenarioOverride>& overrides) {
  return LoadScenarioText(ReadInputFile(path, "a readable scenario file"), path, overrides);
}

const ThreatType* ScenarioSpec::FindThreatType(const std::string& type_name) const {
  for (const auto& t : threat_types)
    if (t.name == type_name) return &t;
  return FindCatalogThreat(type_name);
}

int ScenarioSpec::TotalThreats() const {
  int total = 0;
  for (const auto& s : threats) total += s.count;
  return total;
}

}  // namespace cupola

#include "cupola/scenario/loader.h"

#include <GeographicLib/Geodesic.hpp>
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
#include "cupola/scenario/scenario_fields.h"
#include "cupola/scenario/work_budget.h"
#include "cupola/scenario/yaml_reader.h"

namespace cupola {

namespace {

std::string Indexed(const std::string& path, std::size_t i) { return path + "[" + std::to_string(i) + "]"; }

// Degrees of an angle limit, rounded to 1e-9 deg so that a limit given as
// 60 deg accepts 60 after its round trip through radians.
double LimitDeg(double rad) { return std::round(RadToDeg(rad) * 1e9) / 1e9; }

GeodeticPoint ReadGeodetic(const MapReader& parent, const std::string& key, bool with_altitude) {
  // Points on the ground have no altitude key: the first two of the table.
  std::vector<Field<GeodeticPoint>> fields = GeodeticFields();
  if (!with_altitude) fields.resize(2);
  GeodeticPoint g;
  ReadFields(parent.Map(key, FieldKeys(fields)), fields, g);
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
  const MapReader r = root.Map("physics", FieldKeys(PhysicsFields()));
  ReadFields(r, PhysicsFields(), p);
  if (r.Has("wind")) ReadFields(r.Map("wind", FieldKeys(WindFields())), WindFields(), p);
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
    "max_climb_rate_mps", "dive_angle_deg", "dive_speed_mps", "launch_failure_probability",
    "motor_failure_probability", "dud_probability", "cep_fraction_of_range", "cep_m", "charges_mps", "cep_jammed_m", "has_warhead"};

// A user type's failures and aiming error (default none: a type states its own, docs/threats.md).
ThreatReliability ReadReliability(const MapReader& r, ThreatKind kind) {
  ThreatReliability x;
  const Bounds probability = Bounds::Closed(0, 1);
  x.launch_failure_probability = r.Number("launch_failure_probability", probability, 0.0);
  x.dud_probability = r.Number("dud_probability", probability, 0.0);
  if (kind == ThreatKind::kRocket) x.motor_failure_probability = r.Number("motor_failure_probability", probability, 0.0);
  if (kind == ThreatKind::kDrone) {
    x.cep_m = r.Number("cep_m", Bounds::Closed(0, 1e5), 0.0);
    x.cep_jammed_m = r.Number("cep_jammed_m", Bounds::Closed(0, 1e5), x.cep_m);
  }
  else x.cep_fraction_of_range = r.Number("cep_fraction_of_range", Bounds::Closed(0, 1), 0.0);
  return x;
}

// A mortar's charges: muzzle velocities [m/s], strictly increasing.
std::vector<double> ReadCharges(const MapReader& r) {
  const std::vector<YAML::Node> items = r.List("charges_mps", 1, 20);
  std::vector<double> charges;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const std::string path = Indexed(r.PathOf("charges_mps"), i);
    const double v = ReadNumber(items[i], path, r.file(), {0.0, 3000.0, true, false});
    if (!charges.empty() && v <= charges.back())
      throw InputError(LocationOf(items[i], r.file()), path, FormatNumber(v),
                       "more than the charge before it (" + FormatNumber(charges.back()) +
                           " m/s): charges_mps lists the charges from lowest to full");
    charges.push_back(v);
  }
  return charges;
}

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
  if (t.kind != ThreatKind::kRocket && r.Has("motor_failure_probability"))
    r.Fail("motor_failure_probability", "a motor failure on a " + kind, "no motor_failure_probability (rockets only)");
  if (t.kind == ThreatKind::kDrone && r.Has("cep_fraction_of_range"))
    r.Fail("cep_fraction_of_range", "a CEP as a fraction of range on a drone", "cep_m (drones are GNSS-guided)");
  if (t.kind != ThreatKind::kDrone && r.Has("cep_jammed_m"))
    r.Fail("cep_jammed_m", "a jammed CEP on a " + kind, "no cep_jammed_m (drones only: unguided rounds have no GNSS)");
  t.has_warhead = r.Bool("has_warhead", true);
  if (t.kind != ThreatKind::kDrone && r.Has("cep_m"))
    r.Fail("cep_m", "a CEP in metres on a " + kind, "cep_fraction_of_range (unguided: the error grows with range)");
  if (t.kind != ThreatKind::kMortar && r.Has("charges_mps"))
    r.Fail("charges_mps", "charges on a " + kind, "no charges_mps (mortars only)");
  t.reliability = ReadReliability(r, t.kind);
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
    const MapReader m = r.Map("motor", FieldKeys(MotorFields()));
    ReadFields(m, MotorFields(), b.motor);
    if (b.motor.propellant_kg >= b.launch_mass_kg)
      m.Fail("propellant_kg", FormatNumber(b.motor.propellant_kg),
             "less than mass_kg (" + FormatNumber(b.launch_mass_kg) + ")");
    if (b.motor.thrust_N / b.launch_mass_kg <= 9.81)
      m.Fail("thrust_n", FormatNumber(b.motor.thrust_N),
             "more than the launch weight, " + FormatNumber(b.launch_mass_kg * 9.81) + " N, or the rocket never leaves");
    b.rail_length_m = r.Number("rail_length_m", Bounds::Closed(0, 50), 2.5);
  } else {
    if (r.Has("motor")) r.Fail("motor", "a motor on a mortar", "a 'muzzle_velocity_mps' instead");
    if (r.Has("muzzle_velocity_mps") == r.Has("charges_mps"))
      r.Fail("muzzle_velocity_mps", r.Has("charges_mps") ? "both muzzle_velocity_mps and charges_mps" : "neither",
             "exactly one of muzzle_velocity_mps (one charge) or charges_mps (each charge's, lowest to full)");
    if (r.Has("charges_mps")) {
      b.charge_muzzle_velocities_mps = ReadCharges(r);
      b.muzzle_velocity_mps = b.charge_muzzle_velocities_mps.back();
    } else {
      b.muzzle_velocity_mps = r.Number("muzzle_velocity_mps", {0.0, 3000.0, true, false});
    }
    b.rail_length_m = r.Number("rail_length_m", Bounds::Closed(0, 50), 0.0);
  }
  return t;
}

// The salvo's overrides of its type's failures and aiming error, and its charge.
void CheckSalvoReliability(const MapReader& r, const ThreatType& type, SalvoSpec& s) {
  const std::string kind = ToString(type.kind);
  if (s.motor_failure_probability && type.kind != ThreatKind::kRocket)
    r.Fail("motor_failure_probability", "a motor failure for a " + kind, "no motor_failure_probability (rockets only)");
  if (s.cep_fraction_of_range && type.kind == ThreatKind::kDrone)
    r.Fail("cep_fraction_of_range", "a CEP as a fraction of range for a drone", "cep_m (drones are GNSS-guided)");
  if (s.cep_m && type.kind != ThreatKind::kDrone)
    r.Fail("cep_m", "a CEP in metres for a " + kind, "cep_fraction_of_range (unguided: the error grows with range)");
  if (r.Has("charge")) {
    if (type.kind != ThreatKind::kMortar) r.Fail("charge", "a charge for a " + kind, "no charge (mortars only)");
    const auto n = static_cast<long long>(type.ballistic.Charges_mps().size());
    s.charge = static_cast<int>(r.Integer("charge", 0, n - 1));
  }
}

// A drone's route: no leg of zero length, and a final leg long enough for
// the dive from the height it is flown at (ground distances on WGS84).
// `items`: the waypoints' nodes (where a bad one is reported).
void CheckDroneRoute(const MapReader& r, const std::vector<YAML::Node>& items, const ThreatType& type,
                     const SalvoSpec& s) {
  const GeographicLib::Geodesic& wgs84 = GeographicLib::Geodesic::WGS84();
  const auto distance_m = [&](const GeodeticPoint& a, const GeodeticPoint& b) {
    double d = 0.0;
    wgs84.Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, d);
    return d;
  };
  constexpr double kMinLeg_m = 1.0;
  GeodeticPoint from = s.launch_site;
  std::string from_name = "the launch site";
  double height_m = type.drone.cruise_height_m;
  for (std::size_t i = 0; i < s.waypoints.size(); ++i) {
    const std::string key = Indexed(r.PathOf("waypoints"), i);
    const double d = distance_m(from, s.waypoints[i].Point());
    if (d < kMinLeg_m)
      throw InputError(LocationOf(items[i], r.file()), key,
                       "a waypoint " + FormatNumber(std::round(d * 100.0) / 100.0) + " m from " + from_name,
                       "a leg of at least 1 m: a waypoint apart from the point before it");
    if (s.waypoints[i].altitude_m) height_m = *s.waypoints[i].altitude_m;
    from = s.waypoints[i].Point();
    from_name = key;
  }
  if (!s.aim_point) return;  // an area's aim points are drawn per round
  const double d = distance_m(from, *s.aim_point);
  const double dive_m = height_m / std::tan(type.drone.dive_angle_rad);
  if (d < dive_m)
    r.Fail("aim_point", "an aim point " + FormatNumber(std::round(d)) + " m from " + from_name,
           "at least " + FormatNumber(std::ceil(dive_m)) + " m: the dive from " + FormatNumber(height_m) + " m at " +
               FormatNumber(std::round(RadToDeg(type.drone.dive_angle_rad) * 10.0) / 10.0) +
               " deg needs that much (add a waypoint further out, or lower its altitude_m)");
}

SalvoSpec ReadSalvo(const YAML::Node& node, const std::string& path, const ScenarioSpec& spec,
                    const std::set<std::string>& area_names, const std::string& file, std::size_t index) {
  const MapReader r(node, path, file, FieldKeys(SalvoFields()));
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
  ReadFields(r, SalvoFields(), s);
  if (s.start_s >= spec.duration_s)
    r.Fail("start_s", FormatNumber(s.start_s), "a time before duration_s (" + FormatNumber(spec.duration_s) + ")");
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
  CheckSalvoReliability(r, *type, s);
  if (type->kind == ThreatKind::kDrone) {
    if (r.Has("elevation_deg")) r.Fail("elevation_deg", "an elevation for a drone", "no elevation_deg (drones fly waypoints)");
    if (s.gnss_jammed && s.cep_m)
      r.Fail("gnss_jammed", "gnss_jammed together with cep_m",
             "one of them: gnss_jammed takes the type's cep_jammed_m, cep_m states the CEP itself");
    std::vector<YAML::Node> items;
    if (r.Has("waypoints")) {
      items = r.List("waypoints", 1, kMaxWaypoints);
      for (std::size_t i = 0; i < items.size(); ++i) {
        const MapReader w(items[i], Indexed(r.PathOf("waypoints"), i), file, FieldKeys(WaypointFields()));
        WaypointSpec point;
        ReadFields(w, WaypointFields(), point);
        s.waypoints.push_back(point);
      }
    }
    CheckDroneRoute(r, items, *type, s);
  } else {
    if (r.Has("waypoints")) r.Fail("waypoints", "waypoints for a " + std::string(ToString(type->kind)), "no waypoints (only drones fly them)");
    if (s.gnss_jammed) r.Fail("gnss_jammed", "true for a " + std::string(ToString(type->kind)), "no gnss_jammed (drones only)");
    if (r.Has("elevation_deg")) {
      const BallisticParams& b = type->ballistic;
      s.elevation_rad = DegToRad(r.Number("elevation_deg", Bounds::Closed(LimitDeg(b.min_elevation_rad), LimitDeg(b.max_elevation_rad))));
    }
  }
  return s;
}

RadarSpec ReadRadar(const YAML::Node& node, const std::string& path, const std::string& file) {
  const MapReader r(node, path, file, FieldKeys(RadarFields()));
  RadarSpec d;
  d.where = r.Where();
  // Scans cost work whether or not they see anything (revisit_s's total: work_budget.h).
  ReadFields(r, RadarFields(), d);
  d.site = ReadGeodetic(r, "site", true);
  if (d.max_range_m <= d.min_range_m)
    r.Fail("max_range_km", FormatNumber(d.max_range_m / 1000), "more than min_range_km (" + FormatNumber(d.min_range_m / 1000) + ")");
  if (d.max_elevation_rad <= d.min_elevation_rad)
    r.Fail("max_elevation_deg", FormatNumber(RadToDeg(d.max_elevation_rad)), "more than min_elevation_deg");
  if (r.Has("detection") && r.Has("range_equation"))
    r.Fail("range_equation", "both 'detection' and 'range_equation'", "one way to state detection performance");
  if (r.Has("detection")) {
    const MapReader det = r.Map("detection", FieldKeys(DetectionFields()));
    // Pd = 1 would need infinite SNR under Swerling 1 fluctuation.
    d.detection_probability = det.Number("pd", {d.false_alarm_probability, 1.0, true, true});
    ReadFields(det, DetectionFields(), d);
  }
  if (r.Has("range_equation")) {
    RadarSpec::RangeEquation q;
    ReadFields(r.Map("range_equation", FieldKeys(RangeEquationFields())), RangeEquationFields(), q);
    d.range_equation = q;
  }
  return d;
}

BatterySpec ReadBattery(const YAML::Node& node, const std::string& path, const std::string& file,
                        const ScenarioSpec& spec, const std::set<std::string>& area_names) {
  const MapReader r(node, path, file, FieldKeys(BatteryFields()));
  BatterySpec b;
  b.where = r.Where();
  ReadFields(r, BatteryFields(), b);
  const std::vector<YAML::Node> launchers = r.List("launchers", 1, kMaxLaunchers);
  for (std::size_t i = 0; i < launchers.size(); ++i) {
    const MapReader l(launchers[i], Indexed(r.PathOf("launchers"), i), file, FieldKeys(LauncherFields()));
    LauncherSpec ls;
    ls.where = l.Where();
    ReadFields(l, LauncherFields(), ls);
    ls.site = ReadGeodetic(l, "site", true);
    b.launchers.push_back(ls);
  }
  // Keys of one effector kind are refused on the other: they would be silently ignored.
  const bool gun = b.effector == EffectorKind::kGun;
  for (const char* key : {"gun_type", "burst_rounds", "muzzle_velocity_mps", "cost_per_round_usd",
                          "sector_center_deg", "sector_width_deg"})
    if (!gun && r.Has(key))
      r.Fail(key, Describe(r.Get(key)), "no such key on a missile battery (add `effector: gun` for a gun battery)");
  for (const char* key : {"interceptor", "cost_per_interceptor_usd", "min_range_km", "max_range_km",
                          "min_altitude_m", "navigation_constant", "augmented_pn", "lethal_radius_m", "kill_model",
                          "single_shot_pk", "uplink_loss_probability", "uplink_latency_s"})
    if (gun && r.Has(key))
      r.Fail(key, Describe(r.Get(key)),
             "no such key on a gun battery: its gun type sets ranges and cost (docs/effectors.md)");
  if (b.max_range_m && *b.max_range_m <= b.min_range_m)
    r.Fail("max_range_km", FormatNumber(*b.max_range_m / 1000), "more than min_range_km (" + FormatNumber(b.min_range_m / 1000) + ")");
  if (b.max_altitude_m <= b.min_altitude_m)
    r.Fail("max_altitude_km", FormatNumber(b.max_altitude_m / 1000), "more than min_altitude_m / 1000");
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
  const MapReader r(root, "", file, FieldKeys(TopLevelFields()));
  ScenarioSpec spec;
  spec.source_file = file;
  if (r.Has("version") && !(r.Get("version").IsScalar() && r.Get("version").Scalar() == "1"))
    r.Fail("version", Describe(r.Get("version")), "1 (the only scenario format version this cupola reads)");
  spec.name = r.Has("name") ? r.Name("name") : FolderName(std::filesystem::path(file).stem().string());
  if (!IsFolderName(spec.name))
    r.Fail("name", Quote(spec.name),
           "a folder name (cupola run writes to out/<name>): letters A-Z and a-z, digits, '.', '_' and '-', "
           "not starting with '.'");
  ReadFields(r, TopLevelFields(), spec);
  spec.origin = ReadGeodetic(r, "origin", true);
  if (std::abs(spec.origin.lat_deg) > 85.0)
    r.Fail("origin", FormatNumber(spec.origin.lat_deg), "a latitude within +-85 deg (the local frame degenerates at the poles)");
  spec.seed = r.Unsigned("seed", 1);
  spec.physics = ReadPhysics(r);

  std::set<std::string> area_names;
  const auto areas = r.List("defended_areas", 0, kMaxAreas, true);
  for (std::size_t i = 0; i < areas.size(); ++i) {
    const MapReader a(areas[i], Indexed("defended_areas", i), file, FieldKeys(DefendedAreaFields()));
    DefendedAreaSpec d;
    d.where = a.Where();
    ReadFields(a, DefendedAreaFields(), d);
    CheckUniqueName(area_names, areas[i], a.path(), file, d.name, "defended area");
    d.polygon = ReadPolygon(a, "polygon_latlon_deg");
    spec.defended_areas.push_back(std::move(d));
  }
  std::set<std::string> zone_names;
  const auto zones = r.List("alert_zones", 0, kMaxAreas, true);
  for (std::size_t i = 0; i < zones.size(); ++i) {
    const MapReader z(zones[i], Indexed("alert_zones", i), file, FieldKeys(AlertZoneFields()));
    AlertZoneSpec d;
    d.where = z.Where();
    ReadFields(z, AlertZoneFields(), d);
    CheckUniqueName(zone_names, zones[i], z.path(), file, d.name, "alert zone");
    d.polygon = ReadPolygon(z, "polygon_latlon_deg");
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
    const MapReader l(links[i], Indexed("links", i), file, FieldKeys(LinkFields()));
    LinkSpec k;
    k.where = l.Where();
    ReadFields(l, LinkFields(), k);
    if (!l.Has("name")) k.name = k.from + "->" + k.to;
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
    if (l.Has("outages")) {
      const std::vector<YAML::Node> items = l.List("outages", 1, kMaxLinkOutages);
      for (std::size_t j = 0; j < items.size(); ++j) {
        const MapReader o(items[j], Indexed(l.PathOf("outages"), j), file, FieldKeys(LinkOutageFields()));
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

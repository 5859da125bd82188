#include "cupola/sim/placement_warnings.h"

#include <GeographicLib/Geodesic.hpp>
#include <algorithm>
#include <cmath>

#include "cupola/core/text.h"

namespace cupola {

namespace {

// A place more than this far from the origin, which swapping its latitude
// and longitude brings within a tenth of the distance, was typed [lon, lat].
constexpr double kSwapSuspect_m = 100e3;

double GroundDistance_m(const GeodeticPoint& a, const GeodeticPoint& b) {
  double s12 = 0.0;
  GeographicLib::Geodesic::WGS84().Inverse(a.lat_deg, a.lon_deg, b.lat_deg, b.lon_deg, s12);
  return s12;
}

std::string Km(double m) { return FormatNumber(std::round(m / 100.0) / 10.0) + " km"; }

std::string LatLon(const GeodeticPoint& p) {
  return "{lat_deg: " + FormatNumber(p.lat_deg) + ", lon_deg: " + FormatNumber(p.lon_deg) + "}";
}

std::string Indexed(const std::string& list, std::size_t i) { return list + "[" + std::to_string(i) + "]"; }

class Checker {
 public:
  explicit Checker(const GeodeticPoint& origin) : origin_(origin) {}

  /// A place: typed [lon, lat]? And, for the defence's own places, far away?
  /// Returns true when it warned.
  bool Place(const GeodeticPoint& p, bool defence, const SourceLocation& where, const std::string& key) {
    const double d = GroundDistance_m(origin_, p);
    if (d > kSwapSuspect_m && std::abs(p.lon_deg) <= 90.0) {
      const double swapped = GroundDistance_m(origin_, {p.lon_deg, p.lat_deg, p.alt_m});
      if (swapped < 0.1 * d) {
        Add("lat_lon_swapped", where, key, LatLon(p),
            "lies " + Km(d) + " from the origin; with latitude and longitude swapped it would lie " + Km(swapped) +
                " from it: are they swapped?");
        return true;
      }
    }
    if (defence && d > kFarFromOrigin_m) {
      Add("far_from_origin", where, key, LatLon(p),
          "lies " + Km(d) + " from the origin, more than the " + Km(kFarFromOrigin_m) +
              " a short-range defence spans: is the place, or the origin, mistyped?");
      return true;
    }
    return false;
  }
  void Polygon(const std::vector<GeodeticPoint>& vertices, const SourceLocation& where, const std::string& key) {
    for (std::size_t v = 0; v < vertices.size(); ++v)
      if (Place(vertices[v], true, where, Indexed(key, v))) return;  // one warning per polygon
  }

  void Add(std::string code, const SourceLocation& where, std::string key, std::string value, std::string message) {
    warnings_.push_back({std::move(code), where, std::move(key), std::move(value), std::move(message)});
  }
  std::vector<PlacementWarning> Take() { return std::move(warnings_); }

 private:
  GeodeticPoint origin_;
  std::vector<PlacementWarning> warnings_;
};

void CheckPlaces(const ScenarioSpec& spec, Checker& check) {
  for (std::size_t i = 0; i < spec.defended_areas.size(); ++i)
    check.Polygon(spec.defended_areas[i].polygon, spec.defended_areas[i].where, Indexed("defended_areas", i) + ".polygon");
  for (std::size_t i = 0; i < spec.alert_zones.size(); ++i)
    check.Polygon(spec.alert_zones[i].polygon, spec.alert_zones[i].where, Indexed("alert_zones", i) + ".polygon");
  for (std::size_t i = 0; i < spec.radars.size(); ++i)
    check.Place(spec.radars[i].site, true, spec.radars[i].where, Indexed("radars", i) + ".site");
  for (std::size_t b = 0; b < spec.batteries.size(); ++b)
    for (std::size_t l = 0; l < spec.batteries[b].launchers.size(); ++l)
      check.Place(spec.batteries[b].launchers[l].site, true, spec.batteries[b].launchers[l].where,
                  Indexed(Indexed("batteries", b) + ".launchers", l) + ".site");
  // Threats may come from far away (drones fly hundreds of km): only a swap is suspect.
  for (std::size_t i = 0; i < spec.threats.size(); ++i) {
    const SalvoSpec& s = spec.threats[i];
    const std::string key = Indexed("threats", i);
    check.Place(s.launch_site, false, s.where, key + ".launch_site");
    if (s.aim_point) check.Place(*s.aim_point, false, s.where, key + ".aim_point");
    for (std::size_t w = 0; w < s.waypoints.size(); ++w)
      check.Place(s.waypoints[w].Point(), false, s.where, Indexed(key + ".waypoints", w));
  }
}

// Rockets and mortars aimed where their range table cannot lay them: the
// replication fires them at the table's end (an aim_out_of_range event).
void CheckAimReach(const World& world, Checker& check) {
  for (std::size_t i = 0; i < world.salvos().size(); ++i) {
    const SalvoModel& salvo = world.salvos()[i];
    if (!salvo.type->IsBallistic() || salvo.spec->elevation_rad) continue;
    const double d = (salvo.aim_EN - salvo.p_launch_W.head<2>()).norm();
    const double lo = salvo.fire_control.min_range_m(), hi = salvo.fire_control.max_range_m();
    if (d <= hi && d >= lo) continue;
    const bool area = !salvo.spec->aim_point;
    const std::string key = Indexed("threats", i) + (area ? ".aim_area" : ".aim_point");
    const std::string value = area ? "'" + salvo.spec->aim_area + "'" : LatLon(*salvo.spec->aim_point);
    const std::string what = area ? "the area's centre is " : "it is ";
    if (d > hi)
      check.Add("aim_beyond_reach", salvo.spec->where, key, value,
                what + Km(d) + " from the launch site, beyond the " + salvo.type->name + "'s maximum range of " +
                    Km(hi) + ": its rounds are fired at that limit and fall short");
    else
      check.Add("aim_short_of_reach", salvo.spec->where, key, value,
                what + Km(d) + " from the launch site, short of the " + salvo.type->name + "'s minimum range of " +
                    Km(lo) + ": its rounds are fired at that limit and fly long");
  }
}

// A battery fires only on reports that reach its battle manager.
void CheckSensorPaths(const World& world, Checker& check) {
  const ScenarioSpec& spec = world.spec();
  for (std::size_t b = 0; b < spec.batteries.size(); ++b) {
    const std::string key = Indexed("batteries", b);
    if (spec.radars.empty()) {
      check.Add("no_sensor_path", spec.batteries[b].where, key, "'" + spec.batteries[b].name + "'",
                "the scenario has no radars, so no track reaches this battery and it never fires");
      continue;
    }
    bool reached = false;
    for (std::size_t r = 0; r < spec.radars.size() && !reached; ++r)
      reached = world.network().Reaches(static_cast<int>(r), static_cast<int>(b));
    if (!reached)
      check.Add("no_sensor_path", spec.batteries[b].where, key, "'" + spec.batteries[b].name + "'",
                "no link reaches it from any radar, so it never fires (docs/links.md)");
  }
}

// Rockets and mortars need a ballistic mode: a constant-velocity or turning
// model breaks their tracks in the boost and predicts impacts far off.
void CheckTrackerModel(const World& world, Checker& check) {
  const ScenarioSpec& spec = world.spec();
  if (spec.radars.empty()) return;
  const auto falls = std::find_if(spec.threats.begin(), spec.threats.end(), [&](const SalvoSpec& s) {
    const ThreatType* type = spec.FindThreatType(s.type);
    return type != nullptr && type->IsBallistic();
  });
  if (falls == spec.threats.end()) return;
  const TrackerConfig& t = spec.tracker;
  const bool ballistic =
      t.motion_model == MotionModelKind::kBallistic ||
      (t.motion_model == MotionModelKind::kImm &&
       std::find(t.imm_models.begin(), t.imm_models.end(), MotionModelKind::kBallistic) != t.imm_models.end());
  if (ballistic) return;
  check.Add("no_ballistic_model", {spec.source_file}, "tracker.motion_model", ToString(t.motion_model),
            "salvo '" + falls->name + "' fires " + falls->type +
                " rounds, which no mode of this tracker follows as they fall: expect broken tracks and impact "
                "predictions far off; use the default (imm with a ballistic mode) or `ballistic` (docs/tracking.md)");
}

// A battery's envelope set beyond what its interceptor can fly.
void CheckEnvelopes(const World& world, Checker& check) {
  const ScenarioSpec& spec = world.spec();
  for (std::size_t b = 0; b < spec.batteries.size(); ++b) {
    const BatterySpec& s = spec.batteries[b];
    if (s.effector == EffectorKind::kGun) continue;  // its gun type sets its ranges
    const double reach = world.batteries()[b].fly_out.MaxDistance();
    const std::string key = Indexed("batteries", b);
    if (s.max_range_m && *s.max_range_m > reach * 1.001)
      check.Add("envelope_beyond_reach", s.where, key + ".max_range_km", FormatNumber(*s.max_range_m / 1000.0),
                "beyond the " + s.interceptor + "'s kinematic reach of " + Km(reach) +
                    " (docs/interceptors.md): the reach is used; leave the key out to use it without this warning");
    if (s.min_range_m >= reach)
      check.Add("envelope_beyond_reach", s.where, key + ".min_range_km", FormatNumber(s.min_range_m / 1000.0),
                "at or beyond the " + s.interceptor + "'s kinematic reach of " + Km(reach) +
                    ": the battery can never intercept");
  }
}

}  // namespace

std::string PlacementWarning::ToString() const {
  return where.ToString() + ": " + key + ": " + value + ": " + message + " [" + code + "]";
}

std::vector<PlacementWarning> PlacementWarnings(const World& world) {
  Checker check(world.spec().origin);
  CheckPlaces(world.spec(), check);
  CheckAimReach(world, check);
  CheckSensorPaths(world, check);
  CheckTrackerModel(world, check);
  CheckEnvelopes(world, check);
  return check.Take();
}

}  // namespace cupola

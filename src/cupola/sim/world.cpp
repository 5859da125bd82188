#include "cupola/sim/world.h"

#include <cmath>

#include "cupola/core/units.h"
#include "cupola/interceptor/pk_calibration.h"
#include "cupola/scenario/presets.h"

namespace cupola {

namespace {
Polygon ToPolygon(const LocalFrame& frame, const std::vector<GeodeticPoint>& vertices) {
  Polygon p;
  for (const auto& v : vertices) p.vertices_EN.push_back(frame.ToLocal(v).head<2>());
  return p;
}

bool IsFar(const Eigen::Vector2d& p_EN) { return p_EN.squaredNorm() > kFlatGroundRadius_m * kFlatGroundRadius_m; }

// A frame on the ground at the vertices' mean, and the polygon in it.
FarPlace FarPlaceOf(const std::vector<GeodeticPoint>& vertices, double ground_alt_m) {
  GeodeticPoint mean{0.0, 0.0, ground_alt_m};
  for (const auto& v : vertices) mean.lat_deg += v.lat_deg, mean.lon_deg += v.lon_deg;
  mean.lat_deg /= static_cast<double>(vertices.size());
  mean.lon_deg /= static_cast<double>(vertices.size());
  FarPlace place{LocalFrame(mean), {}};
  std::vector<GeodeticPoint> on_ground = vertices;
  for (auto& v : on_ground) v.alt_m = ground_alt_m;
  if (vertices.size() > 1) place.polygon = ToPolygon(place.frame, on_ground);
  return place;
}
}  // namespace

World::World(ScenarioSpec spec)
    : spec_(std::move(spec)),
      frame_(spec_.origin),
      environment_(FlightEnvironment::Standard(frame_, spec_.origin.alt_m)),
      network_(spec_) {
  environment_.earth_rotation = spec_.physics.earth_rotation;
  // Wind blows *from* wind_from: the air moves toward the opposite bearing.
  const double to = spec_.physics.wind_from_rad + kPi;
  environment_.wind_W = spec_.physics.wind_speed_mps * Eigen::Vector3d(std::sin(to), std::cos(to), 0.0);

  for (const auto& a : spec_.defended_areas) {
    DefendedArea area{a.name, a.value, ToPolygon(frame_, a.polygon), std::nullopt};
    for (const auto& v : area.polygon.vertices_EN)
      if (IsFar(v)) area.far = FarPlaceOf(a.polygon, environment_.ground_alt_m);
    areas_.push_back(std::move(area));
  }

  for (const auto& s : spec_.threats) {
    SalvoModel m;
    m.spec = &s;
    m.type = spec_.FindThreatType(s.type);
    m.p_launch_W = GroundPoint(frame_.ToLocal(s.launch_site).head<2>());
    if (s.aim_point) {
      m.aim_EN = frame_.ToLocal(*s.aim_point).head<2>();
      m.aim_area = AreaAt(m.aim_EN);
    } else {
      for (std::size_t i = 0; i < areas_.size(); ++i)
        if (areas_[i].name == s.aim_area) m.aim_area = static_cast<int>(i);
      m.aim_EN = areas_[m.aim_area].polygon.Centroid();
    }
    if (m.type->IsBallistic() && !s.elevation_rad) {
      const Eigen::Vector2d d = m.aim_EN - m.p_launch_W.head<2>();
      m.fire_control = ChargedFireControl(MakeBallisticModel(*m.type), m.p_launch_W, std::atan2(d.x(), d.y()));
    }
    if (IsFar(m.aim_EN)) {
      if (s.aim_point) m.far_aim = FarPlaceOf({*s.aim_point}, environment_.ground_alt_m);
      else m.far_aim = areas_[m.aim_area].far ? *areas_[m.aim_area].far
                                              : FarPlaceOf(spec_.defended_areas[m.aim_area].polygon, environment_.ground_alt_m);
    }
    for (const auto& w : s.waypoints) {
      DroneWaypoint d;
      d.p_W = frame_.ToLocal(w.Point());
      if (w.altitude_m) d.height_m = *w.altitude_m;
      d.loiter_s = w.loiter_s;
      m.waypoints.push_back(d);
    }
    salvos_.push_back(std::move(m));
  }
  for (const auto& r : spec_.radars) radars_.push_back(RadarModel::FromSpec(r, frame_));
  for (std::size_t r = 0; r < radars_.size(); ++r) sensors_.push_back(MakeSensor(radars_[r], static_cast<int>(r), frame_));
  for (const auto& z : spec_.alert_zones)
    alert_zones_.push_back({z.name, z.population, z.threshold_probability, ToPolygon(frame_, z.polygon)});
  for (const auto& b : spec_.batteries)
    batteries_.push_back(BatteryModel::From(b, frame_, environment_.atmosphere, environment_.ground_alt_m));
  for (BatteryModel& b : batteries_) EstimatePlanningPk(b);

  extent_EN_.extend(Eigen::Vector2d::Zero());
  for (const auto& a : areas_)
    for (const auto& v : a.polygon.vertices_EN) extent_EN_.extend(v);
  for (const auto& z : alert_zones_)
    for (const auto& v : z.polygon.vertices_EN) extent_EN_.extend(v);
  for (const auto& m : salvos_) {
    extent_EN_.extend(m.p_launch_W.head<2>());
    extent_EN_.extend(m.aim_EN);
    for (const auto& w : m.waypoints) extent_EN_.extend(Eigen::Vector2d(w.p_W.head<2>()));
  }
  for (const auto& r : radars_) extent_EN_.extend(r.p_WR.head<2>());
  for (const auto& b : batteries_)
    for (const auto& l : b.launchers) extent_EN_.extend(l.p_W.head<2>());
}

void World::EstimatePlanningPk(BatteryModel& battery) {
  if (battery.single_shot_pk_override) return;  // the scenario's number (BatteryModel::From)
  if (battery.IsGun()) return;                  // the gun's own model (gun_weapon.h)
  // The picture tells a falling threat from a drone, not a rocket from a
  // mortar bomb: per class, the mean over the scenario's salvos weighted by
  // their rounds; a class the scenario does not launch gets the catalog's
  // first type of it (a false track may still be engaged).
  double sum[2] = {0.0, 0.0}, rounds[2] = {0.0, 0.0};
  std::vector<std::pair<std::string, double>> done;  // by threat type name
  const auto pk_of = [&](const ThreatType& type) {
    for (const auto& [name, pk] : done)
      if (name == type.name) return pk;
    const double pk = EstimateSingleShotPk(battery.interceptor, environment_, type).pk;
    done.emplace_back(type.name, pk);
    return pk;
  };
  for (const SalvoModel& s : salvos_) {
    const int c = s.type->IsBallistic() ? 0 : 1;
    sum[c] += s.spec->count * pk_of(*s.type);
    rounds[c] += s.spec->count;
  }
  for (int c = 0; c < 2; ++c) {
    if (rounds[c] > 0.0) continue;
    for (const ThreatType& t : ThreatCatalog())
      if (t.IsBallistic() == (c == 0)) {
        sum[c] = pk_of(t), rounds[c] = 1.0;
        break;
      }
  }
  battery.planning_pk = {sum[0] / rounds[0], sum[1] / rounds[1]};
  battery.UseMissileWeapon();
}

BallisticModel World::MakeBallisticModel(const ThreatType& type) const {
  return BallisticModel{&type.ballistic, &environment_, spec_.physics.step_s, spec_.physics.boost_step_s};
}

DroneModel World::MakeDroneModel(const ThreatType& type) const {
  return DroneModel{&type.drone, &environment_, spec_.physics.drone_step_s};
}

Eigen::Vector3d World::GroundPoint(const Eigen::Vector2d& p_EN) const {
  GeodeticPoint g = frame_.ToGeodetic(Eigen::Vector3d(p_EN.x(), p_EN.y(), 0.0));
  g.alt_m = environment_.ground_alt_m;
  return frame_.ToLocal(g);
}

int World::AreaAt(const Eigen::Vector2d& p_EN) const {
  for (std::size_t i = 0; i < areas_.size(); ++i)
    if (areas_[i].polygon.Contains(p_EN)) return static_cast<int>(i);
  return -1;
}

int World::AreaAtGround(const Eigen::Vector3d& p_W) const {
  for (std::size_t i = 0; i < areas_.size(); ++i) {
    const DefendedArea& a = areas_[i];
    const bool inside = a.far ? a.far->polygon.Contains(a.far->frame.ToLocal(frame_.ToGeodetic(p_W)).head<2>())
                              : a.polygon.Contains(p_W.head<2>());
    if (inside) return static_cast<int>(i);
  }
  return -1;
}

Eigen::Vector3d World::GroundPointFrom(const FarPlace& place, const Eigen::Vector2d& p_EN) const {
  GeodeticPoint g = place.frame.ToGeodetic(Eigen::Vector3d(p_EN.x(), p_EN.y(), 0.0));
  g.alt_m = environment_.ground_alt_m;
  return frame_.ToLocal(g);
}

}  // namespace cupola

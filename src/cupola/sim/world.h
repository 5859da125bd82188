// cupola/sim/world.h -- the constant model of a scenario, built once.
//
// A World holds everything about a scenario that does not change while it
// runs: the frame, the flight environment, defended areas as polygons in W,
// each salvo's launch point and fire-control table, each battery's planning
// Pk estimated from the endgame model (EstimatePlanningPk). Replications read it
// (const World&) and keep all their changing state to themselves, so any
// number of them can run at once on one World.
#pragma once

#include <Eigen/Core>
#include <Eigen/Geometry>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cupola/engagement/battery.h"
#include "cupola/geo/local_frame.h"
#include "cupola/geo/polygon.h"
#include "cupola/physics/ballistic.h"
#include "cupola/physics/drone.h"
#include "cupola/physics/fire_control.h"
#include "cupola/scenario/spec.h"
#include "cupola/sensors/radar.h"
#include "cupola/sensors/sensor.h"
#include "cupola/sim/network.h"

namespace cupola {

/// Beyond this distance from the origin [m], W's flat (east, north) is no
/// longer the ground's: aim points are drawn, and impacts placed in areas,
/// in a local frame at the area or aim point instead.
inline constexpr double kFlatGroundRadius_m = 100e3;

/// A local East-North-Up frame at a far place, and a polygon in it.
struct FarPlace {
  LocalFrame frame;   // at the place, on the ground
  Polygon polygon;    // in that frame (empty for a point)
};

struct DefendedArea {
  std::string name;
  double value = 0.0;
  Polygon polygon;  // in W
  std::optional<FarPlace> far;  // an area beyond kFlatGroundRadius_m
};

struct AlertZone {
  std::string name;
  double population = 0.0;
  double threshold_probability = 0.1;
  Polygon polygon;  // in W
};

/// A salvo ready to fire: where from, at what, and how to lay each round.
struct SalvoModel {
  const SalvoSpec* spec = nullptr;
  const ThreatType* type = nullptr;
  Eigen::Vector3d p_launch_W = Eigen::Vector3d::Zero();
  Eigen::Vector2d aim_EN = Eigen::Vector2d::Zero();  // aim point, or the aim area's centroid
  int aim_area = -1;            // defended area aimed at (aim_area, or the one containing aim_point)
  ChargedFireControl fire_control;  // ballistic salvos without a fixed elevation
  std::vector<DroneWaypoint> waypoints;  // drones
  std::optional<FarPlace> far_aim;       // an aim beyond kFlatGroundRadius_m: drawn there
};

class World {
 public:
  explicit World(ScenarioSpec spec);
  World(const World&) = delete;
  World& operator=(const World&) = delete;

  const ScenarioSpec& spec() const { return spec_; }
  const LocalFrame& frame() const { return frame_; }
  const FlightEnvironment& environment() const { return environment_; }
  const std::vector<DefendedArea>& areas() const { return areas_; }
  const std::vector<SalvoModel>& salvos() const { return salvos_; }
  const std::vector<RadarModel>& radars() const { return radars_; }
  /// The sensors the clock drives, by radar index (sensors/sensor.h).
  const std::vector<std::unique_ptr<Sensor>>& sensors() const { return sensors_; }
  const std::vector<AlertZone>& alert_zones() const { return alert_zones_; }
  const std::vector<BatteryModel>& batteries() const { return batteries_; }
  /// The links between radars and batteries, and the paths over them.
  const Network& network() const { return network_; }

  BallisticModel MakeBallisticModel(const ThreatType& type) const;
  DroneModel MakeDroneModel(const ThreatType& type) const;
  /// The point on the ground below (east, north) in W.
  Eigen::Vector3d GroundPoint(const Eigen::Vector2d& p_EN) const;
  /// Index of the first defended area containing p, or -1 for open ground.
  int AreaAt(const Eigen::Vector2d& p_EN) const;
  /// Index of the first defended area containing a point on the ground, -1
  /// for open ground: far areas are tested in their own local frame.
  int AreaAtGround(const Eigen::Vector3d& p_W) const;
  /// The point on the ground at (east, north) [m] in a far place's frame, in W.
  Eigen::Vector3d GroundPointFrom(const FarPlace& place, const Eigen::Vector2d& p_EN) const;
  /// The box (east, north) [m] around everything the scenario places: the
  /// origin, areas, alert zones, launch sites, aim points, waypoints, radars
  /// and launchers. Outputs leave out what lies far outside it.
  const Eigen::AlignedBox2d& extent_EN() const { return extent_EN_; }

 private:
  /// The battery's planning Pk from the endgame model (interceptor/pk_calibration.h), unless overridden.
  void EstimatePlanningPk(BatteryModel& battery);

  ScenarioSpec spec_;
  LocalFrame frame_;
  FlightEnvironment environment_;
  std::vector<DefendedArea> areas_;
  std::vector<SalvoModel> salvos_;
  std::vector<RadarModel> radars_;
  std::vector<std::unique_ptr<Sensor>> sensors_;
  std::vector<AlertZone> alert_zones_;
  std::vector<BatteryModel> batteries_;
  Network network_;
  Eigen::AlignedBox2d extent_EN_;
};

}  // namespace cupola

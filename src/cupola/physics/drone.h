// cupola/physics/drone.h -- kinematic flight of a one-way attack drone.
//
// A Shahed-136-class drone is slow and flies a planned route, so a kinematic
// model is enough for tracking and engagement studies: it climbs to its
// commanded height above ground at its climb-rate limit, flies toward each
// waypoint in turn at cruise speed with a turn-rate limit (a waypoint is
// passed within one turn radius, v / turn_rate), circles there at that turn
// radius for the waypoint's loiter time, and once the target is within
// h / tan(dive_angle) it dives in a straight line onto it at the dive speed.
// Explicit Euler steps of `step_s`; the impact is found exactly on the
// straight dive line.
//
// On the ellipsoid: within kFlatRadius_m of the frame's origin the height and
// the vertical come from the fast curvature approximation of W
// (LocalFrame::FastHeight / FastUp) and headings from the flat (east, north)
// of W. Beyond it, the drone navigates in its own local horizontal plane:
// the exact vertical and height above the ellipsoid (GeographicLib),
// refreshed every kProbeSpacing_m of travel and carried between by the
// tangent plane plus the curvature term s^2 / 2R; the heading to a point is
// that of its offset projected on the local horizontal, which is the
// great-circle (normal-section) bearing -- on WGS84 within a few arc-seconds
// of the geodesic's. Routes of thousands of kilometres are flown at height,
// at cruise speed over the ground, and end on the aim point.
#pragma once

#include <Eigen/Core>
#include <limits>
#include <vector>

#include "cupola/physics/ballistic.h"

namespace cupola {

struct DroneModel {
  const DroneParams* params = nullptr;
  const FlightEnvironment* env = nullptr;
  double step_s = 0.1;
};

/// One waypoint of a drone's route.
struct DroneWaypoint {
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();  // the waypoint on the ellipsoid [m, W]
  /// Height above ground [m] held from the leg toward this waypoint until a
  /// later waypoint sets another; NaN: unchanged (at first the type's cruise height).
  double height_m = std::numeric_limits<double>::quiet_NaN();
  double loiter_s = 0.0;  // circling time at the waypoint, at the turn radius [s]
};

struct DroneRoute {
  std::vector<DroneWaypoint> waypoints;  // passed in order
  Eigen::Vector3d target_W = Eigen::Vector3d::Zero();  // on the ground
};

/// Within this distance of the frame's origin [m] the drone flies on W's
/// fast curvature approximation (1 m in height, see geo/local_frame.h).
inline constexpr double kDroneFlatRadius_m = 100e3;

/// Flies the route from `p_launch_W` at `t_launch_s` until impact or `t_end_s`.
FlightResult FlyDrone(const DroneModel& model, const DroneRoute& route, const Eigen::Vector3d& p_launch_W,
                      double t_launch_s, double t_end_s, double sample_dt_s = 0.0, const TrajectorySink& sink = {});

}  // namespace cupola

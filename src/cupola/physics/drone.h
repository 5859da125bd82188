// cupola/physics/drone.h -- kinematic flight of a one-way attack drone.
//
// A Shahed-136-class drone is slow and flies a planned route, so a kinematic
// model is enough for tracking and engagement studies: it climbs to its
// cruise height above ground at its climb-rate limit, flies toward each
// waypoint in turn at cruise speed with a turn-rate limit (a waypoint is
// passed within one turn radius, v / turn_rate), and once the target is
// within h / tan(dive_angle) it dives in a straight line onto it at the
// dive speed. Explicit Euler steps of `step_s`; the impact is found exactly
// on the straight dive line.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "cupola/physics/ballistic.h"

namespace cupola {

struct DroneModel {
  const DroneParams* params = nullptr;
  const FlightEnvironment* env = nullptr;
  double step_s = 0.1;
};

struct DroneRoute {
  std::vector<Eigen::Vector2d> waypoints_EN;  // passed in order [m, W]
  Eigen::Vector3d target_W = Eigen::Vector3d::Zero();  // on the ground
};

/// Flies the route from `p_launch_W` at `t_launch_s` until impact or `t_end_s`.
FlightResult FlyDrone(const DroneModel& model, const DroneRoute& route, const Eigen::Vector3d& p_launch_W,
                      double t_launch_s, double t_end_s, double sample_dt_s = 0.0, const TrajectorySink& sink = {});

}  // namespace cupola

#include "cupola/physics/drone.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/units.h"

namespace cupola {

namespace {
constexpr double kHeightTimeConstant_s = 5.0;  // how briskly the drone holds its cruise height

double BearingTo(const Eigen::Vector3d& from_W, const Eigen::Vector2d& to_EN) {
  const Eigen::Vector2d d = to_EN - from_W.head<2>();
  return std::atan2(d.x(), d.y());
}
}  // namespace

FlightResult FlyDrone(const DroneModel& model, const DroneRoute& route, const Eigen::Vector3d& p_launch_W,
                      double t_launch_s, double t_end_s, double sample_dt_s, const TrajectorySink& sink) {
  const DroneParams& params = *model.params;
  const FlightEnvironment& env = *model.env;
  const double turn_radius_m = params.cruise_speed_mps / std::max(params.max_turn_rate_radps, 1e-6);
  const double capture_radius_m = std::max(turn_radius_m, 2.0 * params.cruise_speed_mps * model.step_s);
  const double tan_dive = std::tan(params.dive_angle_rad);

  FlightResult result;
  TrajectoryPoint now{t_launch_s, p_launch_W, Eigen::Vector3d::Zero()};
  std::size_t leg = 0;
  const Eigen::Vector2d target_EN = route.target_W.head<2>();
  double heading = BearingTo(p_launch_W, route.waypoints_EN.empty() ? target_EN : route.waypoints_EN[0]);
  bool diving = false;
  double next_sample_t = t_launch_s;
  result.apogee = now;

  while (now.t_s < t_end_s) {
    const double dt = std::min(model.step_s, t_end_s - now.t_s);
    const double height = env.HeightFast(now.p_W);
    // Route logic: skip passed waypoints, then decide whether to dive.
    while (leg < route.waypoints_EN.size() && (route.waypoints_EN[leg] - now.p_W.head<2>()).norm() < capture_radius_m)
      ++leg;
    const bool on_final_leg = leg >= route.waypoints_EN.size();
    if (on_final_leg && !diving && (target_EN - now.p_W.head<2>()).norm() * tan_dive <= height) diving = true;

    Eigen::Vector3d v_W;
    if (diving) {
      v_W = params.dive_speed_mps * (route.target_W - now.p_W).normalized();
    } else {
      const Eigen::Vector2d aim = on_final_leg ? target_EN : route.waypoints_EN[leg];
      const double turn = WrapToPi(BearingTo(now.p_W, aim) - heading);
      const double max_turn = params.max_turn_rate_radps * dt;
      heading = WrapToPi(heading + std::clamp(turn, -max_turn, max_turn));
      const double climb = std::clamp((params.cruise_height_m - height) / kHeightTimeConstant_s,
                                      -params.max_climb_rate_mps, params.max_climb_rate_mps);
      const Eigen::Vector3d up = env.Up(now.p_W);
      const Eigen::Vector3d east = Eigen::Vector3d::UnitY().cross(up).normalized();
      const Eigen::Vector3d north = up.cross(east);
      v_W = params.cruise_speed_mps * (std::sin(heading) * east + std::cos(heading) * north) + climb * up;
    }
    TrajectoryPoint next{now.t_s + dt, now.p_W + dt * v_W, v_W};
    now.v_W = v_W;  // velocity held over the step (explicit Euler)

    if (diving && env.HeightFast(next.p_W) < 50.0 && env.HeightExact(next.p_W) <= 0.0) {
      // Straight line: secant iterations on the exact height pin the crossing.
      double lo = 0.0, hi = dt, f_lo = env.HeightExact(now.p_W), f_hi = env.HeightExact(next.p_W);
      double tau = hi;
      for (int i = 0; i < 30 && f_lo > 0.0; ++i) {
        tau = lo + (hi - lo) * f_lo / (f_lo - f_hi);
        const double f = env.HeightExact(now.p_W + tau * v_W);
        if (std::abs(f) < 1e-6) break;
        if (f > 0.0) lo = tau, f_lo = f; else hi = tau, f_hi = f;
      }
      next = {now.t_s + tau, now.p_W + tau * v_W, v_W};
      result.impacted = true;
    }
    if (sink && sample_dt_s > 0.0) {
      while (next_sample_t <= next.t_s) {
        const double span = next.t_s - now.t_s;
        const double w = span > 0.0 ? (next_sample_t - now.t_s) / span : 0.0;
        sink({next_sample_t, now.p_W + w * (next.p_W - now.p_W), v_W});
        next_sample_t += sample_dt_s;
      }
    }
    const double h_next = env.HeightFast(next.p_W);
    if (h_next > result.apogee_height_m) result.apogee_height_m = h_next, result.apogee = next;
    now = next;
    ++result.steps;
    if (result.impacted) break;
  }
  result.end = now;
  if (sink && sample_dt_s > 0.0) sink(result.end);
  return result;
}

}  // namespace cupola

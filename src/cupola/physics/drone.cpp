#include "cupola/physics/drone.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/units.h"

namespace cupola {

namespace {
constexpr double kHeightTimeConstant_s = 5.0;  // how briskly the drone holds its commanded height
constexpr double kProbeSpacing_m = 1000.0;     // exact vertical refreshed this often far from the origin
constexpr double kMeanEarthRadius_m = 6371e3;  // curvature of the tangent plane between refreshes

// Where the drone is, as navigation needs it: height above ground, the local
// vertical and horizontal axes (in W), and the horizontal offset to a point.
struct Local {
  double height_m = 0.0;
  Eigen::Vector3d up = Eigen::Vector3d::UnitZ();
  bool far = false;  // beyond kDroneFlatRadius_m: navigate in the local horizontal plane

  /// Horizontal offset (east, north) from p to `to` [m]: W's flat one near the
  /// origin, else the offset projected on the local horizontal.
  Eigen::Vector2d Offset(const Eigen::Vector3d& p_W, const Eigen::Vector3d& to_W) const {
    if (!far) return to_W.head<2>() - p_W.head<2>();
    const Eigen::Vector3d d = to_W - p_W;
    return {d.dot(East()), d.dot(North())};
  }
  Eigen::Vector3d East() const { return Eigen::Vector3d::UnitY().cross(up).normalized(); }
  Eigen::Vector3d North() const { return up.cross(East()); }
};

// The exact height and vertical far from the origin: GeographicLib at a
// reference point refreshed every kProbeSpacing_m, the tangent plane plus the
// curvature drop s^2 / 2R between (error below 0.1 m in height, 2e-4 rad in
// the vertical).
class EllipsoidProbe {
 public:
  explicit EllipsoidProbe(const FlightEnvironment& env) : env_(env) {}

  Local At(const Eigen::Vector3d& p_W) {
    Local l;
    if (!env_.curved_earth || p_W.head<2>().squaredNorm() <= kDroneFlatRadius_m * kDroneFlatRadius_m) {
      l.height_m = env_.HeightFast(p_W);
      l.up = env_.Up(p_W);
      return l;
    }
    if (!valid_ || (p_W - p_ref_W_).squaredNorm() > kProbeSpacing_m * kProbeSpacing_m) Refresh(p_W);
    const Eigen::Vector3d d = p_W - p_ref_W_;
    const double dz = d.dot(up_ref_W_);
    l.height_m = h_ref_m_ + dz + (d.squaredNorm() - dz * dz) / (2.0 * kMeanEarthRadius_m);
    l.up = up_ref_W_;
    l.far = true;
    return l;
  }

 private:
  void Refresh(const Eigen::Vector3d& p_W) {
    const LocalFrame& frame = *env_.frame;
    GeodeticPoint g = frame.ToGeodetic(p_W);
    h_ref_m_ = g.alt_m - env_.ground_alt_m;
    g.alt_m += 1000.0;
    up_ref_W_ = (frame.ToLocal(g) - p_W).normalized();
    p_ref_W_ = p_W;
    valid_ = true;
  }

  const FlightEnvironment& env_;
  bool valid_ = false;
  Eigen::Vector3d p_ref_W_ = Eigen::Vector3d::Zero(), up_ref_W_ = Eigen::Vector3d::UnitZ();
  double h_ref_m_ = 0.0;
};

double Bearing(const Eigen::Vector2d& d_EN) { return std::atan2(d_EN.x(), d_EN.y()); }
}  // namespace

FlightResult FlyDrone(const DroneModel& model, const DroneRoute& route, const Eigen::Vector3d& p_launch_W,
                      double t_launch_s, double t_end_s, double sample_dt_s, const TrajectorySink& sink) {
  const DroneParams& params = *model.params;
  const FlightEnvironment& env = *model.env;
  const double turn_radius_m = params.cruise_speed_mps / std::max(params.max_turn_rate_radps, 1e-6);
  const double capture_radius_m = std::max(turn_radius_m, 2.0 * params.cruise_speed_mps * model.step_s);
  const double tan_dive = std::tan(params.dive_angle_rad);
  const std::vector<DroneWaypoint>& waypoints = route.waypoints;
  EllipsoidProbe probe(env);

  FlightResult result;
  TrajectoryPoint now{t_launch_s, p_launch_W, Eigen::Vector3d::Zero()};
  std::size_t leg = 0;
  // The commanded height: a waypoint's, from the leg toward it on.
  double command_height_m = params.cruise_height_m;
  const auto enter_leg = [&] {
    if (leg < waypoints.size() && !std::isnan(waypoints[leg].height_m)) command_height_m = waypoints[leg].height_m;
  };
  enter_leg();
  double loiter_left_s = 0.0;
  std::size_t loitered_leg = waypoints.size();  // the waypoint whose loiter has begun
  const auto aim_of = [&](std::size_t l) -> const Eigen::Vector3d& {
    return l < waypoints.size() ? waypoints[l].p_W : route.target_W;
  };
  double heading = Bearing(probe.At(p_launch_W).Offset(p_launch_W, aim_of(0)));
  bool diving = false;
  double next_sample_t = t_launch_s;
  result.apogee = now;

  while (now.t_s < t_end_s) {
    const double dt = std::min(model.step_s, t_end_s - now.t_s);
    const Local here = probe.At(now.p_W);
    const double height = here.height_m;
    // Route logic: skip passed waypoints (or begin circling at one), then decide whether to dive.
    if (loiter_left_s <= 0.0) {
      while (leg < waypoints.size() && here.Offset(now.p_W, waypoints[leg].p_W).norm() < capture_radius_m) {
        if (waypoints[leg].loiter_s > 0.0 && loitered_leg != leg) {
          loitered_leg = leg;
          loiter_left_s = waypoints[leg].loiter_s;
          break;
        }
        ++leg;
        enter_leg();
      }
    }
    const bool loitering = loiter_left_s > 0.0;
    const bool on_final_leg = leg >= waypoints.size();
    if (on_final_leg && !diving && here.Offset(now.p_W, route.target_W).norm() * tan_dive <= height) diving = true;

    Eigen::Vector3d v_W;
    if (diving) {
      v_W = params.dive_speed_mps * (route.target_W - now.p_W).normalized();
    } else {
      const double max_turn = params.max_turn_rate_radps * dt;
      if (loitering) {
        // A right-hand circle at the turn radius; then on to the next leg.
        heading = WrapToPi(heading + max_turn);
        loiter_left_s -= dt;
        if (loiter_left_s <= 0.0) ++leg, enter_leg();
      } else {
        const double turn = WrapToPi(Bearing(here.Offset(now.p_W, aim_of(leg))) - heading);
        heading = WrapToPi(heading + std::clamp(turn, -max_turn, max_turn));
      }
      const double climb = std::clamp((command_height_m - height) / kHeightTimeConstant_s,
                                      -params.max_climb_rate_mps, params.max_climb_rate_mps);
      const Eigen::Vector3d& up = here.up;
      const Eigen::Vector3d east = here.East();
      const Eigen::Vector3d north = up.cross(east);
      v_W = params.cruise_speed_mps * (std::sin(heading) * east + std::cos(heading) * north) + climb * up;
    }
    TrajectoryPoint next{now.t_s + dt, now.p_W + dt * v_W, v_W};
    now.v_W = v_W;  // velocity held over the step (explicit Euler)
    double h_next = probe.At(next.p_W).height_m;

    if (diving && h_next < 50.0 && env.HeightExact(next.p_W) <= 0.0) {
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
      h_next = probe.At(next.p_W).height_m;
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

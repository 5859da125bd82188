#include "cupola/physics/ballistic.h"

#include <algorithm>
#include <cmath>

namespace cupola {

Eigen::Vector3d LaunchDirection(const FlightEnvironment& env, const Eigen::Vector3d& p_W, double elevation_rad,
                                double azimuth_rad) {
  // Local horizontal basis at p: east is perpendicular to up and W's north axis.
  const Eigen::Vector3d up = env.Up(p_W);
  const Eigen::Vector3d east = Eigen::Vector3d::UnitY().cross(up).normalized();
  const Eigen::Vector3d north = up.cross(east);
  const double horizontal = std::cos(elevation_rad);
  return (horizontal * (std::sin(azimuth_rad) * east + std::cos(azimuth_rad) * north) +
          std::sin(elevation_rad) * up)
      .normalized();
}

BallisticState Launch(const BallisticModel& model, const Eigen::Vector3d& p_launch_W, double elevation_rad,
                      double azimuth_rad, double t_s) {
  BallisticState s;
  s.t_s = t_s;
  s.launch_t_s = t_s;
  s.p_W = p_launch_W;
  s.p_launch_W = p_launch_W;
  s.u_launch_W = LaunchDirection(*model.env, p_launch_W, elevation_rad, azimuth_rad);
  s.v_W = model.params->muzzle_velocity_mps * s.u_launch_W;
  return s;
}

double MassAt(const BallisticParams& params, double time_since_launch_s) {
  const double burnt = params.MassFlow_kgps() * std::clamp(time_since_launch_s, 0.0, params.motor.burn_time_s);
  return params.launch_mass_kg - burnt;
}

FlightPhase PhaseAt(const BallisticModel& model, const BallisticState& s) {
  const BallisticParams& params = *model.params;
  FlightPhase phase;
  phase.motor_on = (s.t_s - s.launch_t_s) < params.motor.burn_time_s - kBurnTimeTolerance_s;
  phase.on_rail = params.rail_length_m > 0.0 &&
                  (s.p_W - s.p_launch_W).dot(s.u_launch_W) < params.rail_length_m - kRailTolerance_m;
  return phase;
}

Eigen::Vector3d Acceleration(const BallisticModel& model, const BallisticState& launch, FlightPhase phase,
                             double t_s, const Eigen::Vector3d& p_W, const Eigen::Vector3d& v_W) {
  const BallisticParams& params = *model.params;
  const FlightEnvironment& env = *model.env;
  const double inv_mass = 1.0 / MassAt(params, t_s - launch.launch_t_s);
  const double height = env.HeightFast(p_W);
  Eigen::Vector3d a = env.GravityAndCoriolis(p_W, v_W, height);

  const Eigen::Vector3d v_air = v_W - env.wind_W;
  const double airspeed = v_air.norm();
  if (env.atmosphere != nullptr && airspeed > 0.0) {
    const auto air = env.atmosphere->At(height + env.ground_alt_m);
    const double cd = params.drag.Cd(airspeed / air.speed_of_sound_mps);
    a -= (0.5 * air.density_kgpm3 * airspeed * params.ReferenceArea_m2() * cd * inv_mass) * v_air;
  }
  if (phase.motor_on) {
    // Thrust along the body axis: the launch direction on the rail and at
    // very low speed, the air-relative velocity after.
    const Eigen::Vector3d axis =
        (phase.on_rail || airspeed < 1.0) ? launch.u_launch_W : Eigen::Vector3d(v_air / airspeed);
    a += (params.motor.thrust_N * inv_mass) * axis;
  }
  if (phase.on_rail) {
    // The rail carries every force across it and stops the rocket sliding back.
    a = std::max(0.0, a.dot(launch.u_launch_W)) * launch.u_launch_W;
  }
  return a;
}

void Step(const BallisticModel& model, BallisticState& s, double dt) {
  // The phase (motor, rail) is fixed for the whole step: steps are laid so
  // that burn-out falls on a step boundary, and the right-hand side must not
  // switch inside a Runge-Kutta step.
  const FlightPhase phase = PhaseAt(model, s);
  const double t = s.t_s;
  const Eigen::Vector3d p = s.p_W, v = s.v_W;
  const Eigen::Vector3d k1v = Acceleration(model, s, phase, t, p, v);
  const Eigen::Vector3d& k1p = v;
  const Eigen::Vector3d k2v = Acceleration(model, s, phase, t + 0.5 * dt, p + 0.5 * dt * k1p, v + 0.5 * dt * k1v);
  const Eigen::Vector3d k2p = v + 0.5 * dt * k1v;
  const Eigen::Vector3d k3v = Acceleration(model, s, phase, t + 0.5 * dt, p + 0.5 * dt * k2p, v + 0.5 * dt * k2v);
  const Eigen::Vector3d k3p = v + 0.5 * dt * k2v;
  const Eigen::Vector3d k4v = Acceleration(model, s, phase, t + dt, p + dt * k3p, v + dt * k3v);
  const Eigen::Vector3d k4p = v + dt * k3v;
  s.p_W = p + (dt / 6.0) * (k1p + 2.0 * k2p + 2.0 * k3p + k4p);
  s.v_W = v + (dt / 6.0) * (k1v + 2.0 * k2v + 2.0 * k3v + k4v);
  s.t_s = t + dt;
}

double NextStepSize(const BallisticModel& model, const BallisticState& s) {
  const double burn_left = model.params->motor.burn_time_s - (s.t_s - s.launch_t_s);
  double dt = burn_left > kBurnTimeTolerance_s ? std::min(model.boost_step_s, burn_left) : model.step_s;
  const FlightPhase phase = PhaseAt(model, s);
  if (phase.on_rail) {
    // End the step where the rocket leaves the rail, so no step straddles the
    // switch from constrained to free flight: solve s_left = v t + a t^2 / 2
    // with the acceleration along the rail at the step's start.
    const double s_left = model.params->rail_length_m - (s.p_W - s.p_launch_W).dot(s.u_launch_W);
    const double v = s.v_W.dot(s.u_launch_W);
    const double a = Acceleration(model, s, phase, s.t_s, s.p_W, s.v_W).dot(s.u_launch_W);
    const double exit_s = a > 0.0 ? (-v + std::sqrt(v * v + 2.0 * a * s_left)) / a : (v > 0.0 ? s_left / v : dt);
    dt = std::min(dt, std::max(exit_s, 1e-6));
  }
  return dt;
}

TrajectoryPoint Interpolate(const TrajectoryPoint& a, const TrajectoryPoint& b, double t_s) {
  const double h = b.t_s - a.t_s;
  if (h <= 0.0) return a;
  const double s = (t_s - a.t_s) / h;
  const double s2 = s * s, s3 = s2 * s;
  TrajectoryPoint out;
  out.t_s = t_s;
  out.p_W = (2 * s3 - 3 * s2 + 1) * a.p_W + (s3 - 2 * s2 + s) * h * a.v_W + (-2 * s3 + 3 * s2) * b.p_W +
            (s3 - s2) * h * b.v_W;
  out.v_W = ((6 * s2 - 6 * s) * a.p_W + (6 * s2 - 6 * s) * -b.p_W) / h + (3 * s2 - 4 * s + 1) * a.v_W +
            (3 * s2 - 2 * s) * b.v_W;
  return out;
}

TrajectoryPoint InterpolateAlong(std::span<const TrajectoryPoint> points, double t_s) {
  if (t_s <= points.front().t_s) return points.front();
  if (t_s >= points.back().t_s) return points.back();
  const auto upper = std::upper_bound(points.begin(), points.end(), t_s,
                                      [](double t, const TrajectoryPoint& p) { return t < p.t_s; });
  return Interpolate(*(upper - 1), *upper, t_s);
}

namespace {

TrajectoryPoint PointOf(const BallisticState& s) { return {s.t_s, s.p_W, s.v_W}; }

// Re-integrates from `before` (above ground) by a partial step so that the
// exact height is zero, by the Illinois variant of regula falsi.
BallisticState FindGroundCrossing(const BallisticModel& model, const BallisticState& before, double full_dt,
                                  double h_before, double h_after) {
  double lo = 0.0, hi = full_dt, f_lo = h_before, f_hi = h_after;
  BallisticState trial = before;
  int side = 0;
  for (int iteration = 0; iteration < 60; ++iteration) {
    const double dt = (lo * f_hi - hi * f_lo) / (f_hi - f_lo);
    trial = before;
    Step(model, trial, dt);
    const double f = model.env->HeightExact(trial.p_W);
    if (std::abs(f) < 1e-6 || hi - lo < 1e-9) break;
    if ((f > 0.0) == (f_lo > 0.0)) {
      lo = dt, f_lo = f;
      if (side == -1) f_hi *= 0.5;
      side = -1;
    } else {
      hi = dt, f_hi = f;
      if (side == 1) f_lo *= 0.5;
      side = 1;
    }
  }
  return trial;
}

// Apogee inside a step: where the vertical speed crosses zero (linear in t),
// with the height from the Hermite interpolant.
void TrackApogee(const FlightEnvironment& env, const TrajectoryPoint& a, const TrajectoryPoint& b,
                 FlightResult& result) {
  const double va = a.v_W.dot(env.Up(a.p_W)), vb = b.v_W.dot(env.Up(b.p_W));
  TrajectoryPoint candidate = b;
  if (va > 0.0 && vb <= 0.0) candidate = Interpolate(a, b, a.t_s + (b.t_s - a.t_s) * va / (va - vb));
  const double h = env.HeightFast(candidate.p_W);
  if (h > result.apogee_height_m) {
    result.apogee_height_m = h;
    result.apogee = candidate;
  }
}

}  // namespace

FlightResult FlyToImpact(const BallisticModel& model, BallisticState state, double t_end_s, double sample_dt_s,
                         const TrajectorySink& sink) {
  const FlightEnvironment& env = *model.env;
  FlightResult result;
  result.apogee = PointOf(state);
  result.apogee_height_m = env.HeightFast(state.p_W);
  double next_sample_t = state.t_s;
  auto emit_samples_until = [&](const TrajectoryPoint& a, const TrajectoryPoint& b) {
    if (!sink || sample_dt_s <= 0.0) return;
    while (next_sample_t <= b.t_s) {
      sink(Interpolate(a, b, next_sample_t));
      next_sample_t += sample_dt_s;
    }
  };
  // Launched from the ground: ignore the ground until the body has climbed off it.
  bool left_ground = env.HeightFast(state.p_W) > 0.5;
  while (state.t_s < t_end_s) {
    const double dt = std::min(NextStepSize(model, state), t_end_s - state.t_s);
    const BallisticState before = state;
    Step(model, state, dt);
    ++result.steps;
    const double h_fast = env.HeightFast(state.p_W);
    if (!left_ground) {
      left_ground = h_fast > 0.5;
    } else if (h_fast < 50.0) {
      const double h_exact = env.HeightExact(state.p_W);
      if (h_exact <= 0.0) {
        const double h_before = env.HeightExact(before.p_W);
        state = h_before > 0.0 ? FindGroundCrossing(model, before, dt, h_before, h_exact) : before;
        TrackApogee(env, PointOf(before), PointOf(state), result);
        emit_samples_until(PointOf(before), PointOf(state));
        result.impacted = true;
        result.end = PointOf(state);
        if (sink && sample_dt_s > 0.0) sink(result.end);
        return result;
      }
    }
    TrackApogee(env, PointOf(before), PointOf(state), result);
    emit_samples_until(PointOf(before), PointOf(state));
  }
  result.end = PointOf(state);
  if (sink && sample_dt_s > 0.0) sink(result.end);
  return result;
}

}  // namespace cupola

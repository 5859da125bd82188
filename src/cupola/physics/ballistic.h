// cupola/physics/ballistic.h -- 3-DOF point-mass flight of rockets and mortar bombs.
//
// State in W: position p_W [m], velocity v_W [m/s]; mass follows from the
// time since launch (constant mass flow during the burn). Equations:
//   dp/dt = v
//   dv/dt = g(p) - 2 Omega x v - (rho |v_a| S Cd(M) / 2m) v_a + (T / m) u_T
// with v_a = v - wind the air-relative velocity, M = |v_a| / a(h), and the
// thrust T along v_a (an aerodynamically stable body). On the launch rail
// the motion is constrained to the launch direction.
//
// Integration: classical Runge-Kutta 4 with fixed steps: `boost_step_s`
// while the motor burns (the last boost step ends exactly at burn-out) and
// `step_s` after. Ground impact is found at the exact crossing time of the
// WGS84-parallel ground surface: the last step is re-integrated with shorter
// steps (regula falsi on the exact GeographicLib height), so the impact
// point is on the ground, not below it. Step-size convergence: docs/physics.md.
#pragma once

#include <Eigen/Core>
#include <cstddef>
#include <functional>
#include <span>

#include "cupola/physics/environment.h"
#include "cupola/physics/threat_type.h"

namespace cupola {

struct BallisticModel {
  const BallisticParams* params = nullptr;
  const FlightEnvironment* env = nullptr;
  double step_s = 0.25;        // coast step [s]
  double boost_step_s = 0.05;  // step while the motor burns [s]
};

struct BallisticState {
  double t_s = 0.0;  // scenario time
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_W = Eigen::Vector3d::Zero();
  double launch_t_s = 0.0;
  Eigen::Vector3d p_launch_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d u_launch_W = Eigen::Vector3d::UnitZ();  // unit launch direction
};

struct TrajectoryPoint {
  double t_s = 0.0;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_W = Eigen::Vector3d::Zero();
};

struct FlightResult {
  bool impacted = false;   // false: still flying at t_end
  TrajectoryPoint end;     // the impact (or the state at t_end)
  TrajectoryPoint apogee;  // highest point above ground
  double apogee_height_m = 0.0;
  std::size_t steps = 0;   // RK4 steps taken (for benchmarks)
};

/// Unit direction in W for an elevation above the local horizontal at p and an
/// azimuth clockwise from north [rad].
Eigen::Vector3d LaunchDirection(const FlightEnvironment& env, const Eigen::Vector3d& p_W, double elevation_rad,
                                double azimuth_rad);

/// State at the instant of launch: at rest on the rail (rockets) or leaving the
/// muzzle at the muzzle velocity (mortars).
BallisticState Launch(const BallisticModel& model, const Eigen::Vector3d& p_launch_W, double elevation_rad,
                      double azimuth_rad, double t_s);

/// Mass [kg] at `time_since_launch_s`.
double MassAt(const BallisticParams& params, double time_since_launch_s);

/// Which forces act during a step; fixed for the whole step.
struct FlightPhase {
  bool motor_on = false;
  bool on_rail = false;
};
/// Burn-out within this of a step boundary counts as on it [s].
inline constexpr double kBurnTimeTolerance_s = 1e-9;
/// The rail ends this short of its length, so a step that lands on its end is off it [m].
inline constexpr double kRailTolerance_m = 1e-6;
FlightPhase PhaseAt(const BallisticModel& model, const BallisticState& state);

/// Acceleration [m/s^2] in W (the right-hand side above).
Eigen::Vector3d Acceleration(const BallisticModel& model, const BallisticState& launch, FlightPhase phase,
                             double t_s, const Eigen::Vector3d& p_W, const Eigen::Vector3d& v_W);

/// One RK4 step of length dt.
void Step(const BallisticModel& model, BallisticState& state, double dt);

/// Length of the next step from `state` (shorter at burn-out).
double NextStepSize(const BallisticModel& model, const BallisticState& state);

/// State at time t in [a.t, b.t] by cubic Hermite interpolation of two states.
TrajectoryPoint Interpolate(const TrajectoryPoint& a, const TrajectoryPoint& b, double t_s);
/// State at time t along time-ordered samples (not empty): Hermite between the
/// two around t, the first or last sample outside them.
TrajectoryPoint InterpolateAlong(std::span<const TrajectoryPoint> points, double t_s);

/// Called with trajectory samples every `sample_dt_s` from launch, and at the end.
using TrajectorySink = std::function<void(const TrajectoryPoint&)>;

/// Flies from `state` until ground impact or `t_end_s`, whichever comes first.
FlightResult FlyToImpact(const BallisticModel& model, BallisticState state, double t_end_s,
                         double sample_dt_s = 0.0, const TrajectorySink& sink = {});

}  // namespace cupola

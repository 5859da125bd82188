// cupola/interceptor/flight.h -- 3-DOF flight of a guided interceptor.
//
// State in W: position, velocity, and the lateral acceleration the airframe
// achieves. Equations:
//   dp/dt = v
//   dv/dt = (T(t) - D) / m(t) v/|v| + a_lat + g(p) - 2 Omega x v
//   da_lat/dt = (a_c - a_lat) / tau          first-order autopilot lag
// where a_c is the guidance command made perpendicular to v and limited to
//   a_max = min(n_max g0, C_N,max q S / m)   (q = rho |v|^2 / 2),
// so a slow interceptor high up cannot turn as hard as a fast one low down.
// Thrust and drag act along the velocity (an interceptor flies at small
// angles of attack; induced drag is not modelled). RK4 with the command held
// over the step.
#pragma once

#include <Eigen/Core>

#include "cupola/physics/environment.h"
#include "cupola/physics/interceptor_type.h"

namespace cupola {

struct InterceptorState {
  double t_s = 0.0;
  double launch_t_s = 0.0;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d a_lat_W = Eigen::Vector3d::Zero();  // achieved lateral acceleration
};

class InterceptorDynamics {
 public:
  InterceptorDynamics(const InterceptorType* type, const FlightEnvironment* env) : type_(type), env_(env) {}

  /// The interceptor leaving its launcher at t_s along `direction_W` (unit) at `speed_mps`.
  InterceptorState Launch(const Eigen::Vector3d& p_W, const Eigen::Vector3d& direction_W, double t_s,
                          double speed_mps = 20.0) const;
  /// Largest lateral acceleration the airframe can pull now [m/s^2].
  double MaxLateralAcceleration(const InterceptorState& s) const;
  /// The command made perpendicular to the velocity and limited.
  Eigen::Vector3d Limit(const InterceptorState& s, const Eigen::Vector3d& a_cmd_W) const;
  /// Advances `s` by h with the (limited) command held.
  void Step(InterceptorState& s, const Eigen::Vector3d& a_cmd_W, double h) const;

  /// Height of the interceptor above the ground [m] (terrain is not modelled).
  double HeightAboveGround(const InterceptorState& s) const { return env_->HeightFast(s.p_W); }
  /// True while the interceptor climbs away from the ground.
  bool Climbing(const InterceptorState& s) const { return s.v_W.dot(env_->Up(s.p_W)) > 0.0; }
  const InterceptorType& type() const { return *type_; }

 private:
  struct Derivative {
    Eigen::Vector3d dp, dv, da;
  };
  Derivative Rates(double t_since_launch, const Eigen::Vector3d& p, const Eigen::Vector3d& v,
                   const Eigen::Vector3d& a_lat, const Eigen::Vector3d& a_cmd, bool burning) const;

  const InterceptorType* type_;
  const FlightEnvironment* env_;
};

}  // namespace cupola

#include "cupola/interceptor/flight.h"

#include <algorithm>
#include <cmath>

#include "cupola/physics/ballistic.h"
#include "cupola/core/units.h"

namespace cupola {

InterceptorState InterceptorDynamics::Launch(const Eigen::Vector3d& p_W, const Eigen::Vector3d& direction_W,
                                             double t_s, double speed_mps) const {
  InterceptorState s;
  s.t_s = s.launch_t_s = t_s;
  s.p_W = p_W;
  s.v_W = speed_mps * direction_W.normalized();
  return s;
}

double InterceptorDynamics::MaxLateralAcceleration(const InterceptorState& s) const {
  const BallisticParams& a = type_->airframe;
  const double mass = MassAt(a, s.t_s - s.launch_t_s);
  double limit = type_->max_load_factor * kStandardGravity;
  if (env_->atmosphere != nullptr) {
    const double rho = env_->atmosphere->At(env_->HeightFast(s.p_W) + env_->ground_alt_m).density_kgpm3;
    const double q = 0.5 * rho * s.v_W.squaredNorm();
    limit = std::min(limit, type_->max_normal_force_coefficient * q * a.ReferenceArea_m2() / mass);
  }
  return limit;
}

Eigen::Vector3d InterceptorDynamics::Limit(const InterceptorState& s, const Eigen::Vector3d& a_cmd_W) const {
  const double v2 = s.v_W.squaredNorm();
  Eigen::Vector3d lateral = v2 > 0.0 ? Eigen::Vector3d(a_cmd_W - a_cmd_W.dot(s.v_W) / v2 * s.v_W) : a_cmd_W;
  const double limit = MaxLateralAcceleration(s);
  const double norm = lateral.norm();
  if (norm > limit) lateral *= limit / norm;
  return lateral;
}

InterceptorDynamics::Derivative InterceptorDynamics::Rates(double t_since_launch, const Eigen::Vector3d& p,
                                                           const Eigen::Vector3d& v, const Eigen::Vector3d& a_lat,
                                                           const Eigen::Vector3d& a_cmd, bool burning) const {
  const BallisticParams& a = type_->airframe;
  const double mass = MassAt(a, t_since_launch);
  const double height = env_->HeightFast(p);
  const double speed = v.norm();
  double along = burning ? a.motor.thrust_N / mass : 0.0;
  if (env_->atmosphere != nullptr && speed > 0.0) {
    const auto air = env_->atmosphere->At(height + env_->ground_alt_m);
    along -= 0.5 * air.density_kgpm3 * speed * speed * a.ReferenceArea_m2() * a.drag.Cd(speed / air.speed_of_sound_mps) / mass;
  }
  Derivative d;
  d.dp = v;
  // The achieved acceleration stays lateral: drop any part along v.
  const Eigen::Vector3d lateral = speed > 0.0 ? Eigen::Vector3d(a_lat - a_lat.dot(v) / (speed * speed) * v) : a_lat;
  d.dv = (speed > 0.0 ? Eigen::Vector3d(along * v / speed) : Eigen::Vector3d::Zero()) + lateral +
         env_->GravityAndCoriolis(p, v, height);
  const double tau = std::max(type_->autopilot_time_constant_s, 1e-3);
  d.da = (a_cmd - a_lat) / tau;
  return d;
}

void InterceptorDynamics::Step(InterceptorState& s, const Eigen::Vector3d& a_cmd_W, double h) const {
  const Eigen::Vector3d a_cmd = Limit(s, a_cmd_W);
  const double t0 = s.t_s - s.launch_t_s;
  const bool burning = t0 < type_->airframe.motor.burn_time_s - 1e-9;
  // A step that would run past burn-out is cut there, so the motor burns for the whole of it or not at all.
  if (burning && t0 + h > type_->airframe.motor.burn_time_s) {
    const double first = type_->airframe.motor.burn_time_s - t0;
    Step(s, a_cmd_W, first);
    Step(s, a_cmd_W, h - first);
    return;
  }
  const auto k1 = Rates(t0, s.p_W, s.v_W, s.a_lat_W, a_cmd, burning);
  const auto k2 = Rates(t0 + h / 2, s.p_W + h / 2 * k1.dp, s.v_W + h / 2 * k1.dv, s.a_lat_W + h / 2 * k1.da, a_cmd, burning);
  const auto k3 = Rates(t0 + h / 2, s.p_W + h / 2 * k2.dp, s.v_W + h / 2 * k2.dv, s.a_lat_W + h / 2 * k2.da, a_cmd, burning);
  const auto k4 = Rates(t0 + h, s.p_W + h * k3.dp, s.v_W + h * k3.dv, s.a_lat_W + h * k3.da, a_cmd, burning);
  s.p_W += h / 6 * (k1.dp + 2 * k2.dp + 2 * k3.dp + k4.dp);
  s.v_W += h / 6 * (k1.dv + 2 * k2.dv + 2 * k3.dv + k4.dv);
  s.a_lat_W += h / 6 * (k1.da + 2 * k2.da + 2 * k3.da + k4.da);
  s.t_s += h;
}

}  // namespace cupola

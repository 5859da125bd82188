#include "cupola/tracking/motion_models.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace cupola {

namespace {

// Continuous white-noise acceleration over dt on the [p, v] block of a state
// of dimension n (Bar-Shalom et al. 2001, eq. 6.2.3-8). A negative dt (a
// detection older than the estimate) adds uncertainty too; only the
// position-velocity correlation changes sign.
StateMatrix WhiteAccelerationNoise(int n, double q, double dt) {
  StateMatrix Q = StateMatrix::Zero(n, n);
  const Eigen::Matrix3d I = Eigen::Matrix3d::Identity();
  const double a = std::abs(dt);
  Q.block<3, 3>(0, 0) = q * a * a * a / 3.0 * I;
  Q.block<3, 3>(0, 3) = q * dt * a / 2.0 * I;
  Q.block<3, 3>(3, 0) = q * dt * a / 2.0 * I;
  Q.block<3, 3>(3, 3) = q * a * I;
  return Q;
}

}  // namespace

void MotionModel::Extend(GaussianState& state) const {
  const int old_dim = static_cast<int>(state.x.size()), n = dim();
  if (old_dim == n) return;
  StateVector x = StateVector::Zero(n);
  StateMatrix P = StateMatrix::Identity(n, n);
  // Only position and velocity carry over: extra components of another
  // model mean something else (a drag parameter is not a turn rate).
  const int keep = std::min({old_dim, n, 6});
  x.head(keep) = state.x.head(keep);
  P.topLeftCorner(keep, keep) = state.P.topLeftCorner(keep, keep);
  state.x = x;
  state.P = P;
}

// ---- constant velocity ----

StateVector ConstantVelocity::Propagate(const StateVector& x, double dt) const {
  StateVector out = x;
  out.head<3>() += dt * x.segment<3>(3);
  return out;
}

StateMatrix ConstantVelocity::Jacobian(const StateVector&, double dt) const {
  StateMatrix F = StateMatrix::Identity(6, 6);
  F.block<3, 3>(0, 3) = dt * Eigen::Matrix3d::Identity();
  return F;
}

StateMatrix ConstantVelocity::ProcessNoise(const StateVector&, double dt) const {
  if (noise_ == Noise::kContinuous) return WhiteAccelerationNoise(6, q_, dt);
  StateMatrix Q = StateMatrix::Zero(6, 6);
  const Eigen::Matrix3d I = Eigen::Matrix3d::Identity();
  const double d2 = dt * dt;  // even powers; the odd ones below take |dt|
  Q.block<3, 3>(0, 0) = q_ * d2 * d2 / 4.0 * I;
  Q.block<3, 3>(0, 3) = q_ * d2 * dt / 2.0 * I;  // cross terms keep dt's sign, as F does
  Q.block<3, 3>(3, 0) = q_ * d2 * dt / 2.0 * I;
  Q.block<3, 3>(3, 3) = q_ * d2 * I;
  return Q;
}

// ---- constant acceleration (white jerk) ----

StateVector ConstantAcceleration::Propagate(const StateVector& x, double dt) const {
  StateVector out = x;
  out.head<3>() += dt * x.segment<3>(3) + 0.5 * dt * dt * x.segment<3>(6);
  out.segment<3>(3) += dt * x.segment<3>(6);
  return out;
}

StateMatrix ConstantAcceleration::Jacobian(const StateVector&, double dt) const {
  StateMatrix F = StateMatrix::Identity(9, 9);
  const Eigen::Matrix3d I = Eigen::Matrix3d::Identity();
  F.block<3, 3>(0, 3) = dt * I;
  F.block<3, 3>(0, 6) = 0.5 * dt * dt * I;
  F.block<3, 3>(3, 6) = dt * I;
  return F;
}

StateMatrix ConstantAcceleration::ProcessNoise(const StateVector&, double dt_signed) const {
  const double dt = std::abs(dt_signed);  // predicting backwards adds uncertainty too
  const double d2 = dt * dt, d3 = d2 * dt, d4 = d3 * dt, d5 = d4 * dt;
  Eigen::Matrix3d block;
  block << d5 / 20, d4 / 8, d3 / 6, d4 / 8, d3 / 3, d2 / 2, d3 / 6, d2 / 2, dt;
  StateMatrix Q = StateMatrix::Zero(9, 9);
  for (int i = 0; i < 3; ++i)
    for (int j = 0; j < 3; ++j) Q.block<3, 3>(3 * i, 3 * j) = q_ * block(i, j) * Eigen::Matrix3d::Identity();
  return Q;
}

void ConstantAcceleration::Extend(GaussianState& state) const {
  const bool grow = state.x.size() != 9;
  MotionModel::Extend(state);
  if (grow) state.P.bottomRightCorner<3, 3>() = prior_sigma_ * prior_sigma_ * Eigen::Matrix3d::Identity();
}

// ---- ballistic with unknown drag parameter ----

Eigen::Matrix<double, 7, 1> Ballistic::Derivative(const Eigen::Matrix<double, 7, 1>& x) const {
  const Eigen::Vector3d p = x.head<3>(), v = x.segment<3>(3);
  const double height = env_->HeightFast(p);
  Eigen::Vector3d a = env_->GravityAndCoriolis(p, v, height);
  if (env_->atmosphere != nullptr) {
    const double rho = env_->atmosphere->At(height + env_->ground_alt_m).density_kgpm3;
    a -= 0.5 * rho * v.norm() * x[6] * v;
  }
  Eigen::Matrix<double, 7, 1> dx;
  dx << v, a, 0.0;
  return dx;
}

Eigen::Matrix<double, 7, 7> Ballistic::DerivativeJacobian(const Eigen::Matrix<double, 7, 1>& x) const {
  // Gravity's gradient (3e-6 s^-2) is left out: below 1e-5 of the terms kept
  // over a tracker's few-second prediction. Coriolis is kept: -2 [Omega]x v.
  Eigen::Matrix<double, 7, 7> A = Eigen::Matrix<double, 7, 7>::Zero();
  A.block<3, 3>(0, 3) = Eigen::Matrix3d::Identity();
  if (env_->earth_rotation) {
    const Eigen::Vector3d w = env_->frame->EarthRate_W();
    Eigen::Matrix3d cross;
    cross << 0, -w.z(), w.y(), w.z(), 0, -w.x(), -w.y(), w.x(), 0;
    A.block<3, 3>(3, 3) = -2.0 * cross;
  }
  if (env_->atmosphere == nullptr) return A;
  const Eigen::Vector3d p = x.head<3>(), v = x.segment<3>(3);
  const double speed = v.norm(), kappa = x[6];
  const double h = env_->HeightFast(p) + env_->ground_alt_m;
  const double rho = env_->atmosphere->At(h).density_kgpm3;
  const double drho_dh = (env_->atmosphere->At(h + 5.0).density_kgpm3 - env_->atmosphere->At(h - 5.0).density_kgpm3) / 10.0;
  A.block<3, 3>(3, 0) = -0.5 * speed * kappa * drho_dh * v * env_->Up(p).transpose();
  if (speed > 0.0)
    A.block<3, 3>(3, 3) -= 0.5 * rho * kappa * (speed * Eigen::Matrix3d::Identity() + v * v.transpose() / speed);
  A.block<3, 1>(3, 6) = -0.5 * rho * speed * v;
  return A;
}

namespace {
// One RK4 step per second: over a tracker's 0.5-1 s predictions it agrees
// with 0.25 s steps to micrometres (the raid's scores are the same to the
// millimetre), at a quarter of the cost.
constexpr double kBallisticSubstep_s = 1.0;
// Longest prediction, far beyond any ballistic flight. A longer one (a
// recorded detection file with a gap of days; found by
// fuzz/fuzz_detections_csv) gives NaN, which the tracker treats as a diverged
// filter, instead of integrating for minutes or overflowing the step count.
constexpr double kBallisticMaxPredict_s = 3600.0;
}

StateVector Ballistic::Propagate(const StateVector& x_in, double dt) const {
  if (!(std::abs(dt) <= kBallisticMaxPredict_s))
    return StateVector::Constant(x_in.size(), std::numeric_limits<double>::quiet_NaN());
  Eigen::Matrix<double, 7, 1> x = x_in;
  const int n = std::max(1, static_cast<int>(std::ceil(std::abs(dt) / kBallisticSubstep_s)));
  const double h = dt / n;
  for (int i = 0; i < n; ++i) {
    const auto k1 = Derivative(x);
    const auto k2 = Derivative(x + 0.5 * h * k1);
    const auto k3 = Derivative(x + 0.5 * h * k2);
    const auto k4 = Derivative(x + h * k3);
    x += (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
  }
  return x;
}

StateMatrix Ballistic::Jacobian(const StateVector& x_in, double dt) const {
  StateVector unused;
  return PropagateWithJacobian(x_in, dt, unused);
}

StateMatrix Ballistic::PropagateWithJacobian(const StateVector& x_in, double dt, StateVector& propagated) const {
  // RK4 on the state and its variational equation dPhi/dt = A(x) Phi together.
  if (!(std::abs(dt) <= kBallisticMaxPredict_s)) {
    propagated = StateVector::Constant(x_in.size(), std::numeric_limits<double>::quiet_NaN());
    return StateMatrix::Constant(7, 7, std::numeric_limits<double>::quiet_NaN());
  }
  Eigen::Matrix<double, 7, 1> x = x_in;
  Eigen::Matrix<double, 7, 7> Phi = Eigen::Matrix<double, 7, 7>::Identity();
  const int n = std::max(1, static_cast<int>(std::ceil(std::abs(dt) / kBallisticSubstep_s)));
  const double h = dt / n;
  for (int i = 0; i < n; ++i) {
    const auto k1 = Derivative(x);
    const Eigen::Matrix<double, 7, 7> K1 = DerivativeJacobian(x) * Phi;
    const Eigen::Matrix<double, 7, 1> x2 = x + 0.5 * h * k1;
    const auto k2 = Derivative(x2);
    const Eigen::Matrix<double, 7, 7> K2 = DerivativeJacobian(x2) * (Phi + 0.5 * h * K1);
    const Eigen::Matrix<double, 7, 1> x3 = x + 0.5 * h * k2;
    const auto k3 = Derivative(x3);
    const Eigen::Matrix<double, 7, 7> K3 = DerivativeJacobian(x3) * (Phi + 0.5 * h * K2);
    const Eigen::Matrix<double, 7, 1> x4 = x + h * k3;
    const auto k4 = Derivative(x4);
    const Eigen::Matrix<double, 7, 7> K4 = DerivativeJacobian(x4) * (Phi + h * K3);
    x += (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
    Phi += (h / 6.0) * (K1 + 2.0 * K2 + 2.0 * K3 + K4);
  }
  propagated = x;
  return Phi;
}

StateMatrix Ballistic::ProcessNoise(const StateVector&, double dt) const {
  StateMatrix Q = WhiteAccelerationNoise(7, q_v_, dt);
  Q(6, 6) = q_kappa_ * std::abs(dt);
  return Q;
}

void Ballistic::Extend(GaussianState& state) const {
  const bool grow = state.x.size() != 7;
  MotionModel::Extend(state);
  if (grow) {
    state.x[6] = prior_kappa_;
    state.P(6, 6) = prior_sigma_kappa_ * prior_sigma_kappa_;
  }
}

// ---- coordinated turn (horizontal), constant vertical velocity ----

StateVector CoordinatedTurn::Propagate(const StateVector& x, double dt) const {
  StateVector out = x;
  const double vx = x[3], vy = x[4], w = x[6];
  const double wt = w * dt;
  double sin_term, one_minus_cos_term;  // sin(wT)/w and (1 - cos wT)/w, with their limits at w -> 0
  if (std::abs(wt) > 1e-6) {
    sin_term = std::sin(wt) / w;
    one_minus_cos_term = (1.0 - std::cos(wt)) / w;
  } else {
    sin_term = dt;
    one_minus_cos_term = 0.5 * w * dt * dt;
  }
  out[0] = x[0] + sin_term * vx - one_minus_cos_term * vy;
  out[1] = x[1] + one_minus_cos_term * vx + sin_term * vy;
  out[2] = x[2] + dt * x[5];
  out[3] = std::cos(wt) * vx - std::sin(wt) * vy;
  out[4] = std::sin(wt) * vx + std::cos(wt) * vy;
  return out;
}

StateMatrix CoordinatedTurn::Jacobian(const StateVector& x, double dt) const {
  const double vx = x[3], vy = x[4], w = x[6];
  const double wt = w * dt, s = std::sin(wt), c = std::cos(wt);
  StateMatrix F = StateMatrix::Identity(7, 7);
  F(2, 5) = dt;
  F(3, 3) = c, F(3, 4) = -s, F(4, 3) = s, F(4, 4) = c;
  F(3, 6) = -dt * (vx * s + vy * c);
  F(4, 6) = dt * (vx * c - vy * s);
  if (std::abs(wt) > 1e-6) {
    F(0, 3) = s / w, F(0, 4) = -(1.0 - c) / w;
    F(1, 3) = (1.0 - c) / w, F(1, 4) = s / w;
    F(0, 6) = (vx * (wt * c - s) - vy * (wt * s - 1.0 + c)) / (w * w);
    F(1, 6) = (vx * (wt * s - 1.0 + c) + vy * (wt * c - s)) / (w * w);
  } else {
    F(0, 3) = dt, F(0, 4) = -0.5 * w * dt * dt;
    F(1, 3) = 0.5 * w * dt * dt, F(1, 4) = dt;
    F(0, 6) = -0.5 * vy * dt * dt;
    F(1, 6) = 0.5 * vx * dt * dt;
  }
  return F;
}

StateMatrix CoordinatedTurn::ProcessNoise(const StateVector&, double dt) const {
  StateMatrix Q = WhiteAccelerationNoise(7, q_v_, dt);
  Q(6, 6) = q_omega_ * std::abs(dt);
  return Q;
}

void CoordinatedTurn::Extend(GaussianState& state) const {
  const bool grow = state.x.size() != 7;
  MotionModel::Extend(state);
  if (grow) {
    state.x[6] = 0.0;
    state.P(6, 6) = prior_sigma_omega_ * prior_sigma_omega_;
  }
}

}  // namespace cupola

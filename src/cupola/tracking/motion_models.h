// cupola/tracking/motion_models.h -- how a target's state evolves between
// measurements: x(t + dt) = f(x(t), dt) + w, w ~ N(0, Q(x, dt)).
//
// Models (Bar-Shalom, Li & Kirubarajan, "Estimation with Applications to
// Tracking and Navigation", 2001, ch. 6 and 11; Li & Jilkov, "Survey of
// maneuvering target tracking. Part I", IEEE TAES 39(4), 2003):
//  - ConstantVelocity  [p, v]: white-noise acceleration of spectral density q
//      Q = q [dt^3/3 I, dt^2/2 I; dt^2/2 I, dt I]
//  - ConstantAcceleration [p, v, a]: white-noise jerk of density q
//      Q = q [dt^5/20, dt^4/8, dt^3/6; dt^4/8, dt^3/3, dt^2/2; dt^3/6, dt^2/2, dt] (x) I
//  - Ballistic [p, v, kappa]: gravity and drag with an unknown drag
//      parameter kappa = Cd S / m [m^2/kg] estimated in the state:
//      dv/dt = g(p) - rho(h) |v| v kappa / 2, dkappa/dt = white noise
//  - CoordinatedTurn [p, v, omega]: constant speed in the horizontal plane
//      turning at omega [rad/s], constant vertical speed; omega a random walk.
// Every model provides f, its Jacobian F = df/dx (test: finite differences)
// and Q. Positions and velocities are always the first six components.
#pragma once

#include <memory>
#include <string>

#include "cupola/physics/environment.h"
#include "cupola/tracking/state.h"

namespace cupola {

class MotionModel {
 public:
  virtual ~MotionModel() = default;
  virtual int dim() const = 0;
  virtual std::string name() const = 0;
  /// f(x, dt): the state after dt [s].
  virtual StateVector Propagate(const StateVector& x, double dt) const = 0;
  /// F = df/dx at x.
  virtual StateMatrix Jacobian(const StateVector& x, double dt) const = 0;
  /// f(x, dt) into `propagated`, and F: for models whose Jacobian integrates
  /// the state anyway (ballistic), at the cost of one.
  virtual StateMatrix PropagateWithJacobian(const StateVector& x, double dt, StateVector& propagated) const {
    propagated = Propagate(x, dt);
    return Jacobian(x, dt);
  }
  /// Process noise covariance over dt.
  virtual StateMatrix ProcessNoise(const StateVector& x, double dt) const = 0;
  /// Turns a state of another model into one of this model: position and
  /// velocity carry over, this model's own components start at their prior.
  virtual void Extend(GaussianState& state) const;
};

class ConstantVelocity : public MotionModel {
 public:
  /// kContinuous: white-noise acceleration, q = spectral density [m^2/s^3].
  /// kDiscrete: an acceleration constant over each step with variance q
  /// [m^2/s^4], Q = q [dt^4/4, dt^3/2; dt^3/2, dt^2] (the alpha-beta model).
  enum class Noise { kContinuous, kDiscrete };
  explicit ConstantVelocity(double q, Noise noise = Noise::kContinuous) : q_(q), noise_(noise) {}
  int dim() const override { return 6; }
  std::string name() const override { return "cv"; }
  StateVector Propagate(const StateVector& x, double dt) const override;
  StateMatrix Jacobian(const StateVector& x, double dt) const override;
  StateMatrix ProcessNoise(const StateVector& x, double dt) const override;

 private:
  double q_;
  Noise noise_;
};

class ConstantAcceleration : public MotionModel {
 public:
  ConstantAcceleration(double q_m2ps5, double prior_sigma_mps2) : q_(q_m2ps5), prior_sigma_(prior_sigma_mps2) {}
  int dim() const override { return 9; }
  std::string name() const override { return "ca"; }
  StateVector Propagate(const StateVector& x, double dt) const override;
  StateMatrix Jacobian(const StateVector& x, double dt) const override;
  StateMatrix ProcessNoise(const StateVector& x, double dt) const override;
  void Extend(GaussianState& state) const override;

 private:
  double q_, prior_sigma_;
};

class Ballistic : public MotionModel {
 public:
  /// `env` supplies gravity and the atmosphere (its wind and Coriolis are
  /// ignored: the tracker does not know them). q_v: white acceleration
  /// density [m^2/s^3]; q_kappa: kappa random-walk density [(m^2/kg)^2 / s].
  /// Predictions over more than an hour give NaN (a diverged filter).
  Ballistic(const FlightEnvironment* env, double q_v, double q_kappa, double prior_kappa, double prior_sigma_kappa)
      : env_(env), q_v_(q_v), q_kappa_(q_kappa), prior_kappa_(prior_kappa), prior_sigma_kappa_(prior_sigma_kappa) {}
  int dim() const override { return 7; }
  std::string name() const override { return "ballistic"; }
  StateVector Propagate(const StateVector& x, double dt) const override;
  StateMatrix Jacobian(const StateVector& x, double dt) const override;
  StateMatrix PropagateWithJacobian(const StateVector& x, double dt, StateVector& propagated) const override;
  StateMatrix ProcessNoise(const StateVector& x, double dt) const override;
  void Extend(GaussianState& state) const override;
  /// dx/dt, and its Jacobian A = d(dx/dt)/dx (7x7).
  Eigen::Matrix<double, 7, 1> Derivative(const Eigen::Matrix<double, 7, 1>& x) const;
  Eigen::Matrix<double, 7, 7> DerivativeJacobian(const Eigen::Matrix<double, 7, 1>& x) const;

 private:
  const FlightEnvironment* env_;
  double q_v_, q_kappa_, prior_kappa_, prior_sigma_kappa_;
};

class CoordinatedTurn : public MotionModel {
 public:
  CoordinatedTurn(double q_v, double q_omega, double prior_sigma_omega)
      : q_v_(q_v), q_omega_(q_omega), prior_sigma_omega_(prior_sigma_omega) {}
  int dim() const override { return 7; }
  std::string name() const override { return "ct"; }
  StateVector Propagate(const StateVector& x, double dt) const override;
  StateMatrix Jacobian(const StateVector& x, double dt) const override;
  StateMatrix ProcessNoise(const StateVector& x, double dt) const override;
  void Extend(GaussianState& state) const override;

 private:
  double q_v_, q_omega_, prior_sigma_omega_;
};

}  // namespace cupola

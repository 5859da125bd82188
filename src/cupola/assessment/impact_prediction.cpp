#include "cupola/assessment/impact_prediction.h"

#include <algorithm>

#include <Eigen/Cholesky>
#include <cmath>

namespace cupola {

ImpactPredictor::ImpactPredictor(const FlightEnvironment* env, ImpactPredictorOptions options)
    : env_(env), options_(options), dynamics_(env, 0.0, 0.0, options.prior_kappa_m2pkg, options.prior_sigma_kappa_m2pkg) {}

bool ImpactPredictor::FlyToGround(const Eigen::Matrix<double, 7, 1>& x0, double t_s, double& t_impact_s,
                                  Eigen::Vector2d& p_EN, std::vector<TrajectoryPoint>* path) const {
  Eigen::Matrix<double, 7, 1> x = x0;
  const double h = options_.step_s;
  const double height = env_->HeightFast(x.head<3>());
  if (path != nullptr) path->push_back({t_s, x.head<3>(), x.segment<3>(3)});
  if (height <= 0.0) {
    t_impact_s = t_s;
    p_EN = x.head<2>();
    return true;
  }
  double height_before = height;
  for (double elapsed = 0.0; elapsed < options_.horizon_s; elapsed += h) {
    const Eigen::Matrix<double, 7, 1> before = x;
    const auto k1 = dynamics_.Derivative(x);
    const auto k2 = dynamics_.Derivative(x + 0.5 * h * k1);
    const auto k3 = dynamics_.Derivative(x + 0.5 * h * k2);
    const auto k4 = dynamics_.Derivative(x + h * k3);
    x += (h / 6.0) * (k1 + 2.0 * k2 + 2.0 * k3 + k4);
    const double next_height = env_->HeightFast(x.head<3>());
    if (next_height <= 0.0) {
      // Cubic Hermite between the step's ends, and its root by the Illinois
      // variant of regula falsi (the height is nearly linear in time over a
      // step: a few iterations where bisection took 24): an impact within
      // micrometres of the integrated path, at no extra RK4 cost.
      TrajectoryPoint a{0.0, before.head<3>(), before.segment<3>(3)}, b{h, x.head<3>(), x.segment<3>(3)};
      double lo = 0.0, hi = h, f_lo = height_before, f_hi = next_height;
      int kept = 0;  // which end stayed last time: -1 lo, +1 hi
      for (int i = 0; i < 60 && hi - lo > 1e-7; ++i) {
        const double mid = std::clamp(lo + (hi - lo) * f_lo / (f_lo - f_hi), lo, hi);
        const double f = env_->HeightFast(Interpolate(a, b, mid).p_W);
        if (std::abs(f) < 1e-6) {  // on the ground to a micrometre
          hi = mid;
          break;
        }
        if (f > 0.0) {
          lo = mid, f_lo = f;
          if (kept == -1) f_hi *= 0.5;  // the far end stuck twice: halve its weight (Illinois)
          kept = -1;
        } else {
          hi = mid, f_hi = f;
          if (kept == 1) f_lo *= 0.5;
          kept = 1;
        }
      }
      t_impact_s = t_s + elapsed + hi;
      const TrajectoryPoint impact = Interpolate(a, b, hi);
      p_EN = impact.p_W.head<2>();
      if (path != nullptr) path->push_back({t_impact_s, impact.p_W, impact.v_W});
      return true;
    }
    if (path != nullptr) path->push_back({t_s + elapsed + h, x.head<3>(), x.segment<3>(3)});
    height_before = next_height;
  }
  return false;
}

std::vector<TrajectoryPoint> ImpactPredictor::PredictPath(const GaussianState& state) const {
  Eigen::Matrix<double, 7, 1> x;
  x.head<6>() = state.x.head<6>();
  x[6] = state.x.size() == 7 ? std::max(state.x[6], 0.0) : options_.prior_kappa_m2pkg;
  std::vector<TrajectoryPoint> path;
  double t_impact = 0.0;
  Eigen::Vector2d p;
  if (!FlyToGround(x, state.t_s, t_impact, p, &path)) path.clear();
  return path;
}

ImpactPrediction ImpactPredictor::Predict(const GaussianState& state) const {
  // The 7-state [p, v, kappa] with its covariance; kappa from the prior if
  // the track does not estimate it.
  Eigen::Matrix<double, 7, 1> mean;
  Eigen::Matrix<double, 7, 7> P = Eigen::Matrix<double, 7, 7>::Zero();
  mean.head<6>() = state.x.head<6>();
  P.topLeftCorner<6, 6>() = state.P.topLeftCorner<6, 6>();
  if (state.x.size() == 7) {
    mean[6] = state.x[6];
    P.row(6).head<7>() = state.P.row(6).head<7>();
    P.col(6).head<7>() = state.P.col(6).head<7>();
  } else {
    mean[6] = options_.prior_kappa_m2pkg;
    P(6, 6) = options_.prior_sigma_kappa_m2pkg * options_.prior_sigma_kappa_m2pkg;
  }
  // Sigma points as in the tracker's UKF (alpha = 1, beta = 2, kappa = 0).
  constexpr int n = 7;
  Eigen::LLT<Eigen::Matrix<double, 7, 7>> llt(static_cast<double>(n) * P);
  if (llt.info() != Eigen::Success) return {};
  const Eigen::Matrix<double, 7, 7> L = llt.matrixL();
  ImpactPrediction out;
  std::vector<double> times;
  for (int i = 0; i < 2 * n + 1; ++i) {
    Eigen::Matrix<double, 7, 1> x = mean;
    if (i > 0) x += (i <= n ? 1.0 : -1.0) * L.col((i - 1) % n);
    x[6] = std::max(x[6], 0.0);  // no negative drag
    double t_impact = 0.0;
    Eigen::Vector2d p;
    if (!FlyToGround(x, state.t_s, t_impact, p)) return {};
    out.points_EN.push_back(p);
    out.weights.push_back(i == 0 ? 0.0 : 0.5 / n);
    times.push_back(t_impact);
  }
  out.valid = true;
  for (std::size_t i = 0; i < out.points_EN.size(); ++i) {
    out.mean_EN += out.weights[i] * out.points_EN[i];
    out.t_impact_s += out.weights[i] * times[i];
  }
  for (std::size_t i = 0; i < out.points_EN.size(); ++i) {
    const Eigen::Vector2d d = out.points_EN[i] - out.mean_EN;
    out.cov_EN += (i == 0 ? 2.0 : 0.5 / n) * d * d.transpose();
  }
  return out;
}

}  // namespace cupola

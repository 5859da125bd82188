#include "cupola/assessment/impact_prediction.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <array>
#include <cmath>
#include <utility>

#include "cupola/core/error.h"

namespace cupola {

ImpactPredictor::ImpactPredictor(const FlightEnvironment* env, ImpactPredictorOptions options)
    : env_(env), options_(options), dynamics_(env, 0.0, 0.0, options.prior_kappa_m2pkg, options.prior_sigma_kappa_m2pkg) {}

namespace {

using State7 = Eigen::Matrix<double, 7, 1>;

// Where the ground was crossed within an RK4 step from `before` (height
// f_lo > 0) to `after` (f_hi <= 0) of length h: a cubic Hermite between the
// step's ends and its root by the Illinois variant of regula falsi (the
// height is nearly linear in time over a step: a few iterations where
// bisection took 24): within micrometres of the integrated path, at no extra
// RK4 cost. Returns the time into the step and the point.
std::pair<double, TrajectoryPoint> GroundCrossing(const FlightEnvironment& env, const State7& before, const State7& after,
                                                  double f_lo, double f_hi, double h) {
  const TrajectoryPoint a{0.0, before.head<3>(), before.segment<3>(3)}, b{h, after.head<3>(), after.segment<3>(3)};
  double lo = 0.0, hi = h;
  int kept = 0;  // which end stayed last time: -1 lo, +1 hi
  for (int i = 0; i < 60 && hi - lo > 1e-7; ++i) {
    const double mid = std::clamp(lo + (hi - lo) * f_lo / (f_lo - f_hi), lo, hi);
    const double f = env.HeightFast(Interpolate(a, b, mid).p_W);
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
  return {hi, Interpolate(a, b, hi)};
}

}  // namespace

bool ImpactPredictor::FlyToGround(const Eigen::Matrix<double, 7, 1>& x0, double t_s, double& t_impact_s,
                                  Eigen::Vector2d& p_EN, std::vector<TrajectoryPoint>* path) const {
  GroundImpact impact;
  FlyAllToGround(std::span<const State7>(&x0, 1), t_s, std::span<GroundImpact>(&impact, 1), path);
  t_impact_s = impact.t_s;
  p_EN = impact.p_EN;
  return impact.landed;
}

void ImpactPredictor::FlyAllToGround(std::span<const Eigen::Matrix<double, 7, 1>> starts, double t_s,
                                     std::span<GroundImpact> impacts, std::vector<TrajectoryPoint>* path) const {
  // The states are flown in lockstep, one RK4 stage for all of them at a time:
  // each flight's stages depend on each other, so one flight alone keeps the
  // processor waiting on every result; several independent ones fill those
  // waits. Each flight's arithmetic is the same as alone, to the bit.
  constexpr std::size_t kMaxFlights = 2 * 7 + 1;
  CUPOLA_CHECK(starts.size() <= kMaxFlights && impacts.size() == starts.size(), "at most 15 flights at once");
  CUPOLA_CHECK(path == nullptr || starts.size() == 1, "a path is recorded for one flight only");
  const double h = options_.step_s;
  std::array<State7, kMaxFlights> x, before, k1, k2, k3, k4;
  std::array<double, kMaxFlights> height;
  std::array<int, kMaxFlights> flying;  // indices of the flights still in the air
  std::size_t n = 0;
  for (std::size_t i = 0; i < starts.size(); ++i) {
    x[i] = starts[i];
    height[i] = env_->HeightFast(x[i].head<3>());
    impacts[i] = {};
    if (path != nullptr) path->push_back({t_s, x[i].head<3>(), x[i].segment<3>(3)});
    if (height[i] <= 0.0)
      impacts[i] = {true, t_s, x[i].head<2>()};
    else
      flying[n++] = static_cast<int>(i);
  }
  for (double elapsed = 0.0; n > 0 && elapsed < options_.horizon_s; elapsed += h) {
    for (std::size_t j = 0; j < n; ++j) before[flying[j]] = x[flying[j]], k1[flying[j]] = dynamics_.Derivative(x[flying[j]]);
    for (std::size_t j = 0; j < n; ++j) k2[flying[j]] = dynamics_.Derivative(x[flying[j]] + 0.5 * h * k1[flying[j]]);
    for (std::size_t j = 0; j < n; ++j) k3[flying[j]] = dynamics_.Derivative(x[flying[j]] + 0.5 * h * k2[flying[j]]);
    for (std::size_t j = 0; j < n; ++j) k4[flying[j]] = dynamics_.Derivative(x[flying[j]] + h * k3[flying[j]]);
    std::size_t still = 0;
    for (std::size_t j = 0; j < n; ++j) {
      const int i = flying[j];
      x[i] += (h / 6.0) * (k1[i] + 2.0 * k2[i] + 2.0 * k3[i] + k4[i]);
      const double next_height = env_->HeightFast(x[i].head<3>());
      if (next_height > 0.0) {
        if (path != nullptr) path->push_back({t_s + elapsed + h, x[i].head<3>(), x[i].segment<3>(3)});
        height[i] = next_height;
        flying[still++] = i;
        continue;
      }
      const auto [into_step, impact] = GroundCrossing(*env_, before[i], x[i], height[i], next_height, h);
      impacts[i] = {true, t_s + elapsed + into_step, impact.p_W.head<2>()};
      if (path != nullptr) path->push_back({impacts[i].t_s, impact.p_W, impact.v_W});
    }
    n = still;
  }
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
  std::array<State7, 2 * n + 1> sigma_points;
  for (int i = 0; i < 2 * n + 1; ++i) {
    State7& x = sigma_points[i];
    x = mean;
    if (i > 0) x += (i <= n ? 1.0 : -1.0) * L.col((i - 1) % n);
    x[6] = std::max(x[6], 0.0);  // no negative drag
  }
  std::array<GroundImpact, 2 * n + 1> impacts;
  FlyAllToGround(sigma_points, state.t_s, impacts);
  ImpactPrediction out;
  std::vector<double> times;
  for (int i = 0; i < 2 * n + 1; ++i) {
    if (!impacts[i].landed) return {};
    out.points_EN.push_back(impacts[i].p_EN);
    out.weights.push_back(i == 0 ? 0.0 : 0.5 / n);
    times.push_back(impacts[i].t_s);
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

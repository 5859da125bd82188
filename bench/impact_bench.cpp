// impact_bench -- cost and accuracy of the impact prediction: how many
// tracks per second the unscented transform assesses on one core, and how
// many plain Monte Carlo trajectories give the same accuracy (measured
// against a 20,000-trajectory Monte Carlo reference), with the time ratio.
// The accuracy measure: |mean - mean_ref| / sqrt(trace C_ref) + ||C - C_ref||_F / ||C_ref||_F.
#include <Eigen/Cholesky>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "cupola/assessment/impact_prediction.h"
#include "cupola/core/random.h"

using namespace cupola;
using Clock = std::chrono::steady_clock;

namespace {

struct Moments {
  Eigen::Vector2d mean = Eigen::Vector2d::Zero();
  Eigen::Matrix2d cov = Eigen::Matrix2d::Zero();
};

Moments MonteCarlo(const ImpactPredictor& predictor, const GaussianState& s, int n, Rng& rng) {
  const Eigen::Matrix<double, 7, 7> L = Eigen::Matrix<double, 7, 7>(s.P).llt().matrixL();
  Moments m;
  std::vector<Eigen::Vector2d> points;
  for (int i = 0; i < n; ++i) {
    Eigen::Matrix<double, 7, 1> w;
    for (int k = 0; k < 7; ++k) w[k] = rng.Normal();
    Eigen::Matrix<double, 7, 1> x = Eigen::Matrix<double, 7, 1>(s.x) + L * w;
    x[6] = std::max(x[6], 0.0);
    double t = 0.0;
    Eigen::Vector2d p;
    if (predictor.FlyToGround(x, 0.0, t, p)) points.push_back(p);
  }
  for (const auto& p : points) m.mean += p / static_cast<double>(points.size());
  for (const auto& p : points) m.cov += (p - m.mean) * (p - m.mean).transpose() / static_cast<double>(points.size() - 1);
  return m;
}

double Error(const Moments& m, const Moments& ref) {
  return (m.mean - ref.mean).norm() / std::sqrt(ref.cov.trace()) + (m.cov - ref.cov).norm() / ref.cov.norm();
}

}  // namespace

int main() {
  const LocalFrame frame({31.5, 34.5, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  const ImpactPredictor predictor(&env);
  // Track states of rockets in coast, with the covariance a young track has.
  Rng rng(2026);
  std::vector<GaussianState> states;
  for (int k = 0; k < 10; ++k) {
    GaussianState s;
    s.x = StateVector::Zero(7);
    s.x << rng.Uniform(-2e3, 2e3), rng.Uniform(-2e3, 2e3), rng.Uniform(2e3, 6e3), rng.Uniform(-250, 250),
        rng.Uniform(-250, 250), rng.Uniform(-50, 150), rng.Uniform(1e-4, 3e-4);
    s.P = StateMatrix::Zero(7, 7);
    s.P.diagonal() << 30 * 30, 30 * 30, 30 * 30, 10 * 10, 10 * 10, 10 * 10, 5e-5 * 5e-5;
    states.push_back(s);
  }
  // Unscented transform: accuracy and speed.
  double ut_error = 0.0;
  std::vector<Moments> references;
  for (const auto& s : states) {
    references.push_back(MonteCarlo(predictor, s, 20000, rng));
    const ImpactPrediction p = predictor.Predict(s);
    ut_error += Error({p.mean_EN, p.cov_EN}, references.back()) / static_cast<double>(states.size());
  }
  const int repeats = 200;
  auto start = Clock::now();
  for (int r = 0; r < repeats; ++r)
    for (const auto& s : states) {
      const ImpactPrediction p = predictor.Predict(s);
      if (!p.valid) return 1;
    }
  const double ut_s = std::chrono::duration<double>(Clock::now() - start).count() / (repeats * states.size());
  std::printf("unscented transform: %.0f tracks assessed per second, error %.4f against the reference\n", 1.0 / ut_s,
              ut_error);
  // Monte Carlo: the fewest samples that match that error (mean over 20 tries).
  double last_error = 0.0, last_ratio = 0.0;
  int last_n = 0;
  for (int n : {15, 30, 60, 125, 250, 500, 1000, 2000, 4000}) {
    double error = 0.0;
    start = Clock::now();
    const int tries = 20;
    for (int t = 0; t < tries; ++t)
      for (std::size_t k = 0; k < states.size(); ++k)
        error += Error(MonteCarlo(predictor, states[k], n, rng), references[k]) / static_cast<double>(tries * states.size());
    const double mc_s = std::chrono::duration<double>(Clock::now() - start).count() / (tries * states.size());
    std::printf("monte carlo %5d trajectories: error %.4f, %.2f ms per track (%.0fx the unscented transform)\n", n, error,
                1e3 * mc_s, mc_s / ut_s);
    last_error = error, last_ratio = mc_s / ut_s, last_n = n;
    if (error <= ut_error) {
      std::printf("=> plain Monte Carlo needs about %d trajectories for the same accuracy: %.0fx slower\n", n, mc_s / ut_s);
      return 0;
    }
  }
  // Monte Carlo error falls as 1/sqrt(N): extrapolate from the largest run.
  const double factor = (last_error / ut_error) * (last_error / ut_error);
  std::printf("=> not reached with %d trajectories; at 1/sqrt(N), about %.0f are needed: %.0fx slower (extrapolated)\n",
              last_n, last_n * factor, last_ratio * factor);
  return 0;
}

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
using WallClock = std::chrono::steady_clock;

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

// A coast state of a rocket with the covariance a young track has;
// horizontal velocity components up to `v_max_mps`.
GaussianState RandomCoastState(Rng& rng, double v_max_mps = 250.0) {
  GaussianState s;
  s.x = StateVector::Zero(7);
  s.x << rng.Uniform(-2e3, 2e3), rng.Uniform(-2e3, 2e3), rng.Uniform(2e3, 6e3), rng.Uniform(-v_max_mps, v_max_mps),
      rng.Uniform(-v_max_mps, v_max_mps), rng.Uniform(-50, 150), rng.Uniform(1e-4, 3e-4);
  s.P = StateMatrix::Zero(7, 7);
  s.P.diagonal() << 30 * 30, 30 * 30, 30 * 30, 10 * 10, 10 * 10, 10 * 10, 5e-5 * 5e-5;
  return s;
}

// How far each RK4 step puts the prediction from 0.05 s steps (200 states,
// up to a Grad's 650 m/s each way): the evidence for the default step.
void StepConvergence(const FlightEnvironment& env) {
  Rng rng(7);
  std::vector<GaussianState> states;
  for (int k = 0; k < 200; ++k) states.push_back(RandomCoastState(rng, 650.0));
  const ImpactPredictor fine(&env, {.step_s = 0.05});
  std::vector<ImpactPrediction> reference;
  for (const auto& s : states) reference.push_back(fine.Predict(s));
  std::printf("RK4 step of the sigma points against 0.05 s (200 coast states): worst mean, covariance, time\n");
  for (const double step : {0.5, 1.0, 2.0, 3.0, 4.0}) {
    const ImpactPredictor predictor(&env, {.step_s = step});
    double mean_m = 0.0, cov = 0.0, time_s = 0.0;
    for (std::size_t k = 0; k < states.size(); ++k) {
      const ImpactPrediction p = predictor.Predict(states[k]);
      mean_m = std::max(mean_m, (p.mean_EN - reference[k].mean_EN).norm());
      cov = std::max(cov, (p.cov_EN - reference[k].cov_EN).norm() / reference[k].cov_EN.norm());
      time_s = std::max(time_s, std::abs(p.t_impact_s - reference[k].t_impact_s));
    }
    std::printf("  step %.1f s: %8.3f m  %.1e  %.4f s\n", step, mean_m, cov, time_s);
  }
}

}  // namespace

int main() {
  const LocalFrame frame({31.5, 34.5, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  StepConvergence(env);
  const ImpactPredictor predictor(&env);
  // Track states of rockets in coast, with the covariance a young track has.
  Rng rng(2026);
  std::vector<GaussianState> states;
  for (int k = 0; k < 10; ++k) states.push_back(RandomCoastState(rng));
  // Unscented transform: accuracy and speed.
  double ut_error = 0.0;
  std::vector<Moments> references;
  for (const auto& s : states) {
    references.push_back(MonteCarlo(predictor, s, 20000, rng));
    const ImpactPrediction p = predictor.Predict(s);
    ut_error += Error({p.mean_EN, p.cov_EN}, references.back()) / static_cast<double>(states.size());
  }
  const int repeats = 200;
  auto start = WallClock::now();
  for (int r = 0; r < repeats; ++r)
    for (const auto& s : states) {
      const ImpactPrediction p = predictor.Predict(s);
      if (!p.valid) return 1;
    }
  const double ut_s = std::chrono::duration<double>(WallClock::now() - start).count() / (repeats * states.size());
  std::printf("unscented transform: %.0f tracks assessed per second, error %.4f against the reference\n", 1.0 / ut_s,
              ut_error);
  // Monte Carlo: the fewest samples that match that error (mean over 20 tries).
  double last_error = 0.0, last_ratio = 0.0;
  int last_n = 0;
  for (int n : {15, 30, 60, 125, 250, 500, 1000, 2000, 4000}) {
    double error = 0.0;
    start = WallClock::now();
    const int tries = 20;
    for (int t = 0; t < tries; ++t)
      for (std::size_t k = 0; k < states.size(); ++k)
        error += Error(MonteCarlo(predictor, states[k], n, rng), references[k]) / static_cast<double>(tries * states.size());
    const double mc_s = std::chrono::duration<double>(WallClock::now() - start).count() / (tries * states.size());
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

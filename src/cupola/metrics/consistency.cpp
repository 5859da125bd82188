#include "cupola/metrics/consistency.h"

#include <Eigen/Cholesky>
#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>
#include <string>

#include "cupola/core/error.h"

namespace cupola {

namespace {

constexpr double kEps = std::numeric_limits<double>::epsilon();
// Enough for the series and the continued fraction up to dof ~ 1e7: both need
// O(sqrt(a)) terms near x = a.
constexpr int kMaxIterations = 100000;

double QuadraticForm(const char* who, const Eigen::Ref<const Eigen::VectorXd>& v,
                     const Eigen::Ref<const Eigen::MatrixXd>& M) {
  CUPOLA_CHECK(M.rows() == M.cols() && M.rows() == v.size(),
               std::string(who) + ": covariance is " + std::to_string(M.rows()) + "x" + std::to_string(M.cols()) +
                   " but the vector has " + std::to_string(v.size()) + " entries");
  const Eigen::LDLT<Eigen::MatrixXd> ldlt(M);
  // LDLT also factors semi-definite and indefinite matrices; only D > 0
  // means M is positive definite and the form is a Mahalanobis distance.
  if (ldlt.info() != Eigen::Success || !(ldlt.vectorD().array() > 0.0).all())
    return std::numeric_limits<double>::infinity();
  return v.dot(ldlt.solve(v));
}

// exp(-x + a ln x - ln Gamma(a)): the common prefactor of the series and the
// continued fraction, in logs so that large a does not overflow.
double GammaPrefactor(double a, double x) { return std::exp(-x + a * std::log(x) - LogGamma(a)); }

// P(a, x) by the series gamma*(a, x) sum_n x^n / (a (a+1) ... (a+n)); for x < a + 1.
double GammaSeries(double a, double x) {
  double term = 1.0 / a, sum = term, ap = a;
  for (int n = 0; n < kMaxIterations; ++n) {
    ap += 1.0;
    term *= x / ap;
    sum += term;
    if (std::abs(term) < std::abs(sum) * kEps) return sum * GammaPrefactor(a, x);
  }
  CUPOLA_CHECK(
      false, "RegularizedGammaP: series did not converge for a = " + std::to_string(a) + ", x = " + std::to_string(x));
  return 0.0;
}

// Q(a, x) by the continued fraction, modified Lentz; for x >= a + 1.
double GammaContinuedFraction(double a, double x) {
  constexpr double kTiny = 1e-300;  // keeps Lentz's divisions away from zero
  double b = x + 1.0 - a, c = 1.0 / kTiny, d = 1.0 / b, h = d;
  for (int i = 1; i < kMaxIterations; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::abs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < kEps) return GammaPrefactor(a, x) * h;
  }
  CUPOLA_CHECK(false, "RegularizedGammaQ: continued fraction did not converge for a = " + std::to_string(a) +
                          ", x = " + std::to_string(x));
  return 0.0;
}

void CheckGammaArguments(double a, double x) {
  CUPOLA_CHECK(a > 0.0 && std::isfinite(a), "incomplete gamma: a must be finite and > 0, got " + std::to_string(a));
  CUPOLA_CHECK(x >= 0.0, "incomplete gamma: x must be >= 0, got " + std::to_string(x));
}

}  // namespace

double Nees(const Eigen::Ref<const Eigen::VectorXd>& error, const Eigen::Ref<const Eigen::MatrixXd>& P) {
  return QuadraticForm("Nees", error, P);
}

double Nis(const Eigen::Ref<const Eigen::VectorXd>& innovation, const Eigen::Ref<const Eigen::MatrixXd>& S) {
  return QuadraticForm("Nis", innovation, S);
}

double LogGamma(double a) {
  CUPOLA_CHECK(a > 0.0, "LogGamma: a must be > 0, got " + std::to_string(a));
  // Below 1/2 use the reflection formula Gamma(a) Gamma(1-a) = pi / sin(pi a);
  // the Lanczos sum is accurate for a >= 1/2.
  if (a < 0.5) return std::log(std::numbers::pi / std::sin(std::numbers::pi * a)) - LogGamma(1.0 - a);
  static constexpr double kCoefficients[9] = {0.99999999999980993,  676.5203681218851,     -1259.1392167224028,
                                              771.32342877765313,   -176.61502916214059,   12.507343278686905,
                                              -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7};
  constexpr double kG = 7.0;
  const double z = a - 1.0;
  double sum = kCoefficients[0];
  for (int i = 1; i < 9; ++i) sum += kCoefficients[i] / (z + i);
  const double t = z + kG + 0.5;
  return 0.5 * std::log(2.0 * std::numbers::pi) + (z + 0.5) * std::log(t) - t + std::log(sum);
}

double RegularizedGammaP(double a, double x) {
  CheckGammaArguments(a, x);
  if (x == 0.0) return 0.0;
  return x < a + 1.0 ? GammaSeries(a, x) : 1.0 - GammaContinuedFraction(a, x);
}

double RegularizedGammaQ(double a, double x) {
  CheckGammaArguments(a, x);
  if (x == 0.0) return 1.0;
  return x < a + 1.0 ? 1.0 - GammaSeries(a, x) : GammaContinuedFraction(a, x);
}

double ChiSquareCdf(double x, double dof) {
  CUPOLA_CHECK(dof > 0.0, "ChiSquareCdf: dof must be > 0, got " + std::to_string(dof));
  return x <= 0.0 ? 0.0 : RegularizedGammaP(0.5 * dof, 0.5 * x);
}

double ChiSquareQuantile(double probability, double dof) {
  CUPOLA_CHECK(probability > 0.0 && probability < 1.0,
               "ChiSquareQuantile: probability must be in (0, 1), got " + std::to_string(probability));
  CUPOLA_CHECK(dof > 0.0 && std::isfinite(dof),
               "ChiSquareQuantile: dof must be finite and > 0, got " + std::to_string(dof));
  const double a = 0.5 * dof;
  // g(x) increases with x and is zero at the quantile. In the upper tail it
  // compares Q with 1 - p, which keeps the digits that 1 - P would lose.
  const bool upper = probability > 0.5;
  const double tail = 1.0 - probability;
  auto g = [&](double x) {
    return upper ? tail - RegularizedGammaQ(a, 0.5 * x) : RegularizedGammaP(a, 0.5 * x) - probability;
  };
  // Chi-square density, the derivative of g.
  auto density = [&](double x) { return 0.5 * std::exp((a - 1.0) * std::log(0.5 * x) - 0.5 * x - LogGamma(a)); };

  // Bracket [lo, hi] with g(lo) < 0 <= g(hi); g(0) = -p < 0.
  double lo = 0.0, hi = std::max(dof, 1.0);
  while (g(hi) < 0.0) {
    lo = hi;
    hi *= 2.0;
  }
  // Newton from the mean's side, falling back to bisection whenever a step
  // leaves the bracket (near 0 for dof < 2 the density is unbounded).
  double x = std::clamp(dof, lo, hi);
  if (x <= lo || x >= hi) x = 0.5 * (lo + hi);
  for (int iteration = 0; iteration < 200; ++iteration) {
    const double gx = g(x);
    if (gx == 0.0) return x;
    if (gx < 0.0) {
      lo = x;
    } else {
      hi = x;
    }
    double next = x - gx / density(x);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (std::abs(next - x) <= 4.0 * kEps * next || hi - lo <= 4.0 * kEps * hi) return next;
    x = next;
  }
  CUPOLA_CHECK(false, "ChiSquareQuantile: no convergence for p = " + std::to_string(probability) +
                          ", dof = " + std::to_string(dof));
  return x;
}

ConsistencyInterval AverageNeesInterval(int dim, int num_samples, double confidence) {
  CUPOLA_CHECK(dim >= 1, "AverageNeesInterval: dim must be >= 1, got " + std::to_string(dim));
  CUPOLA_CHECK(num_samples >= 1, "AverageNeesInterval: num_samples must be >= 1, got " + std::to_string(num_samples));
  CUPOLA_CHECK(confidence > 0.0 && confidence < 1.0,
               "AverageNeesInterval: confidence must be in (0, 1), got " + std::to_string(confidence));
  // N * mean ~ chi^2(N n): scale its two-sided quantiles back by N.
  const double n = static_cast<double>(num_samples);
  const double dof = n * dim;
  ConsistencyInterval interval;
  interval.lower = ChiSquareQuantile(0.5 * (1.0 - confidence), dof) / n;
  interval.upper = ChiSquareQuantile(0.5 * (1.0 + confidence), dof) / n;
  return interval;
}

}  // namespace cupola

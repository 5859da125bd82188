#include "cupola/campaign/statistics.h"

#include <cmath>
#include <limits>

#include "cupola/core/error.h"

namespace cupola {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Continued fraction of the incomplete beta function (modified Lentz,
// Numerical Recipes 3rd ed., 6.4); converges fast for x < (a + 1) / (a + b + 2).
double BetaContinuedFraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  double c = 1.0, d = 1.0 - (a + b) * x / (a + 1.0);
  if (std::abs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= 10000; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((a - 1.0 + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + 1.0 + m2));
    d = 1.0 + aa * d;
    if (std::abs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::abs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double delta = d * c;
    h *= delta;
    if (std::abs(delta - 1.0) < 1e-15) break;
  }
  return h;
}

// I_x(a, b), the regularized incomplete beta function.
double RegularizedBeta(double a, double b, double x) {
  if (x <= 0.0) return 0.0;
  if (x >= 1.0) return 1.0;
  const double front =
      std::exp(std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log1p(-x));
  if (x < (a + 1.0) / (a + b + 2.0)) return front * BetaContinuedFraction(a, b, x) / a;
  return 1.0 - front * BetaContinuedFraction(b, a, 1.0 - x) / b;
}

// The x in [lo, hi] where the increasing `f` reaches p, by bisection:
// slower than Newton but always converges, and gives the same bits everywhere.
template <class F>
double Invert(const F& f, double p, double lo, double hi) {
  while (f(hi) < p) hi *= 2.0;
  for (int i = 0; i < 200 && hi - lo > 1e-13 * std::max(1.0, std::abs(hi)); ++i) {
    const double mid = 0.5 * (lo + hi);
    (f(mid) < p ? lo : hi) = mid;
  }
  return 0.5 * (lo + hi);
}

}  // namespace

double NormalQuantile(double p) {
  CUPOLA_CHECK(p > 0.0 && p < 1.0, "NormalQuantile needs p in (0, 1)");
  if (p < 0.5) return -NormalQuantile(1.0 - p);
  return Invert([](double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }, p, 0.0, 8.0);
}

double StudentTCdf(double t, double df) {
  CUPOLA_CHECK(df > 0.0, "StudentTCdf needs df > 0");
  const double tail = 0.5 * RegularizedBeta(0.5 * df, 0.5, df / (df + t * t));  // P(T > |t|)
  return t >= 0.0 ? 1.0 - tail : tail;
}

double StudentTQuantile(double p, double df) {
  CUPOLA_CHECK(p > 0.0 && p < 1.0, "StudentTQuantile needs p in (0, 1)");
  if (p < 0.5) return -StudentTQuantile(1.0 - p, df);
  return Invert([df](double t) { return StudentTCdf(t, df); }, p, 0.0, 16.0);
}

ConfidenceInterval WilsonInterval(std::size_t successes, std::size_t trials, double confidence) {
  CUPOLA_CHECK(successes <= trials, "WilsonInterval: more successes than trials");
  ConfidenceInterval e;
  e.n = trials;
  if (trials == 0) return {kNaN, kNaN, kNaN, 0};
  const double z = NormalQuantile(0.5 + 0.5 * confidence);
  const double n = static_cast<double>(trials), k = static_cast<double>(successes), z2 = z * z;
  const double centre = (k + 0.5 * z2) / (n + z2);
  const double half = z / (n + z2) * std::sqrt(k * (n - k) / n + 0.25 * z2);
  e.mean = k / n;
  e.low = std::max(0.0, centre - half);
  e.high = std::min(1.0, centre + half);
  return e;
}

double SampleVariance(std::span<const double> values) {
  double sum = 0.0;
  std::size_t n = 0;
  for (double v : values)
    if (!std::isnan(v)) sum += v, ++n;
  if (n < 2) return 0.0;
  const double mean = sum / static_cast<double>(n);
  double squares = 0.0;  // two passes: no cancellation as in sum(x^2) - n mean^2
  for (double v : values)
    if (!std::isnan(v)) squares += (v - mean) * (v - mean);
  return squares / static_cast<double>(n - 1);
}

ConfidenceInterval MeanInterval(std::span<const double> values, double confidence) {
  double sum = 0.0;
  std::size_t n = 0;
  for (double v : values)
    if (!std::isnan(v)) sum += v, ++n;
  if (n == 0) return {kNaN, kNaN, kNaN, 0};
  const double mean = sum / static_cast<double>(n);
  if (n == 1) return {mean, kNaN, kNaN, 1};
  const double half = StudentTQuantile(0.5 + 0.5 * confidence, static_cast<double>(n - 1)) *
                      std::sqrt(SampleVariance(values) / static_cast<double>(n));
  return {mean, mean - half, mean + half, n};
}

}  // namespace cupola

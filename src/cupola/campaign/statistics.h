// cupola/campaign/statistics.h -- confidence intervals for campaign results.
//
// A proportion (k runs of n) gets the Wilson score interval,
//   (k + z^2/2) / (n + z^2)  +-  z / (n + z^2) * sqrt(k (n - k) / n + z^2 / 4),
// which stays inside [0, 1] and keeps its coverage near 0 or 1 where the
// Wald interval p +- z sqrt(p (1 - p) / n) collapses (Wilson 1927; Brown,
// Cai and DasGupta 2001). A mean of n values gets Student's t interval,
//   mean +- t_{1 - alpha/2, n - 1} * s / sqrt(n),
// with s the sample standard deviation. The quantiles are computed, not
// tabled: the normal one from erfc, the t one from the regularized
// incomplete beta function, both inverted by bisection (deterministic, and
// accurate to about 1e-12).
#pragma once

#include <cstddef>
#include <span>

namespace cupola {

/// An estimate with its interval. n = 0: nothing to estimate (mean, low and
/// high NaN); n = 1 for a mean: no spread to estimate (low and high NaN).
struct ConfidenceInterval {
  double mean = 0.0;
  double low = 0.0, high = 0.0;  // the interval at the requested confidence
  std::size_t n = 0;
};

/// Phi^-1(p), the standard normal quantile, p in (0, 1).
double NormalQuantile(double p);

/// Student's t distribution function with `df` degrees of freedom.
double StudentTCdf(double t, double df);

/// t_{p, df}, the Student t quantile, p in (0, 1), df > 0.
double StudentTQuantile(double p, double df);

/// Wilson score interval for `successes` of `trials` at `confidence` (0.95).
ConfidenceInterval WilsonInterval(std::size_t successes, std::size_t trials, double confidence = 0.95);

/// Student's t interval for the mean of `values` (NaN values are skipped:
/// a metric a run does not define, such as a ratio of nothing).
ConfidenceInterval MeanInterval(std::span<const double> values, double confidence = 0.95);

/// Sample variance (n - 1 in the denominator) of the non-NaN `values`; 0 for fewer than two.
double SampleVariance(std::span<const double> values);

}  // namespace cupola

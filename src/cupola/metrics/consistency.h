// cupola/metrics/consistency.h -- filter consistency: NEES, NIS and the
// chi-square intervals they are judged against.
//
// NEES = e^T P^-1 e with e = x_estimated - x_true and P the filter's covariance;
// NIS  = y^T S^-1 y with y the innovation and S its covariance. For a
// consistent filter with Gaussian errors, NEES ~ chi^2(n), n = dim e, so the
// average of N independent NEES values satisfies N * mean ~ chi^2(N n) and
// the two-sided interval at confidence 1 - a is (Bar-Shalom, Li & Kirubarajan
// 2001, sec. 5.4)
//   [ chi2inv(a/2, N n) / N,  chi2inv(1 - a/2, N n) / N ].
// The same holds for NIS with n = measurement dimension.
//
// The chi-square distribution function is the regularised lower incomplete
// gamma function, F(x; k) = P(k/2, x/2), with
//   P(a, x) = gamma(a, x) / Gamma(a) = 1 - Q(a, x),
// computed by its power series for x < a + 1 and by the Lentz continued
// fraction for Q otherwise (Numerical Recipes, 3rd ed., sec. 6.2). The
// quantile inverts F by Newton steps kept inside a bisection bracket.
// Everything is local and re-entrant: no std::lgamma (which writes the global
// signgam in glibc), so it is safe in parallel replications.
#pragma once

#include <Eigen/Core>

namespace cupola {

/// e^T P^-1 e by an LDLT solve. P must be symmetric with the size of e;
/// returns +infinity when P is not positive definite (a collapsed covariance
/// is as inconsistent as a filter can be).
double Nees(const Eigen::Ref<const Eigen::VectorXd>& error, const Eigen::Ref<const Eigen::MatrixXd>& P);
/// y^T S^-1 y: the same quadratic form, for an innovation y and its covariance S.
double Nis(const Eigen::Ref<const Eigen::VectorXd>& innovation, const Eigen::Ref<const Eigen::MatrixXd>& S);

/// ln Gamma(a) for a > 0 (Lanczos, g = 7, 9 terms; relative error ~1e-15).
double LogGamma(double a);
/// Regularised lower incomplete gamma P(a, x), a > 0, x >= 0.
double RegularizedGammaP(double a, double x);
/// Regularised upper incomplete gamma Q(a, x) = 1 - P(a, x), computed without
/// cancellation in the upper tail.
double RegularizedGammaQ(double a, double x);

/// Chi-square distribution function F(x; dof) = P(dof/2, x/2), dof > 0.
double ChiSquareCdf(double x, double dof);
/// The x with F(x; dof) = probability, for 0 < probability < 1 and dof > 0
/// (chi2inv in MATLAB, chi2.ppf in SciPy). Relative accuracy ~1e-12.
double ChiSquareQuantile(double probability, double dof);

/// A two-sided acceptance interval for an averaged consistency statistic.
struct ConsistencyInterval {
  double lower = 0.0;
  double upper = 0.0;
  bool Contains(double value) const { return value >= lower && value <= upper; }
};

/// Interval for the mean of `num_samples` independent NEES (or NIS) values
/// of dimension `dim` at `confidence` (e.g. 0.95):
///   [chi2inv((1-confidence)/2, N n) / N, chi2inv((1+confidence)/2, N n) / N].
ConsistencyInterval AverageNeesInterval(int dim, int num_samples, double confidence = 0.95);

}  // namespace cupola

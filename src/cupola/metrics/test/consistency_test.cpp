#include "cupola/metrics/consistency.h"

#include <gtest/gtest.h>

#include <Eigen/Cholesky>
#include <cmath>
#include <limits>
#include <numbers>

#include "cupola/core/error.h"
#include "cupola/core/random.h"

namespace cupola {
namespace {

// Reference quantiles and CDF values below were computed independently with
// python3 (no SciPy on the build machine) from closed-form chi-square CDFs:
//   k = 1: erf(sqrt(x/2));  k = 3: erf(sqrt(x/2)) - sqrt(2x/pi) exp(-x/2);
//   even k: 1 - exp(-x/2) sum_{j < k/2} (x/2)^j / j!  (60-digit Decimal),
// inverted by 200 bisection steps. They match the printed tables (3.841,
// 7.815, 16.266) and Wilson-Hilferty to its own accuracy (3e-3 at k = 300).

void ExpectRelNear(double actual, double expected, double rel) {
  EXPECT_NEAR(actual, expected, rel * std::abs(expected)) << "expected " << expected;
}

TEST(Consistency, NeesIsTheMahalanobisSquare) {
  Eigen::Vector2d e(1, 2);
  Eigen::Matrix2d P;
  P << 1, 0, 0, 4;
  EXPECT_DOUBLE_EQ(Nees(e, P), 1.0 + 4.0 / 4.0);
  // Correlated: P^-1 = [2 -1; -1 2] / 3, so (1,1) P^-1 (1,1)^T = 2/3.
  P << 2, 1, 1, 2;
  EXPECT_DOUBLE_EQ(Nees(Eigen::Vector2d(1, 1), P), 2.0 / 3.0);
  // Fixed-size and dynamic arguments both bind.
  EXPECT_DOUBLE_EQ(Nis(Eigen::Vector3d(3, 0, 0), 9.0 * Eigen::Matrix3d::Identity()), 1.0);
  Eigen::VectorXd y = Eigen::VectorXd::Ones(4);
  EXPECT_DOUBLE_EQ(Nis(y, Eigen::MatrixXd::Identity(4, 4)), 4.0);
}

TEST(Consistency, NotPositiveDefiniteIsInfinitelyInconsistent) {
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_EQ(Nees(Eigen::Vector2d(1, 1), Eigen::Vector2d(1, 0).asDiagonal().toDenseMatrix()), inf);
  EXPECT_EQ(Nees(Eigen::Vector2d(1, 1), Eigen::Vector2d(1, -1).asDiagonal().toDenseMatrix()), inf);
  EXPECT_THROW(Nees(Eigen::Vector3d(1, 1, 1), Eigen::Matrix2d::Identity()), InternalError);
}

TEST(Consistency, LogGammaMatchesKnownValues) {
  ExpectRelNear(LogGamma(0.5), 0.5 * std::log(std::numbers::pi), 1e-14);  // Gamma(1/2) = sqrt(pi)
  EXPECT_NEAR(LogGamma(1.0), 0.0, 1e-14);
  EXPECT_NEAR(LogGamma(2.0), 0.0, 1e-14);
  ExpectRelNear(LogGamma(10.0), std::log(362880.0), 1e-14);  // 9!
  ExpectRelNear(LogGamma(150.0), 600.0094705553274, 1e-14);
  ExpectRelNear(LogGamma(3000.0), 21016.018485477896, 1e-14);
  ExpectRelNear(LogGamma(0.1), 2.2527126517342055, 1e-13);
  ExpectRelNear(LogGamma(1e-3), 6.907178885383854, 1e-13);
}

TEST(Consistency, ChiSquareCdfMatchesClosedForms) {
  EXPECT_EQ(ChiSquareCdf(0.0, 3), 0.0);
  ExpectRelNear(ChiSquareCdf(1.0, 3), 0.198748043098799, 1e-12);
  ExpectRelNear(ChiSquareCdf(5.0, 10), 0.108821981085849, 1e-12);
  ExpectRelNear(ChiSquareCdf(250.0, 300), 1.6197049792355e-02, 1e-10);
  ExpectRelNear(ChiSquareCdf(1e-6, 1), 7.978844278221252e-04, 1e-12);
  // k = 2 is the exponential distribution: F = 1 - exp(-x/2), both branches.
  for (double x : {0.1, 1.0, 2.9, 3.1, 10.0, 40.0}) ExpectRelNear(ChiSquareCdf(x, 2), 1.0 - std::exp(-x / 2), 1e-13);
  ExpectRelNear(RegularizedGammaQ(1.0, 40.0), std::exp(-40.0), 1e-12);  // no cancellation in the tail
}

TEST(Consistency, ChiSquareQuantileMatchesTables) {
  ExpectRelNear(ChiSquareQuantile(0.95, 1), 3.841458820694, 1e-11);
  ExpectRelNear(ChiSquareQuantile(0.95, 3), 7.814727903251, 1e-11);
  ExpectRelNear(ChiSquareQuantile(0.999, 3), 16.266236196238, 1e-11);  // a typical 3-D gate
  ExpectRelNear(ChiSquareQuantile(0.025, 1), 0.000982069117, 1e-8);
  ExpectRelNear(ChiSquareQuantile(0.975, 1), 5.023886187315, 1e-11);
  ExpectRelNear(ChiSquareQuantile(0.025, 3), 0.215795282624, 1e-10);
  ExpectRelNear(ChiSquareQuantile(0.975, 3), 9.348403604496, 1e-11);
  ExpectRelNear(ChiSquareQuantile(0.999, 4), 18.466826952903, 1e-11);
  ExpectRelNear(ChiSquareQuantile(0.5, 6), 5.348120627447, 1e-11);
  ExpectRelNear(ChiSquareQuantile(0.025, 300), 253.912322602490, 1e-11);
  ExpectRelNear(ChiSquareQuantile(0.975, 300), 349.874468829915, 1e-11);
  // k = 2: x = -2 ln(1 - p) exactly.
  for (double p : {1e-6, 0.01, 0.5, 0.95, 0.999999})
    ExpectRelNear(ChiSquareQuantile(p, 2), -2.0 * std::log1p(-p), 1e-12);
}

TEST(Consistency, ChiSquareQuantileInvertsTheCdf) {
  for (double dof : {0.5, 1.0, 2.0, 3.0, 5.0, 10.0, 50.0, 300.0, 3000.0}) {
    for (double p : {1e-6, 0.01, 0.025, 0.5, 0.975, 0.999, 0.999999}) {
      const double x = ChiSquareQuantile(p, dof);
      // Compare in the tail the quantile came from, where the digits are.
      if (p <= 0.5)
        ExpectRelNear(ChiSquareCdf(x, dof), p, 1e-10);
      else
        ExpectRelNear(RegularizedGammaQ(dof / 2, x / 2), 1.0 - p, 1e-9);
    }
  }
}

TEST(Consistency, LargeDofAgreesWithWilsonHilferty) {
  // x ~ k (1 - 2/(9k) + z sqrt(2/(9k)))^3, error O(1/k); z(0.975) = 1.959963984540054.
  const double k = 3000.0, z = 1.959963984540054;
  const double wh = k * std::pow(1.0 - 2.0 / (9.0 * k) + z * std::sqrt(2.0 / (9.0 * k)), 3);
  ExpectRelNear(ChiSquareQuantile(0.975, k), wh, 1e-5);
}

TEST(Consistency, AverageNeesInterval) {
  // 100 runs of a 3-D state: chi2inv(0.025, 300) / 100 and chi2inv(0.975, 300) / 100.
  // (Not 2.5373 / 3.5019 as sometimes quoted: the closed form and
  // Wilson-Hilferty both give 2.5391 / 3.4987.)
  const ConsistencyInterval r = AverageNeesInterval(3, 100, 0.95);
  ExpectRelNear(r.lower, 2.539123226025, 1e-11);
  ExpectRelNear(r.upper, 3.498744688299, 1e-11);
  EXPECT_TRUE(r.Contains(3.0));
  EXPECT_FALSE(r.Contains(3.6));
  // One sample of dimension one is the plain chi-square(1) interval.
  const ConsistencyInterval one = AverageNeesInterval(1, 1, 0.95);
  ExpectRelNear(one.lower, 0.000982069117, 1e-8);
  ExpectRelNear(one.upper, 5.023886187315, 1e-11);
}

TEST(Consistency, SimulatedEstimatorsPassOrFailAsTheyShould) {
  // The intended use: errors drawn from the filter's own P give an average
  // NEES inside the interval; a filter claiming P / 4 gives ~4 n, far outside.
  Eigen::Matrix3d P;
  P << 4, 1, 0, 1, 9, 2, 0, 2, 16;
  const Eigen::Matrix3d L = P.llt().matrixL();
  const int runs = 200;
  const ConsistencyInterval interval = AverageNeesInterval(3, runs);
  Rng rng(77);
  double honest = 0.0, optimistic = 0.0;
  for (int r = 0; r < runs; ++r) {
    const Eigen::Vector3d e = L * Eigen::Vector3d(rng.Normal(), rng.Normal(), rng.Normal());
    honest += Nees(e, P) / runs;
    optimistic += Nees(e, P / 4.0) / runs;
  }
  EXPECT_TRUE(interval.Contains(honest)) << honest;
  EXPECT_FALSE(interval.Contains(optimistic)) << optimistic;
  EXPECT_NEAR(optimistic, 4.0 * honest, 1e-9);
}

TEST(Consistency, RejectsBadArguments) {
  EXPECT_THROW(ChiSquareQuantile(0.0, 3), InternalError);
  EXPECT_THROW(ChiSquareQuantile(1.0, 3), InternalError);
  EXPECT_THROW(ChiSquareQuantile(0.5, 0), InternalError);
  EXPECT_THROW(AverageNeesInterval(0, 10), InternalError);
}

}  // namespace
}  // namespace cupola

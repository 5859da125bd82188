#include "cupola/campaign/statistics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

namespace cupola {
namespace {

TEST(Statistics, NormalQuantileMatchesTables) {
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963985, 1e-9);
  EXPECT_NEAR(NormalQuantile(0.95), 1.644853627, 1e-9);
  EXPECT_NEAR(NormalQuantile(0.5), 0.0, 1e-12);
  EXPECT_NEAR(NormalQuantile(0.025), -1.959963985, 1e-9);
}

// Two-sided 95 % critical values t_{0.975, df} (any statistics table, e.g.
// NIST/SEMATECH e-Handbook 1.3.6.7.2).
TEST(Statistics, StudentTQuantileMatchesTables) {
  EXPECT_NEAR(StudentTQuantile(0.975, 1), 12.706, 1e-3);
  EXPECT_NEAR(StudentTQuantile(0.975, 2), 4.303, 1e-3);
  EXPECT_NEAR(StudentTQuantile(0.975, 5), 2.571, 1e-3);
  EXPECT_NEAR(StudentTQuantile(0.975, 10), 2.228, 1e-3);
  EXPECT_NEAR(StudentTQuantile(0.975, 30), 2.042, 1e-3);
  EXPECT_NEAR(StudentTQuantile(0.995, 20), 2.845, 1e-3);
  EXPECT_NEAR(StudentTQuantile(0.95, 100), 1.660, 1e-3);
  // The Cauchy distribution (df 1) has a closed form: tan(pi (p - 1/2)).
  EXPECT_NEAR(StudentTQuantile(0.9, 1), std::tan(M_PI * 0.4), 1e-9);
  // Large df tends to the normal.
  EXPECT_NEAR(StudentTQuantile(0.975, 1e7), 1.959964, 1e-5);
  EXPECT_NEAR(StudentTQuantile(0.025, 10), -2.228, 1e-3);
}

TEST(Statistics, StudentTCdfIsSymmetric) {
  EXPECT_NEAR(StudentTCdf(0.0, 3), 0.5, 1e-15);
  EXPECT_NEAR(StudentTCdf(2.0, 4) + StudentTCdf(-2.0, 4), 1.0, 1e-14);
  // df 2 has a closed form: 1/2 + t / (2 sqrt(2 + t^2)).
  EXPECT_NEAR(StudentTCdf(1.5, 2), 0.5 + 1.5 / (2.0 * std::sqrt(2.0 + 2.25)), 1e-12);
}

// 8 successes in 10: Wilson 95 % (0.490, 0.943) (Newcombe 1998, Table I method 3,
// and any calculator), where the Wald interval (0.552, 1.048) leaves [0, 1].
TEST(Statistics, WilsonIntervalMatchesTextbook) {
  const ConfidenceInterval e = WilsonInterval(8, 10);
  EXPECT_DOUBLE_EQ(e.mean, 0.8);
  EXPECT_NEAR(e.low, 0.4902, 1e-4);
  EXPECT_NEAR(e.high, 0.9433, 1e-4);
  EXPECT_EQ(e.n, 10u);
  // None of 10: starts at 0, is not empty (Wald would give [0, 0]).
  const ConfidenceInterval none = WilsonInterval(0, 10);
  EXPECT_EQ(none.low, 0.0);
  EXPECT_NEAR(none.high, 0.2775, 1e-4);
  const ConfidenceInterval all = WilsonInterval(10, 10);
  EXPECT_NEAR(all.low, 0.7225, 1e-4);
  EXPECT_EQ(all.high, 1.0);
  EXPECT_TRUE(std::isnan(WilsonInterval(0, 0).mean));
}

TEST(Statistics, MeanIntervalIsStudentT) {
  // 1..5: mean 3, s^2 = 2.5, half width t_{0.975,4} sqrt(2.5/5) = 2.776 x 0.7071 = 1.963.
  const std::vector<double> v = {1, 2, 3, 4, 5};
  const ConfidenceInterval e = MeanInterval(v);
  EXPECT_DOUBLE_EQ(e.mean, 3.0);
  EXPECT_NEAR(e.high - e.mean, 2.776445 * std::sqrt(0.5), 1e-5);
  EXPECT_NEAR(e.mean - e.low, e.high - e.mean, 1e-12);
  EXPECT_EQ(e.n, 5u);
}

TEST(Statistics, MeanIntervalSkipsUndefinedValues) {
  const std::vector<double> v = {1, NAN, 3};
  const ConfidenceInterval e = MeanInterval(v);
  EXPECT_EQ(e.n, 2u);
  EXPECT_DOUBLE_EQ(e.mean, 2.0);
  const ConfidenceInterval one = MeanInterval(std::vector<double>{4.0});
  EXPECT_EQ(one.n, 1u);
  EXPECT_DOUBLE_EQ(one.mean, 4.0);
  EXPECT_TRUE(std::isnan(one.low));
  EXPECT_TRUE(std::isnan(MeanInterval(std::vector<double>{NAN}).mean));
  EXPECT_DOUBLE_EQ(SampleVariance(std::vector<double>{2, 2, 2}), 0.0);
}

}  // namespace
}  // namespace cupola

#include "cupola/metrics/ospa.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "cupola/core/error.h"
#include "cupola/core/random.h"

namespace cupola {
namespace {

using Points = std::vector<Eigen::Vector3d>;

Points RandomPoints(Rng& rng, int count) {
  Points p;
  for (int i = 0; i < count; ++i) p.emplace_back(rng.Uniform(0, 10), rng.Uniform(0, 10), rng.Uniform(0, 10));
  return p;
}

// GOSPA (alpha = 2) by its assignment form, exhaustively: each truth takes an
// unused estimate or none; a pair costs d^p, anything unpaired c^p / 2. Shares
// no code with the solver.
double BruteForceGospaPow(const Eigen::MatrixXd& d, double c, double p, int row, std::vector<bool>& used) {
  if (row == d.rows()) {
    const auto unused = std::count(used.begin(), used.end(), false);
    return std::pow(c, p) / 2.0 * static_cast<double>(unused);
  }
  double best = std::pow(c, p) / 2.0 + BruteForceGospaPow(d, c, p, row + 1, used);  // missed
  for (int j = 0; j < d.cols(); ++j) {
    if (used[j]) continue;
    used[j] = true;
    best = std::min(best, std::pow(d(row, j), p) + BruteForceGospaPow(d, c, p, row + 1, used));
    used[j] = false;
  }
  return best;
}

// ---- OSPA -----------------------------------------------------------------

TEST(Ospa, EmptySets) {
  const Points none, two = {{1, 2, 3}, {4, 5, 6}};
  EXPECT_EQ(Ospa(none, none, 10.0, 2.0).total_m, 0.0);
  // One set empty: every element is a cardinality error, so OSPA = c.
  for (const auto& r : {Ospa(none, two, 10.0, 2.0), Ospa(two, none, 10.0, 2.0)}) {
    EXPECT_DOUBLE_EQ(r.total_m, 10.0);
    EXPECT_DOUBLE_EQ(r.cardinality_m, 10.0);
    EXPECT_EQ(r.localisation_m, 0.0);
  }
}

TEST(Ospa, OnePointEach) {
  const Points x = {{0, 0, 0}}, near = {{3, 0, 0}}, far = {{0, 20, 0}};
  const OspaResult r = Ospa(x, near, 10.0, 2.0);
  EXPECT_DOUBLE_EQ(r.total_m, 3.0);
  EXPECT_DOUBLE_EQ(r.localisation_m, 3.0);
  EXPECT_EQ(r.cardinality_m, 0.0);
  EXPECT_DOUBLE_EQ(Ospa(x, far, 10.0, 2.0).total_m, 10.0);  // 20 m cut to c
}

TEST(Ospa, CardinalityMismatch) {
  // x pairs with y1 at 1 m; y2 is surplus and costs c. n = 2.
  const Points x = {{0, 0, 0}}, y = {{1, 0, 0}, {100, 0, 0}};
  const OspaResult p1 = Ospa(x, y, 10.0, 1.0);
  EXPECT_DOUBLE_EQ(p1.total_m, (1.0 + 10.0) / 2.0);
  EXPECT_DOUBLE_EQ(p1.localisation_m, 0.5);
  EXPECT_DOUBLE_EQ(p1.cardinality_m, 5.0);
  const OspaResult p2 = Ospa(x, y, 10.0, 2.0);
  EXPECT_DOUBLE_EQ(p2.total_m, std::sqrt((1.0 + 100.0) / 2.0));
  EXPECT_DOUBLE_EQ(p2.localisation_m, std::sqrt(0.5));
  EXPECT_DOUBLE_EQ(p2.cardinality_m, std::sqrt(50.0));
}

TEST(Ospa, TwoByTwoWhereGreedyIsNotOptimal) {
  // d11 = 1, d12 = 2, d21 = 2, d22 = sqrt(13). Greedy pairs x1-y1 first and
  // pays 1 + sqrt(13) = 4.61 (p = 1); the optimum x1-y2, x2-y1 pays 4.
  const Points x = {{0, 0, 0}, {3, 0, 0}}, y = {{1, 0, 0}, {0, 2, 0}};
  EXPECT_DOUBLE_EQ(Ospa(x, y, 10.0, 1.0).total_m, 4.0 / 2.0);
  EXPECT_DOUBLE_EQ(Ospa(x, y, 10.0, 2.0).total_m, std::sqrt((4.0 + 4.0) / 2.0));
  const GospaResult g = Gospa(x, y, 10.0, 2.0);
  EXPECT_DOUBLE_EQ(g.total_m, std::sqrt(8.0));
  EXPECT_EQ(g.truth_to_estimate, (std::vector<int>{1, 0}));
}

TEST(Ospa, SymmetricOnRandomSets) {
  Rng rng(1);
  for (int trial = 0; trial < 100; ++trial) {
    const Points x = RandomPoints(rng, static_cast<int>(rng.NextU64() % 6));
    const Points y = RandomPoints(rng, static_cast<int>(rng.NextU64() % 6));
    EXPECT_NEAR(Ospa(x, y, 5.0, 2.0).total_m, Ospa(y, x, 5.0, 2.0).total_m, 1e-12);
    const GospaResult xy = Gospa(x, y, 5.0, 1.0), yx = Gospa(y, x, 5.0, 1.0);
    EXPECT_NEAR(xy.total_m, yx.total_m, 1e-12);
    EXPECT_EQ(xy.num_missed, yx.num_false);
  }
}

TEST(Ospa, TriangleInequalityOnRandomSets) {
  // Both are metrics for p >= 1 (and alpha = 2 for GOSPA); c = 5 m in a
  // 10 m cube makes the cut-off active in many pairs.
  Rng rng(2);
  for (int trial = 0; trial < 300; ++trial) {
    const Points x = RandomPoints(rng, static_cast<int>(rng.NextU64() % 5));
    const Points y = RandomPoints(rng, static_cast<int>(rng.NextU64() % 5));
    const Points z = RandomPoints(rng, static_cast<int>(rng.NextU64() % 5));
    for (double p : {1.0, 2.0}) {
      EXPECT_LE(Ospa(x, z, 5.0, p).total_m, Ospa(x, y, 5.0, p).total_m + Ospa(y, z, 5.0, p).total_m + 1e-9);
      EXPECT_LE(Gospa(x, z, 5.0, p).total_m, Gospa(x, y, 5.0, p).total_m + Gospa(y, z, 5.0, p).total_m + 1e-9);
    }
  }
}

TEST(Ospa, DistanceMatrixServesAnySpace) {
  // 2 x 3 distances from some other metric (say 6-D state): rows pair with
  // columns 1 and 0 (2 + 1), column 2 is surplus. c = 4, p = 1, n = 3.
  Eigen::MatrixXd d(2, 3);
  d << 3, 2, 9, 1, 8, 9;
  EXPECT_DOUBLE_EQ(OspaFromDistances(d, 4.0, 1.0).total_m, (2.0 + 1.0 + 4.0) / 3.0);
  EXPECT_DOUBLE_EQ(GospaFromDistances(d, 4.0, 1.0).total_m, 2.0 + 1.0 + 4.0 / 2.0);
}

// ---- GOSPA ----------------------------------------------------------------

TEST(Gospa, EmptySets) {
  const Points none, one = {{0, 0, 0}}, two = {{0, 0, 0}, {5, 5, 5}};
  EXPECT_EQ(Gospa(none, none, 10.0, 2.0).total_m, 0.0);
  // A missed truth costs c^p / 2: sqrt(100 / 2).
  const GospaResult missed = Gospa(one, none, 10.0, 2.0);
  EXPECT_DOUBLE_EQ(missed.total_m, std::sqrt(50.0));
  EXPECT_DOUBLE_EQ(missed.missed_m, std::sqrt(50.0));
  EXPECT_EQ(missed.num_missed, 1);
  EXPECT_EQ(missed.num_false, 0);
  EXPECT_EQ(missed.truth_to_estimate, (std::vector<int>{-1}));
  // Two false estimates: sqrt(2 * 50) = 10.
  const GospaResult false_only = Gospa(none, two, 10.0, 2.0);
  EXPECT_DOUBLE_EQ(false_only.total_m, 10.0);
  EXPECT_DOUBLE_EQ(false_only.false_m, 10.0);
  EXPECT_EQ(false_only.num_false, 2);
}

TEST(Gospa, PairBeyondCutoffIsOneMissedAndOneFalse) {
  const Points x = {{0, 0, 0}}, near = {{0, 0, 3}}, far = {{0, 0, 20}};
  const GospaResult paired = Gospa(x, near, 10.0, 2.0);
  EXPECT_DOUBLE_EQ(paired.total_m, 3.0);
  EXPECT_EQ(paired.num_paired, 1);
  const GospaResult cut = Gospa(x, far, 10.0, 2.0);
  EXPECT_DOUBLE_EQ(cut.total_m, std::sqrt(50.0 + 50.0));
  EXPECT_EQ(cut.num_paired, 0);
  EXPECT_EQ(cut.num_missed, 1);
  EXPECT_EQ(cut.num_false, 1);
  EXPECT_EQ(cut.truth_to_estimate, (std::vector<int>{-1}));
  EXPECT_DOUBLE_EQ(cut.missed_m, std::sqrt(50.0));
  EXPECT_DOUBLE_EQ(cut.false_m, std::sqrt(50.0));
}

TEST(Gospa, AlphaTwoEqualsAssignmentFormAndBruteForce) {
  Rng rng(3);
  for (int trial = 0; trial < 200; ++trial) {
    const Points x = RandomPoints(rng, static_cast<int>(rng.NextU64() % 5));
    const Points y = RandomPoints(rng, static_cast<int>(rng.NextU64() % 6));
    const double c = 4.0, p = trial % 2 == 0 ? 1.0 : 2.0;
    const GospaResult g = Gospa(x, y, c, p);
    // Closed form from the returned assignment and counts.
    double sum_pow = 0.0;
    int paired = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
      const int j = g.truth_to_estimate[i];
      if (j < 0) continue;
      const double d = (x[i] - y[j]).norm();
      EXPECT_LT(d, c);
      sum_pow += std::pow(d, p);
      ++paired;
    }
    EXPECT_EQ(paired, g.num_paired);
    EXPECT_EQ(g.num_missed, static_cast<int>(x.size()) - paired);
    EXPECT_EQ(g.num_false, static_cast<int>(y.size()) - paired);
    const double closed = std::pow(sum_pow + std::pow(c, p) / 2.0 * (g.num_missed + g.num_false), 1.0 / p);
    EXPECT_NEAR(g.total_m, closed, 1e-12);
    // Decomposition adds up in the p-th power.
    EXPECT_NEAR(std::pow(g.total_m, p),
                std::pow(g.localisation_m, p) + std::pow(g.missed_m, p) + std::pow(g.false_m, p), 1e-9);
    // And it is the optimum over all partial assignments.
    std::vector<bool> used(y.size(), false);
    const Eigen::MatrixXd d = PairwiseDistances(x, y);
    EXPECT_NEAR(std::pow(g.total_m, p), BruteForceGospaPow(d, c, p, 0, used), 1e-9);
  }
}

TEST(Gospa, AlphaOneIsUnnormalisedOspa) {
  // With alpha = 1 the surplus costs c^p each, as in OSPA, and only the 1/n
  // normalisation differs: GOSPA^p = max(m, n) OSPA^p.
  Rng rng(4);
  for (int trial = 0; trial < 100; ++trial) {
    const Points x = RandomPoints(rng, 1 + static_cast<int>(rng.NextU64() % 5));
    const Points y = RandomPoints(rng, 1 + static_cast<int>(rng.NextU64() % 5));
    const double n = static_cast<double>(std::max(x.size(), y.size()));
    const GospaResult g = Gospa(x, y, 5.0, 2.0, 1.0);
    EXPECT_NEAR(g.total_m * g.total_m, n * std::pow(Ospa(x, y, 5.0, 2.0).total_m, 2.0), 1e-9);
    EXPECT_NEAR(g.total_m * g.total_m, std::pow(g.localisation_m, 2) + std::pow(g.missed_m, 2) + std::pow(g.false_m, 2),
                1e-9);
  }
}

TEST(Gospa, AlphaScalesTheSurplusCost) {
  // One truth, no estimates, c = 10, p = 1: c / alpha.
  const Points one = {{0, 0, 0}}, none;
  EXPECT_DOUBLE_EQ(Gospa(one, none, 10.0, 1.0, 1.0).total_m, 10.0);
  EXPECT_DOUBLE_EQ(Gospa(one, none, 10.0, 1.0, 2.0).total_m, 5.0);
  EXPECT_DOUBLE_EQ(Gospa(one, none, 10.0, 1.0, 0.5).total_m, 20.0);
}

TEST(Gospa, RejectsBadParameters) {
  const Points one = {{0, 0, 0}};
  EXPECT_THROW(Gospa(one, one, 0.0, 2.0), InternalError);
  EXPECT_THROW(Gospa(one, one, 10.0, 0.5), InternalError);
  EXPECT_THROW(Gospa(one, one, 10.0, 2.0, 3.0), InternalError);
  EXPECT_THROW(Ospa(one, one, -1.0, 2.0), InternalError);
}

}  // namespace
}  // namespace cupola

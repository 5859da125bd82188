#include "cupola/tracking/jpda.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numbers>
#include <vector>

#include "cupola/core/error.h"
#include "cupola/core/random.h"

namespace cupola {
namespace {

// Every row of beta is a distribution, and a pair outside the gate gets
// exactly 0.
void ExpectValidMarginals(const Eigen::MatrixXd& likelihood, const Eigen::MatrixXd& beta, double tol = 1e-12) {
  ASSERT_EQ(beta.rows(), likelihood.rows());
  ASSERT_EQ(beta.cols(), likelihood.cols() + 1);
  for (Eigen::Index i = 0; i < beta.rows(); ++i) {
    EXPECT_NEAR(beta.row(i).sum(), 1.0, tol) << "row " << i;
    for (Eigen::Index j = 0; j < beta.cols(); ++j) {
      EXPECT_GE(beta(i, j), 0.0);
      EXPECT_LE(beta(i, j), 1.0 + tol);
      if (j < likelihood.cols() && likelihood(i, j) == 0.0) {
        EXPECT_EQ(beta(i, j), 0.0) << "(" << i << ", " << j << ")";
      }
    }
  }
}

// A cluster as a tracker sees one: n tracks uniform in a side x side square,
// innovation covariance S = I (2-D, so lengths are in sigmas), each target
// detected with Pd = 0.9 near its track, Poisson clutter of density lambda
// per unit area over the square grown by the gate; 99 % gate, so
//     l_ij = Pd N(y; 0, I) / lambda  if |y|^2 <= 9.21, else 0;  w_i0 = 1 - Pd Pg.
// Redrawn until it has 1 to `max_dets` detections.
struct Cluster {
  Eigen::MatrixXd likelihood;
  double miss = 0.0;
};
Cluster RandomGeometricCluster(Rng& rng, int n, double side, double lambda, int max_dets) {
  constexpr double kPd = 0.9, kPg = 0.99, kGate2 = 9.21, kGate = 3.035;
  std::vector<Eigen::Vector2d> tracks(static_cast<std::size_t>(n)), dets;
  do {
    dets.clear();
    for (auto& p : tracks) p = {rng.Uniform(0.0, side), rng.Uniform(0.0, side)};
    for (const auto& p : tracks) {
      if (rng.Uniform() < kPd) dets.push_back(p + Eigen::Vector2d(rng.Normal(), rng.Normal()));
    }
    const double lo = -kGate, hi = side + kGate;
    const int clutter = rng.Poisson(lambda * (hi - lo) * (hi - lo));
    for (int c = 0; c < clutter; ++c) dets.emplace_back(rng.Uniform(lo, hi), rng.Uniform(lo, hi));
  } while (dets.empty() || static_cast<int>(dets.size()) > max_dets);
  Cluster cluster;
  cluster.miss = 1.0 - kPd * kPg;
  cluster.likelihood.resize(n, static_cast<Eigen::Index>(dets.size()));
  for (int i = 0; i < n; ++i) {
    for (std::size_t j = 0; j < dets.size(); ++j) {
      const double d2 = (dets[j] - tracks[static_cast<std::size_t>(i)]).squaredNorm();
      cluster.likelihood(i, static_cast<Eigen::Index>(j)) =
          d2 > kGate2 ? 0.0 : kPd * std::exp(-0.5 * d2) / (2.0 * std::numbers::pi) / lambda;
    }
  }
  return cluster;
}

TEST(Jpda, SingleTrackIsPda) {
  // One track: no competition, so beta_ij = l_ij / (w_0 + sum_j l_ij), and
  // BP is exact (no other track sends a message; nu = 1).
  Eigen::MatrixXd l(1, 4);
  l << 0.5, 0.0, 3.0, 1.25;
  const double miss = 0.109;
  const double total = miss + 0.5 + 3.0 + 1.25;
  Eigen::MatrixXd expected(1, 5);
  expected << 0.5 / total, 0.0, 3.0 / total, 1.25 / total, miss / total;
  JpdaLbpSummary summary;
  const Eigen::MatrixXd lbp = JpdaMarginalsLoopyBp(l, miss, 100, 1e-9, &summary);
  const Eigen::MatrixXd exact = JpdaMarginalsExact(l, miss);
  EXPECT_LT((lbp - expected).cwiseAbs().maxCoeff(), 1e-15);
  EXPECT_LT((exact - expected).cwiseAbs().maxCoeff(), 1e-15);
  EXPECT_TRUE(summary.converged);
  EXPECT_EQ(summary.iterations, 1);
}

TEST(Jpda, TwoTracksSharingOneDetection) {
  // l = (2, 1), w_0 = 0.5. Events: both missed 0.25; track 0 takes it
  // 2 * 0.5 = 1; track 1 takes it 0.5 * 1 = 0.5; Z = 1.75. So
  // beta_0 = (4/7, 3/7), beta_1 = (2/7, 5/7). The gate graph is a tree, so
  // BP is exact: mu = (4, 2), nu = (1/3, 1/5), beta_00 ~ 2/3 vs 1/2.
  Eigen::MatrixXd l(2, 1);
  l << 2.0, 1.0;
  Eigen::MatrixXd expected(2, 2);
  expected << 4.0 / 7.0, 3.0 / 7.0, 2.0 / 7.0, 5.0 / 7.0;
  EXPECT_LT((JpdaMarginalsExact(l, 0.5) - expected).cwiseAbs().maxCoeff(), 1e-15);
  EXPECT_LT((JpdaMarginalsLoopyBp(l, 0.5) - expected).cwiseAbs().maxCoeff(), 1e-12);
}

TEST(Jpda, ExactTwoByTwoLoopByHand) {
  // l = [1 2; 3 4], w_0 = 0.5. Event weights: none 0.25; (0<-0) 0.5;
  // (0<-1) 1; (1<-0) 1.5; (1<-1) 2; (0<-0, 1<-1) 4; (0<-1, 1<-0) 6;
  // Z = 15.25 = 61/4. beta_0 = (4.5, 7, 3.75) / Z = (18, 28, 15) / 61,
  // beta_1 = (7.5, 6, 1.75) / Z = (30, 24, 7) / 61.
  Eigen::MatrixXd l(2, 2);
  l << 1.0, 2.0, 3.0, 4.0;
  Eigen::MatrixXd expected(2, 3);
  expected << 18.0, 28.0, 15.0, 30.0, 24.0, 7.0;
  expected /= 61.0;
  EXPECT_LT((JpdaMarginalsExact(l, 0.5) - expected).cwiseAbs().maxCoeff(), 1e-15);
}

TEST(Jpda, LoopyBpIsOverconfidentOnATightLoop) {
  // The limit of the approximation, kept visible: two tracks, two
  // detections, all four pairs gated, and misses unlikely (w_0 = 1e-3). The
  // exact answer weighs the two matchings 4 : 6; BP all but picks the
  // heavier one. (Checked against sum-product on the full factor graph, with
  // the whole message vectors rather than the ratios: same fixed point.)
  Eigen::MatrixXd l(2, 2);
  l << 1.0, 2.0, 3.0, 4.0;
  const Eigen::MatrixXd exact = JpdaMarginalsExact(l, 1e-3);
  const Eigen::MatrixXd lbp = JpdaMarginalsLoopyBp(l, 1e-3, 1000);
  EXPECT_NEAR(exact(0, 1), 0.6, 1e-3);
  EXPECT_GT(lbp(0, 1), 0.98);
  // With w_0 = 0.5 the loop is looser and the error smaller (0.075).
  const double error = (JpdaMarginalsLoopyBp(l, 0.5) - JpdaMarginalsExact(l, 0.5)).cwiseAbs().maxCoeff();
  EXPECT_GT(error, 0.05);
  EXPECT_LT(error, 0.1);
}

TEST(Jpda, LoopyBpIsExactOnTrees) {
  // A chain track 0 - det 0 - track 1 - det 1 - ... has no cycle, so BP's
  // fixed point is the exact marginal (up to the stopping tolerance).
  Rng rng(11);
  double worst = 0.0;
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 1 + static_cast<int>(rng.Uniform() * 6);
    const int m = n - 1 + static_cast<int>(rng.Uniform() * 2);  // chain may end on a track or a detection
    Eigen::MatrixXd l = Eigen::MatrixXd::Zero(n, m);
    for (int i = 0; i < n; ++i) {
      if (i - 1 >= 0 && i - 1 < m) l(i, i - 1) = std::exp(rng.Uniform(-4.0, 4.0));
      if (i < m) l(i, i) = std::exp(rng.Uniform(-4.0, 4.0));
    }
    const double miss = std::exp(rng.Uniform(-5.0, 0.0));
    const Eigen::MatrixXd lbp = JpdaMarginalsLoopyBp(l, miss, 10000, 1e-13);
    worst = std::max(worst, (lbp - JpdaMarginalsExact(l, miss)).cwiseAbs().maxCoeff());
  }
  EXPECT_LT(worst, 1e-10);
}

// Small random clusters against enumeration: exact marginals are valid,
// BP's are valid, converge, and their errors are recorded and bounded.
struct AccuracyStats {
  double max_error = 0.0;        // max |beta_lbp - beta_exact| over every entry of every cluster
  double mean_error = 0.0;       // mean |beta_lbp - beta_exact| over every entry
  double fraction_within = 0.0;  // share of clusters whose max error is < 0.05
  int max_iterations = 0, total_iterations = 0, clusters = 0;
};

void Accumulate(const Eigen::MatrixXd& l, const Eigen::VectorXd& miss, AccuracyStats& stats, double& sum_error,
                long& entries, int& within) {
  const Eigen::MatrixXd exact = JpdaMarginalsExact(l, miss);
  ExpectValidMarginals(l, exact);
  EXPECT_LE(exact.leftCols(l.cols()).colwise().sum().maxCoeff(), 1.0 + 1e-12);
  JpdaLbpSummary summary;
  const Eigen::MatrixXd lbp = JpdaMarginalsLoopyBp(l, miss, 1000, 1e-9, &summary);
  ExpectValidMarginals(l, lbp);
  EXPECT_TRUE(summary.converged);
  const double error = (lbp - exact).cwiseAbs().maxCoeff();
  stats.max_error = std::max(stats.max_error, error);
  sum_error += (lbp - exact).cwiseAbs().sum();
  entries += lbp.size();
  within += error < 0.05;
  stats.max_iterations = std::max(stats.max_iterations, summary.iterations);
  stats.total_iterations += summary.iterations;
  ++stats.clusters;
}

void Finish(const char* name, AccuracyStats& stats, double sum_error, long entries, int within) {
  stats.mean_error = sum_error / static_cast<double>(entries);
  stats.fraction_within = within / static_cast<double>(stats.clusters);
  std::printf(
      "[ %s ] %d clusters: max |error| %.4f, mean |error| %.5f, %.1f %% of clusters within 0.05; "
      "iterations mean %.1f, max %d\n",
      name, stats.clusters, stats.max_error, stats.mean_error, 100.0 * stats.fraction_within,
      stats.total_iterations / static_cast<double>(stats.clusters), stats.max_iterations);
}

TEST(Jpda, LoopyBpAgainstExactOnRandomWeights) {
  // Up to 5 tracks x 6 detections, each pair gated with probability 0.6,
  // l_ij log-uniform on [e^-3, e^3], w_0 = 1 - 0.9 * 0.99.
  // Measured (seed 3, 1000 clusters): max |error| 0.193, mean 0.0044,
  // 91.5 % of clusters within 0.05, at most 64 iterations. The bounds sit
  // just above; the worst clusters hold a tight 2 x 2 loop (see
  // LoopyBpIsOverconfidentOnATightLoop).
  Rng rng(3);
  AccuracyStats stats;
  double sum_error = 0.0;
  long entries = 0;
  int within = 0;
  for (int trial = 0; trial < 1000; ++trial) {
    const int n = 1 + static_cast<int>(rng.Uniform() * 5), m = 1 + static_cast<int>(rng.Uniform() * 6);
    Eigen::MatrixXd l(n, m);
    for (int i = 0; i < n; ++i) {
      for (int j = 0; j < m; ++j) l(i, j) = rng.Uniform() < 0.6 ? std::exp(rng.Uniform(-3.0, 3.0)) : 0.0;
    }
    Accumulate(l, Eigen::VectorXd::Constant(n, 1.0 - 0.9 * 0.99), stats, sum_error, entries, within);
  }
  Finish("random weights", stats, sum_error, entries, within);
  EXPECT_LT(stats.max_error, 0.25);
  EXPECT_LT(stats.mean_error, 0.01);
  EXPECT_GT(stats.fraction_within, 0.9);
}

TEST(Jpda, LoopyBpAgainstExactOnDenseGeometricClusters) {
  // 2 to 5 tracks in a 4-sigma square, up to 6 detections, clutter density
  // 0.01 per sigma^2 (about 0.3 clutter detections per gate): the dense case
  // JPDA is for. Measured (seed 5, 1000 clusters): max |error| 0.282, mean
  // 0.018, only 43.7 % of clusters within 0.05, at most 136 iterations.
  Rng rng(5);
  AccuracyStats stats;
  double sum_error = 0.0;
  long entries = 0;
  int within = 0;
  for (int trial = 0; trial < 1000; ++trial) {
    const int n = 2 + static_cast<int>(rng.Uniform() * 4);
    const Cluster c = RandomGeometricCluster(rng, n, 4.0, 0.01, 6);
    Accumulate(c.likelihood, Eigen::VectorXd::Constant(n, c.miss), stats, sum_error, entries, within);
  }
  Finish("dense geometric", stats, sum_error, entries, within);
  EXPECT_LT(stats.max_error, 0.3);
  EXPECT_LT(stats.mean_error, 0.03);
  EXPECT_GT(stats.fraction_within, 0.4);
}

TEST(Jpda, LargeBandedClusterWithoutEnumeration) {
  // 100 tracks x 100 detections, track i gated to detections i-2..i+2: one
  // cluster with many cycles, far beyond enumeration; 492 gated pairs.
  Rng rng(9);
  const int n = 100;
  Eigen::MatrixXd l = Eigen::MatrixXd::Zero(n, n);
  for (int i = 0; i < n; ++i) {
    for (int j = std::max(0, i - 2); j <= std::min(n - 1, i + 2); ++j) l(i, j) = std::exp(rng.Uniform(-3.0, 3.0));
  }
  JpdaLbpSummary summary;
  const Eigen::MatrixXd beta = JpdaMarginalsLoopyBp(l, 0.109, 100, 1e-9, &summary);
  ExpectValidMarginals(l, beta, 1e-12);
  EXPECT_TRUE(summary.converged) << summary.iterations << " iterations, last change " << summary.max_change;
  std::printf("[ banded 100 x 100 ] %d iterations, last relative change %.2e\n", summary.iterations,
              summary.max_change);
  EXPECT_THROW(JpdaMarginalsExact(l, 0.109), InternalError);
}

TEST(Jpda, IndependentClustersDoNotInteract) {
  // Block-diagonal input: BP on the whole equals BP on each block, and each
  // block of the exact answer equals the exact answer of that block.
  Rng rng(13);
  const int blocks = 3, bn = 3, bm = 3;
  Eigen::MatrixXd l = Eigen::MatrixXd::Zero(blocks * bn, blocks * bm);
  for (int b = 0; b < blocks; ++b) {
    for (int i = 0; i < bn; ++i) {
      for (int j = 0; j < bm; ++j) l(b * bn + i, b * bm + j) = std::exp(rng.Uniform(-2.0, 2.0));
    }
  }
  const Eigen::MatrixXd lbp = JpdaMarginalsLoopyBp(l, 0.2, 1000, 1e-12);
  const Eigen::MatrixXd exact = JpdaMarginalsExact(l, 0.2);
  for (int b = 0; b < blocks; ++b) {
    const Eigen::MatrixXd block = l.block(b * bn, b * bm, bn, bm);
    const Eigen::MatrixXd lbp_block = JpdaMarginalsLoopyBp(block, 0.2, 1000, 1e-12);
    const Eigen::MatrixXd exact_block = JpdaMarginalsExact(block, 0.2);
    EXPECT_LT((lbp.block(b * bn, b * bm, bn, bm) - lbp_block.leftCols(bm)).cwiseAbs().maxCoeff(), 1e-10);
    EXPECT_LT((lbp.block(b * bn, blocks * bm, bn, 1) - lbp_block.col(bm)).cwiseAbs().maxCoeff(), 1e-10);
    EXPECT_LT((exact.block(b * bn, b * bm, bn, bm) - exact_block.leftCols(bm)).cwiseAbs().maxCoeff(), 1e-12);
    EXPECT_LT((exact.block(b * bn, blocks * bm, bn, 1) - exact_block.col(bm)).cwiseAbs().maxCoeff(), 1e-12);
  }
}

TEST(Jpda, HugeLikelihoodsKeepSmallMarginalsAccurate) {
  // Track 0 sees detection 0 at l = 1e20 and detection 1 at l = 1; track 1
  // sees only detection 0 at l = 1; w_0 = 1e-3. Events: (0<-0) 1e17,
  // (0<-1, 1<-0) 1, (0<-1) and (1<-0) 1e-3 each, none 1e-6; so
  // beta_10 = 1.001 / Z with Z = 1e17 (1 + 1.002e-17 + 1e-23). Track 0's
  // sum over its pairs is 1e17 + 1: the message for detection 1 computed as
  // "sum minus own term" would round to 0 and lose beta_10 altogether; the
  // prefix and suffix sums keep it to full relative precision. The gate
  // graph is a tree, so BP is exact.
  Eigen::MatrixXd l(2, 2);
  l << 1e20, 1.0, 1.0, 0.0;
  const double expected_10 = 1.001e-17 / (1.0 + 1.002e-17 + 1e-23);
  const Eigen::MatrixXd exact = JpdaMarginalsExact(l, 1e-3);
  const Eigen::MatrixXd lbp = JpdaMarginalsLoopyBp(l, 1e-3, 1000, 1e-12);
  ExpectValidMarginals(l, exact);
  ExpectValidMarginals(l, lbp);
  EXPECT_NEAR(exact(1, 0) / expected_10, 1.0, 1e-12);
  EXPECT_NEAR(lbp(1, 0) / expected_10, 1.0, 1e-9);
  EXPECT_NEAR(lbp(0, 1) / exact(0, 1), 1.0, 1e-9);
}

TEST(Jpda, EmptyInputs) {
  const Eigen::MatrixXd no_tracks = JpdaMarginalsLoopyBp(Eigen::MatrixXd(0, 3), Eigen::VectorXd(0));
  EXPECT_EQ(no_tracks.rows(), 0);
  EXPECT_EQ(no_tracks.cols(), 4);
  Eigen::MatrixXd all_missed(2, 1);
  all_missed << 1.0, 1.0;
  EXPECT_EQ(JpdaMarginalsLoopyBp(Eigen::MatrixXd(2, 0), 0.1), all_missed);
  EXPECT_EQ(JpdaMarginalsExact(Eigen::MatrixXd(2, 0), 0.1), all_missed);
  EXPECT_EQ(JpdaMarginalsExact(Eigen::MatrixXd::Zero(2, 3), 0.1).col(3), Eigen::Vector2d(1.0, 1.0));
}

TEST(Jpda, RejectsBadInput) {
  const Eigen::MatrixXd l = Eigen::MatrixXd::Ones(2, 2);
  EXPECT_THROW(JpdaMarginalsLoopyBp(l, Eigen::VectorXd::Ones(3)), InternalError);
  EXPECT_THROW(JpdaMarginalsLoopyBp(l, 0.0), InternalError);
  EXPECT_THROW(JpdaMarginalsExact(l, -1.0), InternalError);
  Eigen::MatrixXd bad = l;
  bad(0, 1) = -1.0;
  EXPECT_THROW(JpdaMarginalsLoopyBp(bad, 0.1), InternalError);
  bad(0, 1) = std::nan("");
  EXPECT_THROW(JpdaMarginalsExact(bad, 0.1), InternalError);
  EXPECT_THROW(JpdaMarginalsLoopyBp(l, 0.1, 0), InternalError);
  EXPECT_THROW(JpdaMarginalsExact(Eigen::MatrixXd::Ones(11, 2), 0.1), InternalError);
}

}  // namespace
}  // namespace cupola

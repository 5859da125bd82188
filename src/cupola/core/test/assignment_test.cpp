#include "cupola/core/assignment.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "cupola/core/error.h"
#include "cupola/core/random.h"

namespace cupola {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Reference: the minimum of J over every partial matching, by exhaustive
// search (row i takes any unused column with a finite cost, or stays
// unassigned at b_i). Independent of the solver's reductions: it keeps the
// pairs with c_ij >= b_i. 7x7 has 130,922 partial matchings.
double BruteForce(const Eigen::MatrixXd& cost, const Eigen::VectorXd& b) {
  std::vector<bool> used(static_cast<std::size_t>(cost.cols()), false);
  std::function<double(Eigen::Index)> best = [&](Eigen::Index i) -> double {
    if (i == cost.rows()) return 0.0;
    double value = b[i] + best(i + 1);
    for (Eigen::Index j = 0; j < cost.cols(); ++j) {
      if (used[j] || cost(i, j) == kInf) continue;
      used[j] = true;
      value = std::min(value, cost(i, j) + best(i + 1));
      used[j] = false;
    }
    return value;
  };
  return best(0);
}

// The result is a partial matching of allowed pairs and its total is J.
void ExpectConsistent(const Eigen::MatrixXd& cost, const Eigen::VectorXd& b, const Assignment& a) {
  ASSERT_EQ(a.row_to_col.size(), static_cast<std::size_t>(cost.rows()));
  ASSERT_EQ(a.col_to_row.size(), static_cast<std::size_t>(cost.cols()));
  double total = 0.0;
  for (int i = 0; i < cost.rows(); ++i) {
    const int j = a.row_to_col[i];
    if (j < 0) {
      total += b[i];
      continue;
    }
    ASSERT_LT(j, cost.cols());
    EXPECT_EQ(a.col_to_row[j], i);
    EXPECT_LT(cost(i, j), kInf) << "forbidden pair (" << i << ", " << j << ") assigned";
    total += cost(i, j);
  }
  for (int j = 0; j < cost.cols(); ++j) {
    if (a.col_to_row[j] >= 0) {
      EXPECT_EQ(a.row_to_col[a.col_to_row[j]], j);
    }
  }
  EXPECT_NEAR(a.total_cost, total, 1e-12 * (1.0 + std::abs(total)));
}

// Uniform [0, 10) costs, each pair forbidden with probability p_forbidden.
Eigen::MatrixXd RandomCost(Rng& rng, int n, int m, double p_forbidden) {
  Eigen::MatrixXd cost(n, m);
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < m; ++j) cost(i, j) = rng.Uniform() < p_forbidden ? kInf : rng.Uniform(0.0, 10.0);
  }
  return cost;
}

constexpr AssignmentStorage kStorages[] = {AssignmentStorage::kAuto, AssignmentStorage::kDense,
                                           AssignmentStorage::kSparse};

TEST(Assignment, EmptyMatrices) {
  const Assignment none = SolveAssignment(Eigen::MatrixXd(0, 0), 1.0);
  EXPECT_TRUE(none.row_to_col.empty());
  EXPECT_TRUE(none.col_to_row.empty());
  EXPECT_EQ(none.total_cost, 0.0);

  const Assignment no_rows = SolveAssignment(Eigen::MatrixXd(0, 5), 1.0);
  EXPECT_TRUE(no_rows.row_to_col.empty());
  EXPECT_EQ(no_rows.col_to_row, std::vector<int>(5, -1));
  EXPECT_EQ(no_rows.total_cost, 0.0);

  // No detections: every track unassigned at 2.5 each.
  const Assignment no_cols = SolveAssignment(Eigen::MatrixXd(4, 0), 2.5);
  EXPECT_EQ(no_cols.row_to_col, std::vector<int>(4, -1));
  EXPECT_TRUE(no_cols.col_to_row.empty());
  EXPECT_DOUBLE_EQ(no_cols.total_cost, 10.0);
}

TEST(Assignment, KnownThreeByThree) {
  // The example in SciPy's linear_sum_assignment documentation. The six
  // full assignments (columns of rows 0, 1, 2) cost: 012: 4+0+2 = 6,
  // 021: 4+5+2 = 11, 102: 1+2+2 = 5, 120: 1+5+3 = 9, 201: 3+2+2 = 7,
  // 210: 3+0+3 = 6; the unique minimum is 102 at 5.
  Eigen::MatrixXd cost(3, 3);
  cost << 4, 1, 3,  //
      2, 0, 5,      //
      3, 2, 2;
  for (const AssignmentStorage storage : kStorages) {
    const Assignment full = SolveAssignment(cost, 100.0, storage);
    EXPECT_EQ(full.row_to_col, (std::vector<int>{1, 0, 2}));
    EXPECT_EQ(full.col_to_row, (std::vector<int>{1, 0, 2}));
    EXPECT_DOUBLE_EQ(full.total_cost, 5.0);

    // With b = 2.5 leaving row 0 alone is cheaper. Its only pair under 2.5
    // is column 1; taking it leaves rows 1 and 2 at best 2 + 2 (total 5),
    // while row 1 on its zero and row 2 on column 2 give 2.5 + 0 + 2 = 4.5.
    const Assignment partial = SolveAssignment(cost, 2.5, storage);
    EXPECT_EQ(partial.row_to_col, (std::vector<int>{-1, 1, 2}));
    EXPECT_DOUBLE_EQ(partial.total_cost, 4.5);

    // With b = 1.5 only pairs cheaper than 1.5 are worth taking, (0,1) at 1
    // and (1,1) at 0, which compete: (1,1) wins, 1.5 + 0 + 1.5 = 3.
    const Assignment tight = SolveAssignment(cost, 1.5, storage);
    EXPECT_EQ(tight.row_to_col, (std::vector<int>{-1, 1, -1}));
    EXPECT_DOUBLE_EQ(tight.total_cost, 3.0);
  }
}

TEST(Assignment, AllForbiddenRowAndColumnStayUnassigned) {
  Eigen::MatrixXd cost(3, 3);
  cost << 1, kInf, 2,    //
      kInf, kInf, kInf,  //
      3, kInf, 1;
  const Eigen::VectorXd b = Eigen::VectorXd::Constant(3, 50.0);
  const Assignment a = SolveAssignment(cost, b);
  ExpectConsistent(cost, b, a);
  EXPECT_EQ(a.row_to_col, (std::vector<int>{0, -1, 2}));
  EXPECT_EQ(a.col_to_row, (std::vector<int>{0, -1, 2}));
  EXPECT_DOUBLE_EQ(a.total_cost, 1 + 50 + 1);

  const Eigen::MatrixXd nothing = Eigen::MatrixXd::Constant(2, 4, kInf);
  const Assignment none = SolveAssignment(nothing, 7.0);
  EXPECT_EQ(none.row_to_col, (std::vector<int>{-1, -1}));
  EXPECT_DOUBLE_EQ(none.total_cost, 14.0);
}

TEST(Assignment, ConflictGoesToTheCheaperTotal) {
  // Two tracks gate the same detection: the pair (1,0) at 1 plus row 0
  // unassigned (4) = 5 beats (0,0) at 2 plus row 1 unassigned (4) = 6.
  Eigen::MatrixXd cost(2, 1);
  cost << 2, 1;
  const Assignment a = SolveAssignment(cost, 4.0);
  EXPECT_EQ(a.row_to_col, (std::vector<int>{-1, 0}));
  EXPECT_DOUBLE_EQ(a.total_cost, 5.0);
}

TEST(Assignment, MatchesBruteForceOnRandomInstances) {
  Rng rng(20240611);
  struct Shape {
    int n, m;
  };
  std::vector<Shape> shapes{{3, 6}, {6, 3}, {7, 7}, {1, 7}, {7, 1}};
  for (int n = 1; n <= 7; ++n) {
    for (int m = 1; m <= 7; ++m) shapes.push_back({n, m});
  }
  int instances = 0, with_unassigned = 0;
  for (const Shape& shape : shapes) {
    for (const double p_forbidden : {0.0, 0.3, 0.7}) {
      for (int trial = 0; trial < 4; ++trial) {
        const Eigen::MatrixXd cost = RandomCost(rng, shape.n, shape.m, p_forbidden);
        // Per-row b: sometimes above every cost (full matching wanted),
        // sometimes inside the cost range (the unassigned option matters).
        Eigen::VectorXd b(shape.n);
        for (int i = 0; i < shape.n; ++i) b[i] = trial == 0 ? 100.0 : rng.Uniform(0.5, 8.0);
        const double expected = BruteForce(cost, b);
        for (const AssignmentStorage storage : kStorages) {
          const Assignment a = SolveAssignment(cost, b, storage);
          ExpectConsistent(cost, b, a);
          EXPECT_NEAR(a.total_cost, expected, 1e-9)
              << shape.n << "x" << shape.m << " p_forbidden " << p_forbidden << " trial " << trial << " storage "
              << static_cast<int>(storage) << "\n"
              << cost << "\nb " << b.transpose();
          if (storage == AssignmentStorage::kAuto) {
            ++instances;
            if (std::count(a.row_to_col.begin(), a.row_to_col.end(), -1) > 0) ++with_unassigned;
          }
        }
      }
    }
  }
  // The sweep exercised both sides of the unassigned option.
  EXPECT_EQ(instances, 54 * 3 * 4);
  EXPECT_GT(with_unassigned, instances / 4);
  EXPECT_LT(with_unassigned, instances);
}

TEST(Assignment, MatchesBruteForceOnWideGatedInstances) {
  // Few tracks, many detections, one to three gated pairs per track: the
  // shape of a real cluster and below the sparse threshold, so kAuto takes
  // the heap path here. The brute force only walks the allowed pairs.
  Rng rng(99);
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 1 + trial % 7;
    const int m = 50 + trial % 31;
    Eigen::MatrixXd cost = Eigen::MatrixXd::Constant(n, m, kInf);
    for (int i = 0; i < n; ++i) {
      const int pairs = 1 + static_cast<int>(rng.Uniform(0.0, 3.0));
      // Columns drawn from a narrow band so that tracks compete for them.
      for (int k = 0; k < pairs; ++k) cost(i, static_cast<int>(rng.Uniform(0.0, 6.0))) = rng.Uniform(0.0, 10.0);
    }
    Eigen::VectorXd b(n);
    for (int i = 0; i < n; ++i) b[i] = trial % 2 == 0 ? 100.0 : rng.Uniform(0.5, 8.0);
    const double expected = BruteForce(cost, b);
    for (const AssignmentStorage storage : kStorages) {
      const Assignment a = SolveAssignment(cost, b, storage);
      ExpectConsistent(cost, b, a);
      EXPECT_NEAR(a.total_cost, expected, 1e-9) << "trial " << trial << " storage " << static_cast<int>(storage);
    }
  }
}

TEST(Assignment, DenseAndSparseStorageAgreeOnLargeInstances) {
  // Beyond brute-force reach the two search variants check each other, from
  // a dense matrix down to 99 % forbidden, with b forcing long augmenting
  // paths (1e3) and with b inside the cost range (5).
  Rng rng(5);
  for (const double p_forbidden : {0.0, 0.5, 0.9, 0.99}) {
    for (const auto& [n, m] : std::vector<std::pair<int, int>>{{120, 120}, {80, 150}, {150, 80}}) {
      const Eigen::MatrixXd cost = RandomCost(rng, n, m, p_forbidden);
      for (const double b : {1e3, 5.0}) {
        const Assignment dense = SolveAssignment(cost, b, AssignmentStorage::kDense);
        const Assignment sparse = SolveAssignment(cost, b, AssignmentStorage::kSparse);
        ExpectConsistent(cost, Eigen::VectorXd::Constant(n, b), dense);
        ExpectConsistent(cost, Eigen::VectorXd::Constant(n, b), sparse);
        EXPECT_NEAR(dense.total_cost, sparse.total_cost, 1e-9 * (1.0 + dense.total_cost))
            << n << "x" << m << " p_forbidden " << p_forbidden << " b " << b;
      }
    }
  }
}

TEST(Assignment, ScalarAndPerRowUnassignedCostAgree) {
  Rng rng(7);
  const Eigen::MatrixXd cost = RandomCost(rng, 6, 5, 0.3);
  const Assignment scalar = SolveAssignment(cost, 4.0);
  const Assignment per_row = SolveAssignment(cost, Eigen::VectorXd::Constant(6, 4.0));
  EXPECT_EQ(scalar.row_to_col, per_row.row_to_col);
  EXPECT_EQ(scalar.total_cost, per_row.total_cost);
}

TEST(Assignment, AddingAConstantToARowShiftsOnlyTheTotal) {
  Rng rng(11);
  for (int trial = 0; trial < 20; ++trial) {
    const Eigen::MatrixXd cost = RandomCost(rng, 6, 6, 0.3);
    Eigen::VectorXd b(6);
    for (int i = 0; i < 6; ++i) b[i] = rng.Uniform(1.0, 8.0);
    const Assignment base = SolveAssignment(cost, b);
    for (int row = 0; row < 6; ++row) {
      // Row i's every option, pairs and "unassigned" alike, costs k more:
      // the same choice stays optimal and J rises by exactly k.
      const double k = rng.Uniform(-50.0, 50.0);
      Eigen::MatrixXd shifted = cost;
      shifted.row(row).array() += k;  // +inf stays +inf
      Eigen::VectorXd b_shifted = b;
      b_shifted[row] += k;
      const Assignment a = SolveAssignment(shifted, b_shifted);
      EXPECT_EQ(a.row_to_col, base.row_to_col) << "trial " << trial << " row " << row;
      EXPECT_NEAR(a.total_cost, base.total_cost + k, 1e-9);
    }
    // With b above every cost and n == m every row is assigned, so shifting
    // the pairs alone (b unchanged) also keeps the assignment.
    const Eigen::MatrixXd dense = RandomCost(rng, 6, 6, 0.0);
    const Assignment full = SolveAssignment(dense, 1e3);
    Eigen::MatrixXd shifted = dense;
    shifted.row(2).array() += 3.0;
    const Assignment full_shifted = SolveAssignment(shifted, 1e3);
    EXPECT_EQ(full_shifted.row_to_col, full.row_to_col);
    EXPECT_NEAR(full_shifted.total_cost, full.total_cost + 3.0, 1e-9);
  }
}

TEST(Assignment, TransposeGivesTheSameOptimumOnLargerInstances) {
  // Beyond brute-force reach: with b = 1e3 above every cost, every row of
  // the smaller side is assigned, so solving C (n x m) and C^T (m x n) must
  // give the same pairs' cost; C^T pays b for its |m - n| extra rows.
  Rng rng(3);
  for (const auto& [n, m] : std::vector<std::pair<int, int>>{{40, 40}, {30, 70}, {70, 30}}) {
    const Eigen::MatrixXd cost = RandomCost(rng, n, m, 0.0);
    const Assignment a = SolveAssignment(cost, 1e3);
    const Eigen::MatrixXd cost_t = cost.transpose();
    const Assignment t = SolveAssignment(cost_t, 1e3);
    EXPECT_NEAR(t.total_cost, a.total_cost + 1e3 * (m - n), 1e-8) << n << "x" << m;
    ExpectConsistent(cost, Eigen::VectorXd::Constant(n, 1e3), a);
  }
}

TEST(Assignment, RejectsBadInput) {
  Eigen::MatrixXd cost = Eigen::MatrixXd::Ones(2, 2);
  cost(1, 0) = std::numeric_limits<double>::quiet_NaN();
  EXPECT_THROW(SolveAssignment(cost, 1.0), InternalError);
  cost(1, 0) = -kInf;
  EXPECT_THROW(SolveAssignment(cost, 1.0), InternalError);
  cost(1, 0) = 0.5;
  EXPECT_THROW(SolveAssignment(cost, kInf), InternalError);
  EXPECT_THROW(SolveAssignment(cost, Eigen::VectorXd::Ones(3)), InternalError);
  EXPECT_NO_THROW(SolveAssignment(cost, -1.0));  // negative costs are fine
}

}  // namespace
}  // namespace cupola

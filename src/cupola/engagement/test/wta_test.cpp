// The static WTA problem and its three solvers against reference optima.
#include "cupola/engagement/wta.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cupola/core/assignment.h"
#include "cupola/core/error.h"
#include "cupola/core/random.h"
#include "cupola/engagement/dense_assignment.h"
#include "cupola/engagement/exact.h"
#include "cupola/engagement/greedy.h"
#include "cupola/engagement/local_search.h"
#include "wta_test_util.h"

namespace cupola {
namespace {

using testing_wta::Ints;
using testing_wta::OptimumByEnumeration;
using testing_wta::OptimumBySubsets;
using testing_wta::RandomMixed;
using testing_wta::Reals;

WtaExactOptions Unlimited() {
  WtaExactOptions o;
  o.time_limit_s = 0.0;  // machine independent
  return o;
}

WtaProblem TwoByTwo() {
  WtaProblem p;
  p.value = Reals({10.0, 20.0});
  p.kill_probability.resize(2, 2);
  p.kill_probability << 0.5, 0.2,  //
      0.1, 0.4;
  p.weapons = Ints({2, 1});
  return p;
}

TEST(Wta, ObjectiveByHand) {
  const WtaProblem p = TwoByTwo();
  Eigen::MatrixXi x(2, 2);
  x << 2, 0,  //
      0, 1;
  // 10 (1 - 0.5)^2 + 20 (1 - 0.4) = 2.5 + 12
  EXPECT_DOUBLE_EQ(Objective(p, x), 14.5);
  x << 1, 1,  //
      0, 1;
  // 10 (0.5) + 20 (0.8)(0.6) = 5 + 9.6
  EXPECT_DOUBLE_EQ(Objective(p, x), 14.6);
  EXPECT_DOUBLE_EQ(Objective(p, Eigen::MatrixXi::Zero(2, 2)), 30.0);
  EXPECT_TRUE(IsFeasible(p, x));
  x << 2, 1,  //
      0, 0;
  EXPECT_FALSE(IsFeasible(p, x)) << "three type-0 weapons, two in stock";
  x << -1, 0, 0, 0;
  EXPECT_FALSE(IsFeasible(p, x));
  EXPECT_THROW(Objective(p, x), InternalError);
}

TEST(Wta, CapsLimitWeaponsPerTarget) {
  WtaProblem p = TwoByTwo();
  p.max_per_target = Ints({1, 2});
  Eigen::MatrixXi x(2, 2);
  x << 2, 0,  //
      0, 1;
  EXPECT_FALSE(IsFeasible(p, x));
  x << 1, 1,  //
      0, 1;
  EXPECT_TRUE(IsFeasible(p, x));
  p.max_per_target = Ints({1, 1, 1});
  EXPECT_NE(p.Validate().find("max_per_target"), std::string::npos);
}

TEST(Wta, ValidateNamesTheFault) {
  WtaProblem p = TwoByTwo();
  EXPECT_EQ(p.Validate(), "");
  p.kill_probability(1, 0) = 1.5;
  EXPECT_EQ(p.Validate(), "kill_probability[1][0]: got 1.5; expected a number in [0, 1]");
  p = TwoByTwo();
  p.value(1) = -2.0;
  EXPECT_EQ(p.Validate(), "value[1]: got -2; expected a number in [0, 1e+15]");
  p = TwoByTwo();
  p.weapons(0) = -1;
  EXPECT_EQ(p.Validate(), "weapons[0]: got -1; expected an integer >= 0");
  p = TwoByTwo();
  p.value.resize(3);
  p.value << 1, 2, 3;
  EXPECT_NE(p.Validate().find("expected 2 x 3"), std::string::npos);
}

TEST(Wta, RandomProblemIsDeterministicAndInRange) {
  const WtaProblem a = RandomWtaProblem(7, 9, 42), b = RandomWtaProblem(7, 9, 42), c = RandomWtaProblem(7, 9, 43);
  EXPECT_EQ(a.value, b.value);
  EXPECT_EQ(a.kill_probability, b.kill_probability);
  EXPECT_NE(a.value, c.value);
  EXPECT_EQ(a.weapons, Eigen::VectorXi::Ones(7));
  EXPECT_EQ(a.Validate(), "");
  EXPECT_GE(a.value.minCoeff(), 25.0);
  EXPECT_LE(a.value.maxCoeff(), 100.0);
  EXPECT_GE(a.kill_probability.minCoeff(), 0.6);
  EXPECT_LE(a.kill_probability.maxCoeff(), 0.9);
  EXPECT_EQ(RandomWtaProblem(3, 4, 1, 5).weapons, Eigen::VectorXi::Constant(3, 5));
}

TEST(Wta, ReferenceOptimaAgree) {
  // The two references check each other before they check the solvers.
  Rng rng(11);
  for (int trial = 0; trial < 20; ++trial) {
    WtaProblem p = RandomMixed(4, 4, 1, rng);
    if (trial % 2) p.max_per_target = Eigen::VectorXi::Constant(4, 1 + trial % 3);
    EXPECT_NEAR(OptimumByEnumeration(p), OptimumBySubsets(p), 1e-9) << trial;
  }
}

TEST(WtaGreedy, ExactForOneWeaponTypeByHand) {
  // Three identical weapons, p = 0.5, on values 100 and 50. Marginals: 50 and
  // 25 on the first target, 25 on the second; {2, 1} leaves 25 + 25.
  WtaProblem p;
  p.value = Reals({100.0, 50.0});
  p.kill_probability = Reals({0.5, 0.5}).transpose();
  p.weapons = Eigen::VectorXi::Constant(1, 3);
  const WtaSolution s = SolveWtaGreedy(p);
  EXPECT_EQ(s.assignment(0, 0), 2);
  EXPECT_EQ(s.assignment(0, 1), 1);
  EXPECT_DOUBLE_EQ(s.objective, 50.0);
  EXPECT_TRUE(std::isnan(s.lower_bound));
}

TEST(WtaGreedy, ExactForOneWeaponType) {
  // Identical weapons: a target's marginal returns fall with each weapon, so
  // the greedy sum of the largest ones is optimal, caps or not.
  Rng rng(5);
  for (int trial = 0; trial < 30; ++trial) {
    WtaProblem p = RandomMixed(1, 2 + trial % 5, 1, rng);
    p.weapons(0) = 1 + trial % 7;
    if (trial % 3 == 0) p.max_per_target = Eigen::VectorXi::Constant(p.num_targets(), 2);
    EXPECT_NEAR(SolveWtaGreedy(p).objective, OptimumBySubsets(p), 1e-9 * p.value.sum()) << trial;
  }
}

TEST(WtaExact, EqualsEnumerationOnSmallProblems) {
  Rng rng(1);
  for (int trial = 0; trial < 12; ++trial) {
    const int size = 5 + trial % 2;  // 5 x 5 and 6 x 6, one weapon per type
    const WtaProblem p = trial % 3 == 0 ? RandomWtaProblem(size, size, 100 + trial) : RandomMixed(size, size, 1, rng);
    const WtaSolution s = SolveWtaExact(p, Unlimited());
    EXPECT_TRUE(s.proven_optimal);
    EXPECT_TRUE(IsFeasible(p, s.assignment));
    EXPECT_NEAR(s.objective, OptimumByEnumeration(p), 1e-9 * p.value.sum()) << trial;
    EXPECT_DOUBLE_EQ(s.lower_bound, s.objective);
  }
}

TEST(WtaExact, EqualsBruteForceUpTo8x8) {
  // Types with one to three weapons, p with zeros, with and without caps.
  Rng rng(2);
  for (int trial = 0; trial < 40; ++trial) {
    const int m = 2 + trial % 7, n = 2 + (trial * 3) % 7;
    WtaProblem p = trial % 4 == 0 ? RandomWtaProblem(m, n, 200 + trial) : RandomMixed(m, n, 1 + trial % 3, rng);
    for (int i = 0; p.num_weapons() > 10; i = (i + 1) % m)
      if (p.weapons(i) > 1) --p.weapons(i);
    if (trial % 5 == 1) p.max_per_target = Eigen::VectorXi::Constant(n, 1 + trial % 2);
    const WtaSolution s = SolveWtaExact(p, Unlimited());
    ASSERT_TRUE(s.proven_optimal) << trial;
    EXPECT_TRUE(IsFeasible(p, s.assignment)) << trial;
    EXPECT_NEAR(s.objective, OptimumBySubsets(p), 1e-9 * p.value.sum()) << "trial " << trial << ": " << m << " x " << n;
  }
  for (std::uint64_t seed : {1, 2}) {  // the largest: 8 x 8, one weapon per type
    const WtaProblem p = RandomWtaProblem(8, 8, seed);
    EXPECT_NEAR(SolveWtaExact(p, Unlimited()).objective, OptimumBySubsets(p), 1e-9 * p.value.sum());
  }
}

TEST(WtaExact, LowerBoundOfAStoppedSearchIsValid) {
  // A search cut off after a few nodes still returns a feasible assignment
  // and a lower bound <= the true optimum <= its objective.
  Rng rng(3);
  int stopped = 0;
  for (int trial = 0; trial < 30; ++trial) {
    WtaProblem p = RandomMixed(6 + trial % 3, 7, 1 + trial % 2, rng);
    for (int i = 0; p.num_weapons() > 11; i = (i + 1) % p.num_types())
      if (p.weapons(i) > 1) --p.weapons(i);
    if (trial % 4 == 3) p.max_per_target = Eigen::VectorXi::Constant(p.num_targets(), 2);
    WtaExactOptions o = Unlimited();
    o.node_limit = 1 + trial % 5;
    o.start.rounds = 0;  // a weaker incumbent leaves more to search
    const WtaSolution s = SolveWtaExact(p, o);
    const double optimum = OptimumBySubsets(p);
    const double tol = 1e-9 * p.value.sum();
    EXPECT_TRUE(IsFeasible(p, s.assignment));
    EXPECT_LE(s.lower_bound, optimum + tol) << trial;
    EXPECT_GE(s.objective, optimum - tol) << trial;
    EXPECT_LE(s.lower_bound, s.objective) << trial;
    stopped += !s.proven_optimal;
  }
  EXPECT_GT(stopped, 10) << "the node limits should stop most of these searches";
}

TEST(WtaHeuristics, NeverBeatTheExactSolver) {
  Rng rng(4);
  for (int trial = 0; trial < 60; ++trial) {
    const int m = 3 + trial % 6, n = 3 + (trial * 5) % 8;
    WtaProblem p = trial % 3 == 0 ? RandomWtaProblem(m, n, 300 + trial, 1 + trial % 2) : RandomMixed(m, n, 2, rng);
    if (trial % 6 == 5) p.max_per_target = Eigen::VectorXi::Constant(n, 2);
    const WtaSolution exact = SolveWtaExact(p, Unlimited());
    ASSERT_TRUE(exact.proven_optimal) << trial;
    WtaLocalSearchOptions o;
    o.rounds = 20;
    for (const WtaSolution& h : {SolveWtaGreedy(p), SolveWtaLocalSearch(p, o)}) {
      EXPECT_TRUE(IsFeasible(p, h.assignment)) << h.solver << " " << trial;
      EXPECT_GE(h.objective, exact.objective - 1e-9) << h.solver << " " << trial;
      EXPECT_NEAR(h.objective, Objective(p, h.assignment), 1e-9 * p.value.sum());
    }
  }
}

TEST(WtaLocalSearch, NoWorseThanGreedyAndDeterministicGivenTheSeed) {
  for (std::uint64_t seed : {1, 2}) {
    const WtaProblem p = RandomWtaProblem(30, 40, seed, 2);
    WtaLocalSearchOptions o;
    o.rounds = 15;
    o.seed = 9;
    const WtaSolution a = SolveWtaLocalSearch(p, o), b = SolveWtaLocalSearch(p, o);
    EXPECT_EQ(a.assignment, b.assignment);
    EXPECT_EQ(a.objective, b.objective);
    EXPECT_LE(a.objective, SolveWtaGreedy(p).objective + 1e-12);
    EXPECT_EQ(a.solver, "local");
  }
}

TEST(WtaLocalSearch, DescentReachesTheOptimumOfOneToOneProblems) {
  // One weapon per type and at least as many targets, p independent of the
  // target: a linear assignment, which one ejection solves exactly.
  WtaProblem p;
  p.value = Reals({40.0, 10.0, 30.0, 20.0});
  p.kill_probability.resize(3, 4);
  p.kill_probability << 0.9, 0.9, 0.9, 0.9,  //
      0.5, 0.5, 0.5, 0.5,                    //
      0.7, 0.7, 0.7, 0.7;
  p.weapons = Ints({1, 1, 1});
  Eigen::MatrixXi x = Eigen::MatrixXi::Zero(3, 4);
  x(0, 1) = x(1, 0) = x(2, 3) = 1;  // poor: the best weapon on the least value
  ImproveWtaLocally(p, x);
  EXPECT_NEAR(Objective(p, x), OptimumBySubsets(p), 1e-12);
}

// Found by fuzz/fuzz_wta_text: when nearly all value is killed, an ejection
// that puts weapons back where they were "improved" F by the rounding of the
// much larger sums it compares, and the descent never ended.
TEST(WtaLocalSearch, EndsWhenNearlyEverythingIsKilled) {
  WtaProblem p;
  p.value = Reals({40.54444444444444, 6.5, 1.0});
  p.kill_probability.resize(2, 3);
  p.kill_probability << 0.9, 0.5, 0.1,  //
      0.2, 1.0, 1.0;
  p.weapons = Ints({5, 5});
  Eigen::MatrixXi x = SolveWtaGreedy(p).assignment;
  ImproveWtaLocally(p, x);  // hung here
  EXPECT_TRUE(IsFeasible(p, x));
  const WtaSolution s = SolveWtaLocalSearch(p, {2, 0.0, 0, 1});
  EXPECT_LE(s.objective, SolveWtaGreedy(p).objective);
  EXPECT_NEAR(s.objective, OptimumByEnumeration(p), 1e-12);
}

TEST(WtaSolvers, HandleDegenerateProblems) {
  WtaProblem p;  // no weapons at all
  p.value = Reals({3.0, 4.0});
  p.kill_probability.resize(0, 2);
  p.weapons.resize(0);
  for (const WtaSolution& s : {SolveWtaGreedy(p), SolveWtaLocalSearch(p), SolveWtaExact(p, Unlimited())})
    EXPECT_DOUBLE_EQ(s.objective, 7.0) << s.solver;
  p = TwoByTwo();  // weapons that cannot hit anything stay where they do no harm
  p.kill_probability.setZero();
  const WtaSolution s = SolveWtaExact(p, Unlimited());
  EXPECT_DOUBLE_EQ(s.objective, 30.0);
  EXPECT_TRUE(s.proven_optimal);
  p = TwoByTwo();  // every cap 0: nothing can be fired
  p.max_per_target = Ints({0, 0});
  for (const WtaSolution& t : {SolveWtaGreedy(p), SolveWtaLocalSearch(p), SolveWtaExact(p, Unlimited())}) {
    EXPECT_EQ(t.assignment.sum(), 0) << t.solver;
    EXPECT_DOUBLE_EQ(t.objective, 30.0) << t.solver;
  }
}

TEST(DenseAssignment, MatchesTheGeneralSolver) {
  Rng rng(8);
  DenseAssignmentWorkspace workspace;
  for (int trial = 0; trial < 200; ++trial) {
    const int n = 1 + trial % 23;
    RowMajorMatrix c(n, n);
    for (int i = 0; i < n; ++i)
      for (int j = 0; j < n; ++j) {
        // Ties and zeros, as in the ejection problems.
        c(i, j) = trial % 3 == 0 ? -std::floor(rng.Uniform() * 4.0) : rng.Uniform() < 0.3 ? 0.0 : -rng.Uniform(0, 100);
      }
    const std::vector<int> s = SolveDenseAssignment(c, workspace);
    std::vector<int> seen(n, 0);
    double total = 0.0;
    for (int i = 0; i < n; ++i) {
      ASSERT_GE(s[i], 0);
      ASSERT_LT(s[i], n);
      ++seen[s[i]];
      total += c(i, s[i]);
    }
    for (int j = 0; j < n; ++j) EXPECT_EQ(seen[j], 1);
    // The general solver on the same costs made positive (a full matching is then forced).
    const Eigen::MatrixXd shifted = (c.array() + 200.0).matrix();
    const double reference = SolveAssignment(shifted, 1e9).total_cost - 200.0 * n;
    EXPECT_NEAR(total, reference, 1e-9) << trial;
  }
}

}  // namespace
}  // namespace cupola

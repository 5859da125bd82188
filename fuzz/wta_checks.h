// fuzz/wta_checks.h -- what the two WTA targets check once an instance is read.
#pragma once

#include <algorithm>
#include <cmath>
#include <string>

#include "cupola/engagement/exact.h"
#include "cupola/engagement/greedy.h"
#include "cupola/engagement/local_search.h"
#include "cupola/engagement/wta_io.h"
#include "fuzz_util.h"

namespace cupola::fuzz {

// Sizes up to which the solvers run on every input: milliseconds at most.
constexpr long long kGreedyMaxPairs = 4000, kGreedyMaxWeapons = 400;
constexpr long long kSearchMaxPairs = 100, kSearchMaxWeapons = 16;
constexpr long long kExactMaxPairs = 36, kExactMaxWeapons = 8;

inline bool SameProblem(const WtaProblem& a, const WtaProblem& b) {
  return a.value == b.value && a.kill_probability == b.kill_probability && a.weapons == b.weapons &&
         a.max_per_target == b.max_per_target;
}

inline void CheckSolution(const WtaProblem& problem, const WtaSolution& s) {
  FUZZ_REQUIRE(IsFeasible(problem, s.assignment), s.solver + ": infeasible assignment");
  // Values near the largest double are finite one by one, but their sum, and
  // so F, can be Inf: then only feasibility is checked.
  if (!std::isfinite(problem.value.sum())) return;
  FUZZ_REQUIRE(std::isfinite(s.objective) && s.objective >= 0.0, s.solver + ": objective " + std::to_string(s.objective));
  const double f = Objective(problem, s.assignment);
  FUZZ_REQUIRE(std::abs(f - s.objective) <= 1e-9 * std::max(1.0, f),
               s.solver + ": objective " + std::to_string(s.objective) + " but F(x) = " + std::to_string(f));
  FUZZ_REQUIRE(s.objective <= problem.value.sum() * (1 + 1e-12) + 1e-300,
               s.solver + ": objective above the total value");
}

/// After a successful read: the problem is valid, writes to JSON and reads
/// back the same, and (if small) the solvers give feasible, consistent answers.
inline void CheckReadProblem(const WtaProblem& problem) {
  const std::string invalid = problem.Validate();
  FUZZ_REQUIRE(invalid.empty(), "the reader accepted an invalid problem: " + invalid);

  const std::string json = WtaProblemToJson(problem);
  WtaProblem again;
  try {
    again = ReadWtaJson(json, "rewritten.json");
  } catch (const InputError& e) {
    Fail("ReadWtaJson(WtaProblemToJson(problem))", std::string(e.what()) + "\n--- rewritten:\n" + json);
  }
  FUZZ_REQUIRE(SameProblem(problem, again), "the rewritten problem differs\n--- rewritten:\n" + json);

  const long long pairs = static_cast<long long>(problem.num_types()) * problem.num_targets();
  const long long weapons = problem.weapons.cast<long long>().sum();
  if (pairs > kGreedyMaxPairs || weapons > kGreedyMaxWeapons) return;
  const WtaSolution greedy = SolveWtaGreedy(problem);
  CheckSolution(problem, greedy);
  if (pairs > kSearchMaxPairs || weapons > kSearchMaxWeapons) return;
  const WtaSolution local = SolveWtaLocalSearch(problem, {2, 0.0, 0, 1});
  CheckSolution(problem, local);
  const bool finite = std::isfinite(problem.value.sum());
  FUZZ_REQUIRE(!finite || local.objective <= greedy.objective * (1 + 1e-12) + 1e-300,
               "local search worse than its greedy start");
  if (pairs > kExactMaxPairs || weapons > kExactMaxWeapons) return;
  WtaExactOptions options;
  options.time_limit_s = 0.0;
  options.node_limit = 20000;
  options.start = {2, 0.0, 0, 1};
  const WtaSolution exact = SolveWtaExact(problem, options);
  CheckSolution(problem, exact);
  FUZZ_REQUIRE(!finite || exact.objective <= local.objective * (1 + 1e-12) + 1e-300,
               "exact worse than its local-search start");
  if (finite && !std::isnan(exact.lower_bound))
    FUZZ_REQUIRE(exact.lower_bound <= exact.objective * (1 + 1e-9) + 1e-300, "lower bound above the objective");
}

}  // namespace cupola::fuzz

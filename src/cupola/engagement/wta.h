// cupola/engagement/wta.h -- the static weapon-target assignment problem (WTA).
//
// Problem. Weapon types i = 0..m-1 with n_i identical weapons each, targets
// j = 0..n-1 with values V_j >= 0, and p_ij in [0, 1] the probability that one
// weapon of type i kills target j (shots independent). Choose integers
// x_ij >= 0 with sum_j x_ij <= n_i (and, optionally, at most c_j weapons on
// target j: sum_i x_ij <= c_j) to minimise the expected surviving value
//     F(x) = sum_j V_j prod_i (1 - p_ij)^{x_ij}
// (Manne 1958; Lloyd & Witsenhausen 1986 show it NP-complete; Ahuja, Kumar,
// Jha & Orlin 2007, Operations Research 55(6), give exact and heuristic
// methods; Andersen, Pavlikov & Toffolo 2022, Annals of OR 312(2), publish the
// benchmark instances with best known values in shared/data/wta).
//
// Adding a weapon never increases F (each factor is <= 1), so without caps
// some optimum uses every weapon; the solvers use all of them except where a
// weapon cannot help at all (p = 0 or surviving value 0 on every target) or
// the caps leave no room.
//
// Solvers, one per file: greedy.h (maximum marginal return), local_search.h
// (very large neighbourhood search from the greedy start, iterated with
// seeded perturbations), exact.h (branch and bound that proves optimality or
// reports a lower bound). Files: wta_io.h; the CLI: `cupola wta`; docs/wta.md.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>

namespace cupola {

/// Largest target value accepted: far above any asset's worth in any unit,
/// yet a sum over millions of targets stays finite (values near DBL_MAX
/// overflowed the objective to infinity; found by review after fuzzing).
inline constexpr double kMaxTargetValue = 1e15;

/// One WTA instance. Built once; solvers take it by const reference.
struct WtaProblem {
  Eigen::VectorXd value;             // V_j >= 0 [value units], size n (targets)
  Eigen::MatrixXd kill_probability;  // p_ij in [0, 1], m x n (types x targets)
  Eigen::VectorXi weapons;           // n_i >= 0 weapons of type i, size m
  Eigen::VectorXi max_per_target;    // doctrine cap c_j on sum_i x_ij, size n; empty = no caps
  std::string name;                  // optional, for messages and outputs

  int num_types() const { return static_cast<int>(weapons.size()); }
  int num_targets() const { return static_cast<int>(value.size()); }
  int num_weapons() const { return static_cast<int>(weapons.sum()); }
  bool has_caps() const { return max_per_target.size() > 0; }
  /// Empty if the problem is well formed, else what is wrong (the first fault,
  /// naming the field and index): sizes agree, V_j finite and >= 0, p_ij in
  /// [0, 1], n_i >= 0, c_j >= 0.
  std::string Validate() const;
};

/// A solver's answer.
struct WtaSolution {
  Eigen::MatrixXi assignment;   // x_ij, m x n (types x targets), row sums <= n_i
  double objective = 0.0;       // F(x) [value units]
  double lower_bound = 0.0;     // proven lower bound on min F; NaN if the solver proves none
  bool proven_optimal = false;  // objective == min F (up to rounding)
  double seconds = 0.0;         // wall time of the solve [s]
  std::string solver;           // "greedy", "local", "exact"
};

/// F(x) above. `assignment` must be m x n with entries >= 0 (CUPOLA_CHECK);
/// the weapon budget is not checked here (see IsFeasible).
double Objective(const WtaProblem& problem, const Eigen::MatrixXi& assignment);

/// True if x is m x n, x_ij >= 0, sum_j x_ij <= n_i for every type and
/// sum_i x_ij <= c_j for every target (when there are caps).
bool IsFeasible(const WtaProblem& problem, const Eigen::MatrixXi& assignment);

/// A random instance in the literature's form (Ahuja et al. 2007, Sec. 6):
/// V_j ~ U[25, 100] rounded to 0.01, p_ij ~ U[0.6, 0.9] rounded to 0.001,
/// `weapons_per_type` weapons of each of the `num_types` types (1: every
/// weapon is its own type). Drawn from cupola::Rng(seed), values first, then
/// p row by row, so the instance is a function of the arguments alone.
WtaProblem RandomWtaProblem(int num_types, int num_targets, std::uint64_t seed, int weapons_per_type = 1);

}  // namespace cupola

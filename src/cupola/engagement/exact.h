// cupola/engagement/exact.h -- branch and bound for the static weapon-target
// assignment problem of wta.h: proves optimality for small and medium
// problems, else returns the incumbent with a proven lower bound.
//
// Branching. Without caps, adding a weapon never raises F, so some optimum
// uses every weapon and the tree places all W of them, one per level. Weapons
// are taken type by type (types in decreasing order of max_j V_j p_ij); the
// weapons of one type are identical, so they take non-decreasing target
// indices -- each count vector x_i. is enumerated once, not n_i! times.
// Children are tried in decreasing order of the marginal return S_j p_ij
// (depth first, greedy first). With caps c_j a target that is full is no
// child, and a weapon may also stay unused (a last child; the type's later
// weapons then stay unused too). The incumbent starts from local search
// (local_search.h).
//
// Bounds. At a node S_j is the surviving value of target j and the weapons
// still to place form a set Q. What they can still buy,
//     D(A) = sum_j S_j (1 - prod_{w in A_j} (1 - p_wj)),
// is bounded three ways, and the node's bound is LB = sum_j S_j - min(U...):
// * U_types: D is monotone and submodular, so D(Q) <= sum over types of what
//   each type's weapons buy alone. c identical weapons have marginal returns
//   S_j p_j (1 - p_j)^{k-1} for the k-th on j, falling in k, so the sum of the
//   c largest (greedy) is that exactly.
// * U_pooled: every p_wj raised to pbar_j = max_{w in Q} p_wj: the weapons
//   become identical, so again the sum of the |Q| largest marginals
//   S_j pbar_j (1 - pbar_j)^{k-1}.
// * U_slots: write D_j(A) = S_j sum_k p_{w_k} prod_{l<k} (1 - p_{w_l}) with
//   A_j's weapons in decreasing order of p. Each factor of the product is
//   then <= 1 - p_{w_k}, so the k-th weapon buys at most
//   S_j p_wj (1 - p_wj)^{k-1}, and D(Q) is at most the best matching of
//   weapons to slots (j, k) worth that -- a linear assignment
//   (core/assignment.h), solved when the cheap bounds do not prune and the
//   matrix is not too big. Unlike U_types it sees weapons compete for the
//   same targets: on random one-weapon-per-type instances it is often the
//   optimum itself. It is weak where the best plans put a strong and a weak
//   weapon on one target (it then credits the weak one as if it came first).
// All ignore the caps (relaxations), except that the current type's weapons
// only take targets they may still take. A node is pruned when
// LB >= F_incumbent (1 - 1e-12).
//
// Limits. On a node or time limit the search stops; every node left with
// unexplored children records its bound, valid for all of them, so
//     lower_bound = min(F_incumbent, min over those nodes of LB),
// and gap = (objective - lower_bound) / objective.
//
// Size. Random 20 x 20 one-weapon-per-type instances in the form of
// RandomWtaProblem are measured in bench/wta_bench.cpp (docs/wta.md).
#pragma once

#include <cstdint>

#include "cupola/engagement/local_search.h"
#include "cupola/engagement/wta.h"

namespace cupola {

struct WtaExactOptions {
  double time_limit_s = 10.0;   // wall time limit of the whole solve [s]; 0 = none
  std::int64_t node_limit = 0;  // nodes; 0 = none (with no time limit, the result is then machine independent)
  // Incumbent's local search. Its rounds are deterministic; with a time limit
  // above, it gets at most a third of it.
  WtaLocalSearchOptions start{20, 0.0, 0, 1};
};

struct WtaExactStats {
  std::int64_t nodes = 0;        // nodes visited
  std::int64_t slot_bounds = 0;  // U_slots assignment problems solved
  double root_bound = 0.0;       // LB at the root
  double start_objective = 0.0;  // the local search's objective
  bool stopped_by_limit = false;
};

/// Branch and bound. proven_optimal is true when the tree was exhausted;
/// lower_bound is then the objective. Throws InternalError (CUPOLA_CHECK) if
/// problem.Validate() fails.
WtaSolution SolveWtaExact(const WtaProblem& problem, const WtaExactOptions& options = {},
                          WtaExactStats* stats = nullptr);

}  // namespace cupola

// cupola/engagement/local_search.h -- very large neighbourhood search for
// the static weapon-target assignment problem of wta.h.
//
// Let S_j = V_j prod_i (1 - p_ij)^{x_ij} be the surviving value of target j,
// so F = sum_j S_j. Two neighbourhoods, each searched exactly:
//
// * Type re-optimisation. Take every weapon of type i off its targets
//   (S_j -> S'_j) and put them back where they buy most. With the rest fixed
//   the k-th type-i weapon on j buys S'_j p_ij (1 - p_ij)^{k-1}, which falls
//   with k, so taking the n_i largest of these marginals (a heap) is optimal:
//   the best of all moves of type-i weapons at once, in O(n + n_i log n).
// * Ejection by assignment (the very large neighbourhood of Ahuja, Kumar,
//   Jha & Orlin 2007, in assignment form). Take one weapon w_j off each
//   target j in a set J and put the ejected weapons back with at most one per
//   target (any target, ejected from or not). Then each target's change is
//   exact and additive -- target k gains S'_k p_{w,k} from the weapon w it
//   receives -- so the best re-insertion is a linear assignment problem
//   (dense_assignment.h), solved exactly. The old places are one of its
//   solutions, so it never makes F worse. It contains every swap of two
//   weapons between two targets and every cyclic and path exchange of one
//   weapon per target.
// With caps (wta.h) both keep sum_i x_ij <= c_j: a full target takes no
// more weapons.
//
// Descent alternates the two, ejecting the least useful weapon of each
// target, until neither lowers F by more than 1e-12 F: a deterministic
// function of the start (ImproveWtaLocally). Then each round of the search
// ejects a random weapon of every target (a type sweep follows each
// ejection that helps) until 5 ejections in a row fail; the next round starts from the
// best assignment so far with a few targets ruined (all their weapons taken
// off) and a few random weapons moved -- an iterated local search (Lourenco,
// Martin & Stuetzle 2003). Draws come from a cupola::Rng seeded by the
// caller, so without a time limit the result is a function of the problem,
// the seed and the round count; a time limit makes it machine dependent.
//
// The start is the greedy (MMR) solution, so the result is never worse than
// SolveWtaGreedy's. No lower bound: for one, see exact.h. On the 12 public
// instances (bench/wta_bench.cpp, docs/wta.md) the default 100 rounds end
// within 1 % of the best known values.
#pragma once

#include <cstdint>

#include "cupola/engagement/wta.h"

namespace cupola {

struct WtaLocalSearchOptions {
  int rounds = 100;           // rounds after the first descent (0: descent only, deterministic and fast)
  double time_limit_s = 0.0;  // stop starting rounds after this wall time [s]; 0 = no limit
  int ruin_targets = 0;       // targets ruined per round; 0 = max(2, min(20, n / 10))
  std::uint64_t seed = 1;     // seed of the perturbation stream
};

/// Descends from x to a local optimum of both neighbourhoods above. x must
/// be feasible (CUPOLA_CHECK). Returns the number of improving steps.
int ImproveWtaLocally(const WtaProblem& problem, Eigen::MatrixXi& x);

/// Greedy start, descent, then iterated local search. No lower bound (NaN).
WtaSolution SolveWtaLocalSearch(const WtaProblem& problem, const WtaLocalSearchOptions& options = {});

}  // namespace cupola

// cupola/engagement/greedy.h -- maximum marginal return (MMR) for the static
// weapon-target assignment problem of wta.h.
//
// With S_j = V_j prod_i (1 - p_ij)^{x_ij} the current surviving value of
// target j, one more weapon of type i on j lowers F by
//     Delta_ij = S_j p_ij .
// MMR assigns weapons one at a time, always to the (type, target) pair with
// the largest Delta_ij among types with weapons left and targets below their
// cap (ties: lowest type, then lowest target), and stops when no weapon is
// left or no Delta is > 0
// (den Broeder, Ellison & Emerling 1959; Ahuja et al. 2007, Sec. 5.1).
//
// Cost. Each type keeps its best target. Assigning to j only lowers S_j, so
// only the types whose best was j rescan the targets: O(m) to pick plus
// O(k n) to repair per weapon, O(m n) to start -- a few milliseconds for
// 200 types x 400 targets x 3 weapons per type.
//
// Exact when all weapons are identical (one type): the marginal returns of a
// target then decrease with each weapon, so the sum of the largest ones is the
// optimum (caps included: they only cut each target's list of marginals
// short). In general it is a heuristic with no guaranteed ratio.
#pragma once

#include "cupola/engagement/wta.h"

namespace cupola {

/// MMR assignment. The solution has no lower bound (NaN) and is not proven
/// optimal. Throws InternalError (CUPOLA_CHECK) if problem.Validate() fails.
WtaSolution SolveWtaGreedy(const WtaProblem& problem);

}  // namespace cupola

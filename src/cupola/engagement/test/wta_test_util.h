// Test helpers for the static WTA: reference optima by means independent of
// the solvers under test.
#pragma once

#include <algorithm>
#include <functional>
#include <initializer_list>
#include <limits>
#include <vector>

#include "cupola/core/random.h"
#include "cupola/engagement/wta.h"

namespace cupola::testing_wta {

inline Eigen::VectorXi Ints(std::initializer_list<int> v) {
  Eigen::VectorXi out(static_cast<Eigen::Index>(v.size()));
  Eigen::Index k = 0;
  for (int x : v) out(k++) = x;
  return out;
}
inline Eigen::VectorXd Reals(std::initializer_list<double> v) {
  Eigen::VectorXd out(static_cast<Eigen::Index>(v.size()));
  Eigen::Index k = 0;
  for (double x : v) out(k++) = x;
  return out;
}

/// Every assignment, by enumeration: each weapon goes to a target or stays
/// unused; (n + 1)^W assignments, so for small W only. Honours the caps.
inline double OptimumByEnumeration(const WtaProblem& problem) {
  std::vector<int> type_of;
  for (int i = 0; i < problem.num_types(); ++i)
    for (int c = 0; c < problem.weapons(i); ++c) type_of.push_back(i);
  const int n = problem.num_targets();
  std::vector<double> survive(problem.value.data(), problem.value.data() + n);
  std::vector<int> count(n, 0);
  double best = std::numeric_limits<double>::infinity();
  std::function<void(std::size_t)> place = [&](std::size_t w) {
    if (w == type_of.size()) {
      double f = 0.0;
      for (double s : survive) f += s;
      best = std::min(best, f);
      return;
    }
    place(w + 1);  // unused
    for (int j = 0; j < n; ++j) {
      if (problem.has_caps() && count[j] >= problem.max_per_target(j)) continue;
      const double saved = survive[j];
      survive[j] *= 1.0 - problem.kill_probability(type_of[w], j);
      ++count[j];
      place(w + 1);
      --count[j];
      survive[j] = saved;
    }
  };
  place(0);
  return best;
}

/// The optimum by dynamic programming over subsets of weapons (each weapon
/// its own bit): after targets 0..j-1, best[mask] is the least surviving
/// value of those targets with exactly the weapons in `mask` on them.
/// O(n 3^W); honours the caps; weapons may stay unused.
inline double OptimumBySubsets(const WtaProblem& problem) {
  std::vector<int> type_of;
  for (int i = 0; i < problem.num_types(); ++i)
    for (int c = 0; c < problem.weapons(i); ++c) type_of.push_back(i);
  const int w = static_cast<int>(type_of.size());
  const int full = 1 << w;
  constexpr double kInf = std::numeric_limits<double>::infinity();
  std::vector<double> best(full, kInf), next(full), survive(full);
  best[0] = 0.0;
  for (int j = 0; j < problem.num_targets(); ++j) {
    survive[0] = problem.value(j);
    for (int s = 1; s < full; ++s) {
      const int bit = __builtin_ctz(static_cast<unsigned>(s));
      survive[s] = survive[s & (s - 1)] * (1.0 - problem.kill_probability(type_of[bit], j));
    }
    const int cap = problem.has_caps() ? problem.max_per_target(j) : w;
    std::fill(next.begin(), next.end(), kInf);
    for (int mask = 0; mask < full; ++mask) {
      if (best[mask] == kInf) continue;
      const int rest = (full - 1) & ~mask;
      for (int s = rest;; s = (s - 1) & rest) {
        if (__builtin_popcount(static_cast<unsigned>(s)) <= cap)
          next[mask | s] = std::min(next[mask | s], best[mask] + survive[s]);
        if (s == 0) break;
      }
    }
    best.swap(next);
  }
  return *std::min_element(best.begin(), best.end());
}

/// A random instance: V ~ U[1, 100], p ~ U[0, 1] with some exact zeros (a
/// weapon that cannot reach a target), n_i in [1, max_per_type].
inline WtaProblem RandomMixed(int m, int n, int max_per_type, Rng& rng) {
  WtaProblem p;
  p.value.resize(n);
  for (int j = 0; j < n; ++j) p.value(j) = rng.Uniform(1.0, 100.0);
  p.kill_probability.resize(m, n);
  for (int i = 0; i < m; ++i)
    for (int j = 0; j < n; ++j) p.kill_probability(i, j) = rng.Uniform() < 0.15 ? 0.0 : rng.Uniform();
  p.weapons.resize(m);
  for (int i = 0; i < m; ++i) p.weapons(i) = 1 + static_cast<int>(rng.Uniform() * max_per_type);
  return p;
}

}  // namespace cupola::testing_wta

// cupola/metrics/ospa.h -- multi-target distances between a set of truths
// and a set of estimates: OSPA and GOSPA.
//
// d(x, y) is the base distance (Euclidean for positions), d_c = min(d, c)
// with cut-off c > 0, order p >= 1. For X = {x_1..x_m}, Y = {y_1..y_n}, m <= n
// (OSPA is symmetric, so swap the sets if needed):
//
// OSPA (Schuhmacher, Vo & Vo 2008, IEEE TSP 56(8)):
//   OSPA(X, Y)^p = (1/n) [ min_pi sum_{i=1..m} d_c(x_i, y_pi(i))^p + c^p (n - m) ]
//   with pi over injections of X into Y; 0 when both sets are empty. Split
//   as Ristic et al. (2011) do: localisation^p = (1/n) sum d_c^p,
//   cardinality^p = (1/n) c^p (n - m), so total^p = loc^p + card^p.
//
// GOSPA (Rahmathullah, Garcia-Fernandez & Svensson 2017, FUSION), 0 < alpha <= 2:
//   GOSPA(X, Y)^p = min_pi sum_{i=1..m} d_c(x_i, y_pi(i))^p + (c^p / alpha) (n - m)
//   Not normalised by n, so it grows with the number of targets and errors.
//   For alpha = 2 (the default) this equals the assignment form
//   GOSPA^p = min_gamma [ sum_{(i,j) in gamma} d(x_i, y_j)^p + (c^p/2) (missed + false) ]
//   over partial assignments gamma: a pair is kept only if d < c, otherwise
//   its truth counts as missed and its estimate as false.
//
// Both take the pairwise distance matrix, so any base metric works (2-D, full
// state vectors); the overloads for 3-D positions build it for you.
#pragma once

#include <Eigen/Core>
#include <span>
#include <vector>

namespace cupola {

struct OspaResult {
  double total_m = 0.0;         // OSPA [unit of d; m for positions]
  double localisation_m = 0.0;  // ((1/n) min sum d_c^p)^(1/p)
  double cardinality_m = 0.0;   // ((1/n) c^p |n - m|)^(1/p); total^p = loc^p + card^p
};

// Decomposition: total^p = localisation^p + missed^p + false^p. For alpha = 2
// a cut pair (d >= c in the optimal pi) costs c^p = c^p/2 + c^p/2: one missed
// truth plus one false estimate, as in the assignment form. For alpha < 2 cut
// pairs are split the same way and only surplus elements carry c^p/alpha, so
// the decomposition still sums to the total.
struct GospaResult {
  double total_m = 0.0;                // GOSPA [unit of d; m for positions]
  double localisation_m = 0.0;         // (sum over kept pairs of d^p)^(1/p)
  double missed_m = 0.0;               // (c^p/alpha per surplus truth + c^p/2 per cut pair)^(1/p)
  double false_m = 0.0;                // (c^p/alpha per surplus estimate + c^p/2 per cut pair)^(1/p)
  int num_paired = 0;                  // pairs with d < c
  int num_missed = 0;                  // truths without an estimate within c
  int num_false = 0;                   // estimates without a truth within c
  std::vector<int> truth_to_estimate;  // per truth, its estimate's index, or -1 if missed
};

/// OSPA from the distance matrix d (rows: set X, cols: set Y; entries finite
/// and >= 0), cut-off c > 0 and order p >= 1.
OspaResult OspaFromDistances(const Eigen::MatrixXd& d, double cutoff, double order_p);
/// OSPA between two sets of positions [m] (Euclidean base distance).
OspaResult Ospa(std::span<const Eigen::Vector3d> p_X, std::span<const Eigen::Vector3d> p_Y, double cutoff_m,
                double order_p);

/// GOSPA from the distance matrix d (rows: truths, cols: estimates), cut-off
/// c > 0, order p >= 1 and 0 < alpha <= 2.
GospaResult GospaFromDistances(const Eigen::MatrixXd& d, double cutoff, double order_p, double alpha = 2.0);
/// GOSPA between truth and estimated positions [m] (Euclidean base distance).
GospaResult Gospa(std::span<const Eigen::Vector3d> p_truth, std::span<const Eigen::Vector3d> p_estimate,
                  double cutoff_m, double order_p, double alpha = 2.0);

/// The Euclidean distance matrix D(i, j) = |a_i - b_j| [m].
Eigen::MatrixXd PairwiseDistances(std::span<const Eigen::Vector3d> a, std::span<const Eigen::Vector3d> b);

}  // namespace cupola

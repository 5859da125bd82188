// cupola/tracking/jpda.h -- marginal association probabilities for JPDA:
// exact by enumeration for small clusters, and by loopy belief propagation
// (Williams & Lau 2014) for clusters of any size.
//
// Problem. Tracks i = 0..n-1, detections j = 0..m-1. A joint event gives
// each track at most one detection (or a miss) and each detection at most
// one track; detections no track takes are clutter. With Poisson clutter of
// density lambda the event's probability is proportional to
//     P(event) ~ prod_{i missed} w_i0 * prod_{i <- j} l_ij ,
//     l_ij = Pd N(y_ij; 0, S_ij) / lambda   (0 outside the gate),
//     w_i0 = 1 - Pd Pg                      (the "miss" weight)
// (the parametric JPDA of Bar-Shalom, Daum & Huang, "The probabilistic data
// association filter", IEEE Control Systems 29(6), 2009, with lambda divided
// out of every factor). The marginals are
//     beta_ij = sum of P(event) over the events with i <- j,
//     beta_i0 = sum of P(event) over the events with i missed,
// so each row sums to 1 and each column to at most 1 (the rest is the
// probability that the detection is clutter). Scaling row i (its l_ij and
// w_i0 together) by any c_i > 0 changes no beta: every event has exactly one
// factor from each row. Both methods scale each row to a largest weight of 1,
// so likelihoods of 1e9 and more (small S, sparse clutter) cannot overflow.
//
// Exact. Depth first over tracks: track i takes a free gated detection or
// misses. Each node passes its prefix weight down and gets its subtree's sum
// back, so beta(i, a) += prefix * w_ia * subtree, one step per node of the
// event tree. That tree grows like the number of joint events: 4,051 for
// 5 tracks x 6 detections all gated (microseconds), 1.4e6 for 8 x 8
// (10 ms), 2.3e8 for 10 x 10 (1.7 s).
//
// Loopy belief propagation (J. L. Williams & R. A. Lau, "Approximate
// evaluation of marginal association probabilities with belief
// propagation", IEEE TAES 50(4), 2014, doi:10.1109/TAES.2014.120568).
// Factor graph: a variable a_i in {0, 1..m} per track (its detection,
// 0 = miss) with weights w_i0, l_ij; a variable b_j in {0, 1..n} per
// detection (its track, 0 = clutter) with weight 1; and a factor for every
// gated pair that is 1 iff (a_i = j) <=> (b_j = i). A message across such a
// factor takes only two distinct values, so it is kept as one ratio:
//     mu_ij = m_{a_i -> b_j}(b_j = i) / m_{a_i -> b_j}(b_j != i),
//     nu_ji = m_{b_j -> a_i}(a_i = j) / m_{b_j -> a_i}(a_i != j).
// Summing the sum-product messages over the other values gives, from nu = 1,
//     mu_ij = l_ij / (w_i0 + sum_{j' != j} l_ij' nu_j'i) ,
//     nu_ji = 1 / (1 + sum_{i' != i} mu_i'j) ,
// and the beliefs
//     beta_ij ~ l_ij nu_ji ,  beta_i0 ~ w_i0   (normalised over the row).
// The paper proves that this iteration converges for any such weights. On a
// cluster whose gate graph has no cycle (a single track, a detection shared
// by two tracks, a chain) BP is exact. With cycles it approximates, and is
// overconfident on tight loops: two tracks both gated to the same two
// detections, with misses and clutter unlikely, get nearly all their weight
// on the heavier matching (l = [1 2; 3 4], w_i0 = 1e-3: exact 0.6, BP 0.99).
// In our tests (test/jpda_test.cpp) the mean |error| over all entries is
// 0.004 to 0.02 but the largest is 0.2 to 0.3 on clusters up to 5 x 6; so
// prefer the exact method wherever a cluster is small enough. Only gated
// pairs (l_ij > 0) carry messages, so an iteration costs O(gated pairs).
// Dense clusters need 30 to 140 iterations to reach a relative change of
// 1e-9, up to 600 when misses and clutter are very unlikely (Pd 0.9,
// 0.03 clutter per gate); stopping at 100 then leaves beta within 1.2e-3 of
// the converged value, far inside the approximation's own error.
#pragma once

#include <Eigen/Core>

namespace cupola {

/// How a loopy BP run went.
struct JpdaLbpSummary {
  int iterations = 0;       // message updates done
  bool converged = false;   // the last update changed every nu by <= tolerance (relative)
  double max_change = 0.0;  // max over pairs of |nu_new - nu_old| / nu_new in the last update
};

/// Approximate JPDA marginals by loopy belief propagation (see above).
/// `likelihood` is n x m with l_ij >= 0 and finite (0 = outside the gate);
/// `miss` has n entries w_i0 > 0 and finite. Stops when an update changes
/// every message nu by at most `tolerance` relative to itself, or after
/// `max_iterations` updates (the result is then still a valid, less
/// converged, estimate). Returns beta, n x (m + 1): beta(i, j) = P(track i
/// <- detection j), beta(i, m) = P(track i missed); each row sums to 1.
/// Throws InternalError (CUPOLA_CHECK) on bad sizes or weights.
Eigen::MatrixXd JpdaMarginalsLoopyBp(const Eigen::MatrixXd& likelihood, const Eigen::VectorXd& miss,
                                     int max_iterations = 100, double tolerance = 1e-9,
                                     JpdaLbpSummary* summary = nullptr);

/// Same with one miss weight for every track.
Eigen::MatrixXd JpdaMarginalsLoopyBp(const Eigen::MatrixXd& likelihood, double miss, int max_iterations = 100,
                                     double tolerance = 1e-9, JpdaLbpSummary* summary = nullptr);

inline constexpr int kJpdaExactMaxTracks = 10;
inline constexpr int kJpdaExactMaxDetections = 10;

/// Exact JPDA marginals by enumerating every joint event; same inputs and
/// output as JpdaMarginalsLoopyBp. For small clusters and tests: checks that
/// n <= kJpdaExactMaxTracks and m <= kJpdaExactMaxDetections.
Eigen::MatrixXd JpdaMarginalsExact(const Eigen::MatrixXd& likelihood, const Eigen::VectorXd& miss);

/// Same with one miss weight for every track.
Eigen::MatrixXd JpdaMarginalsExact(const Eigen::MatrixXd& likelihood, double miss);

}  // namespace cupola

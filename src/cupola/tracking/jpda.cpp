#include "cupola/tracking/jpda.h"

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "cupola/core/error.h"

namespace cupola {

namespace {

// The gated pairs of a cluster, row by row, each row scaled to a largest
// weight of 1 (this changes no marginal; see the header).
struct GatedPairs {
  int n = 0, m = 0;
  std::vector<int> row_start;  // pairs of track i are [row_start[i], row_start[i + 1]); size n + 1
  std::vector<int> det;        // detection of each pair
  std::vector<double> l;       // scaled l_ij of each pair
  std::vector<double> miss;    // scaled w_i0 of each track
};

GatedPairs Gather(const Eigen::MatrixXd& likelihood, const Eigen::VectorXd& miss) {
  CUPOLA_CHECK(miss.size() == likelihood.rows(), "JPDA: miss has " + std::to_string(miss.size()) + " entries for " +
                                                     std::to_string(likelihood.rows()) + " tracks");
  GatedPairs g;
  g.n = static_cast<int>(likelihood.rows());
  g.m = static_cast<int>(likelihood.cols());
  g.row_start.assign(static_cast<std::size_t>(g.n) + 1, 0);
  g.miss.resize(static_cast<std::size_t>(g.n));
  for (int i = 0; i < g.n; ++i) {
    // A positive miss weight keeps "every track missed" possible, so every
    // normaliser below is positive.
    CUPOLA_CHECK(std::isfinite(miss[i]) && miss[i] > 0.0, "JPDA: miss weight of track " + std::to_string(i) + " is " +
                                                              std::to_string(miss[i]) + "; expected finite and > 0");
    double scale = miss[i];
    for (int j = 0; j < g.m; ++j) {
      const double l = likelihood(i, j);
      CUPOLA_CHECK(std::isfinite(l) && l >= 0.0, "JPDA: likelihood(" + std::to_string(i) + ", " + std::to_string(j) +
                                                     ") is " + std::to_string(l) + "; expected finite and >= 0");
      scale = std::max(scale, l);
    }
    for (int j = 0; j < g.m; ++j) {
      if (likelihood(i, j) == 0.0) continue;
      g.det.push_back(j);
      g.l.push_back(likelihood(i, j) / scale);
    }
    g.miss[static_cast<std::size_t>(i)] = miss[i] / scale;
    g.row_start[static_cast<std::size_t>(i) + 1] = static_cast<int>(g.det.size());
  }
  return g;
}

// out[k] = base + sum over k' != k of terms[idx[k']], for k over idx, by
// prefix and suffix sums: subtracting terms[idx[k]] from the full sum would
// cancel catastrophically when one term dominates (a near-certain pair).
void ExclusiveSums(double base, const int* idx, int count, const std::vector<double>& terms, std::vector<double>& out) {
  double prefix = base;
  for (int k = 0; k < count; ++k) {
    out[static_cast<std::size_t>(idx[k])] = prefix;
    prefix += terms[static_cast<std::size_t>(idx[k])];
  }
  double suffix = 0.0;
  for (int k = count - 1; k >= 0; --k) {
    out[static_cast<std::size_t>(idx[k])] += suffix;
    suffix += terms[static_cast<std::size_t>(idx[k])];
  }
}

// beta from per-pair weights (l_ij nu_ji for BP, summed event weight for the
// exact method) and per-track miss weights: each row normalised.
Eigen::MatrixXd Normalise(const GatedPairs& g, const std::vector<double>& pair_weight,
                          const std::vector<double>& miss_weight) {
  Eigen::MatrixXd beta = Eigen::MatrixXd::Zero(g.n, g.m + 1);
  for (int i = 0; i < g.n; ++i) {
    double total = miss_weight[static_cast<std::size_t>(i)];
    for (int k = g.row_start[static_cast<std::size_t>(i)]; k < g.row_start[static_cast<std::size_t>(i) + 1]; ++k)
      total += pair_weight[static_cast<std::size_t>(k)];
    for (int k = g.row_start[static_cast<std::size_t>(i)]; k < g.row_start[static_cast<std::size_t>(i) + 1]; ++k)
      beta(i, g.det[static_cast<std::size_t>(k)]) = pair_weight[static_cast<std::size_t>(k)] / total;
    beta(i, g.m) = miss_weight[static_cast<std::size_t>(i)] / total;
  }
  return beta;
}

// Depth-first enumeration of joint events (see the header).
struct Enumerator {
  const GatedPairs& g;
  std::vector<bool> taken;          // per detection
  std::vector<double> pair_weight;  // per pair: sum of the weights of events containing it
  std::vector<double> miss_weight;  // per track: sum of the weights of events where it is missed

  // Adds every completion of tracks i.. to the sums, given the weight of
  // the choices so far; returns the total weight of those completions.
  double Visit(int i, double prefix) {
    if (i == g.n) return 1.0;
    const auto row = static_cast<std::size_t>(i);
    const double w0 = g.miss[row];
    const double z0 = Visit(i + 1, prefix * w0);
    miss_weight[row] += prefix * w0 * z0;
    double z = w0 * z0;
    for (int k = g.row_start[row]; k < g.row_start[row + 1]; ++k) {
      const auto j = static_cast<std::size_t>(g.det[static_cast<std::size_t>(k)]);
      if (taken[j]) continue;
      const double w = g.l[static_cast<std::size_t>(k)];
      taken[j] = true;
      const double zk = Visit(i + 1, prefix * w);
      taken[j] = false;
      pair_weight[static_cast<std::size_t>(k)] += prefix * w * zk;
      z += w * zk;
    }
    return z;
  }
};

}  // namespace

Eigen::MatrixXd JpdaMarginalsLoopyBp(const Eigen::MatrixXd& likelihood, const Eigen::VectorXd& miss, int max_iterations,
                                     double tolerance, JpdaLbpSummary* summary) {
  CUPOLA_CHECK(max_iterations >= 1, "JPDA LBP: max_iterations is " + std::to_string(max_iterations));
  CUPOLA_CHECK(tolerance >= 0.0, "JPDA LBP: tolerance is " + std::to_string(tolerance));
  const GatedPairs g = Gather(likelihood, miss);
  const std::size_t n_pairs = g.det.size();

  // The pairs of each detection, for the detection-side update.
  std::vector<int> col_start(static_cast<std::size_t>(g.m) + 1, 0), col_pairs(n_pairs);
  for (const int j : g.det) ++col_start[static_cast<std::size_t>(j) + 1];
  for (int j = 0; j < g.m; ++j) col_start[static_cast<std::size_t>(j) + 1] += col_start[static_cast<std::size_t>(j)];
  {
    std::vector<int> fill(col_start.begin(), col_start.end() - 1);
    for (std::size_t k = 0; k < n_pairs; ++k)
      col_pairs[static_cast<std::size_t>(fill[static_cast<std::size_t>(g.det[k])]++)] = static_cast<int>(k);
  }
  std::vector<int> row_pairs(n_pairs);  // identity: pairs are stored row by row
  for (std::size_t k = 0; k < n_pairs; ++k) row_pairs[k] = static_cast<int>(k);

  std::vector<double> nu(n_pairs, 1.0), mu(n_pairs), l_nu(n_pairs), excluded(n_pairs);
  JpdaLbpSummary s;
  while (s.iterations < max_iterations) {
    ++s.iterations;
    // Track side: mu_ij = l_ij / (w_i0 + sum_{j' != j} l_ij' nu_j'i).
    for (std::size_t k = 0; k < n_pairs; ++k) l_nu[k] = g.l[k] * nu[k];
    for (int i = 0; i < g.n; ++i) {
      const int begin = g.row_start[static_cast<std::size_t>(i)];
      const int end = g.row_start[static_cast<std::size_t>(i) + 1];
      ExclusiveSums(g.miss[static_cast<std::size_t>(i)], row_pairs.data() + begin, end - begin, l_nu, excluded);
    }
    for (std::size_t k = 0; k < n_pairs; ++k) mu[k] = g.l[k] / excluded[k];
    // Detection side: nu_ji = 1 / (1 + sum_{i' != i} mu_i'j).
    for (int j = 0; j < g.m; ++j) {
      const int begin = col_start[static_cast<std::size_t>(j)];
      const int end = col_start[static_cast<std::size_t>(j) + 1];
      ExclusiveSums(1.0, col_pairs.data() + begin, end - begin, mu, excluded);
    }
    s.max_change = 0.0;
    for (std::size_t k = 0; k < n_pairs; ++k) {
      const double updated = 1.0 / excluded[k];
      s.max_change = std::max(s.max_change, std::abs(updated - nu[k]) / updated);
      nu[k] = updated;
    }
    // A relative change bounds the relative change of each l_ij nu_ji, and so
    // of beta, however small nu is.
    if (s.max_change <= tolerance) {
      s.converged = true;
      break;
    }
  }
  if (summary != nullptr) *summary = s;
  for (std::size_t k = 0; k < n_pairs; ++k) l_nu[k] = g.l[k] * nu[k];
  return Normalise(g, l_nu, g.miss);
}

Eigen::MatrixXd JpdaMarginalsLoopyBp(const Eigen::MatrixXd& likelihood, double miss, int max_iterations,
                                     double tolerance, JpdaLbpSummary* summary) {
  return JpdaMarginalsLoopyBp(likelihood, Eigen::VectorXd::Constant(likelihood.rows(), miss), max_iterations, tolerance,
                              summary);
}

Eigen::MatrixXd JpdaMarginalsExact(const Eigen::MatrixXd& likelihood, const Eigen::VectorXd& miss) {
  CUPOLA_CHECK(likelihood.rows() <= kJpdaExactMaxTracks && likelihood.cols() <= kJpdaExactMaxDetections,
               "JPDA exact: " + std::to_string(likelihood.rows()) + " tracks x " + std::to_string(likelihood.cols()) +
                   " detections is too many to enumerate; at most " + std::to_string(kJpdaExactMaxTracks) + " x " +
                   std::to_string(kJpdaExactMaxDetections));
  const GatedPairs g = Gather(likelihood, miss);
  Enumerator e{g, std::vector<bool>(static_cast<std::size_t>(g.m), false), std::vector<double>(g.det.size(), 0.0),
               std::vector<double>(static_cast<std::size_t>(g.n), 0.0)};
  e.Visit(0, 1.0);
  return Normalise(g, e.pair_weight, e.miss_weight);
}

Eigen::MatrixXd JpdaMarginalsExact(const Eigen::MatrixXd& likelihood, double miss) {
  return JpdaMarginalsExact(likelihood, Eigen::VectorXd::Constant(likelihood.rows(), miss));
}

}  // namespace cupola

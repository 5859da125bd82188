#include "cupola/metrics/ospa.h"

#include <algorithm>
#include <cmath>
#include <string>

#include "cupola/core/error.h"
#include "cupola/core/assignment.h"
#include "cupola/core/disjoint_sets.h"

namespace cupola {

namespace {

void CheckArguments(const char* who, const Eigen::MatrixXd& d, double cutoff, double order_p) {
  CUPOLA_CHECK(cutoff > 0.0 && std::isfinite(cutoff),
               std::string(who) + ": cut-off must be finite and > 0, got " + std::to_string(cutoff));
  CUPOLA_CHECK(order_p >= 1.0 && std::isfinite(order_p),
               std::string(who) + ": order p must be finite and >= 1, got " + std::to_string(order_p));
  CUPOLA_CHECK(d.allFinite() && (d.size() == 0 || d.minCoeff() >= 0.0),
               std::string(who) + ": distances must be finite and >= 0");
}

// min(d, c)^p: the cut-off distance raised to the order, per pair.
Eigen::MatrixXd CutCost(const Eigen::MatrixXd& d, double cutoff, double order_p) {
  return d.cwiseMin(cutoff).array().pow(order_p).matrix();
}

}  // namespace

Eigen::MatrixXd PairwiseDistances(std::span<const Eigen::Vector3d> a, std::span<const Eigen::Vector3d> b) {
  Eigen::MatrixXd d(static_cast<Eigen::Index>(a.size()), static_cast<Eigen::Index>(b.size()));
  for (std::size_t i = 0; i < a.size(); ++i)
    for (std::size_t j = 0; j < b.size(); ++j)
      d(static_cast<Eigen::Index>(i), static_cast<Eigen::Index>(j)) = (a[i] - b[j]).norm();
  return d;
}

namespace {
// An assignment that pairs as many rows as possible (min(rows, cols)) at the
// least total cost: leaving a row out costs more than any pairing can save.
std::vector<int> FullAssignment(const Eigen::MatrixXd& cost) {
  const double never = cost.cwiseAbs().sum() * 2.0 + 1.0;
  return SolveAssignment(cost, never).row_to_col;
}
}  // namespace

OspaResult OspaFromDistances(const Eigen::MatrixXd& d, double cutoff, double order_p) {
  CheckArguments("Ospa", d, cutoff, order_p);
  const Eigen::Index m = d.rows(), n = d.cols();
  const Eigen::Index larger = std::max(m, n);
  OspaResult result;
  if (larger == 0) return result;  // two empty sets are equal
  const Eigen::MatrixXd cost = CutCost(d, cutoff, order_p);
  const std::vector<int> row_to_col = FullAssignment(cost);
  double sum_pow = 0.0;
  for (Eigen::Index i = 0; i < m; ++i)
    if (row_to_col[i] >= 0) sum_pow += cost(i, row_to_col[i]);
  const double loc_pow = sum_pow / static_cast<double>(larger);
  const double card_pow =
      std::pow(cutoff, order_p) * static_cast<double>(std::abs(n - m)) / static_cast<double>(larger);
  result.localisation_m = std::pow(loc_pow, 1.0 / order_p);
  result.cardinality_m = std::pow(card_pow, 1.0 / order_p);
  result.total_m = std::pow(loc_pow + card_pow, 1.0 / order_p);
  return result;
}

OspaResult Ospa(std::span<const Eigen::Vector3d> p_X, std::span<const Eigen::Vector3d> p_Y, double cutoff_m,
                double order_p) {
  return OspaFromDistances(PairwiseDistances(p_X, p_Y), cutoff_m, order_p);
}

GospaResult GospaFromDistances(const Eigen::MatrixXd& d, double cutoff, double order_p, double alpha) {
  CheckArguments("Gospa", d, cutoff, order_p);
  CUPOLA_CHECK(alpha > 0.0 && alpha <= 2.0, "Gospa: alpha must be in (0, 2], got " + std::to_string(alpha));
  const Eigen::Index m = d.rows(), n = d.cols();
  GospaResult result;
  result.truth_to_estimate.assign(static_cast<std::size_t>(m), -1);
  // The optimal injection of the smaller set into the larger under d_c^p is
  // the GOSPA optimum for any alpha (the surplus term does not depend on it).
  // A pair at or beyond the cutoff costs c^p there, as much as any other, so
  // the injection costs min(m, n) c^p plus sum (d^p - c^p) over the pairs
  // closer than c it uses: each cluster of close pairs is solved alone, a
  // row left out costing c^p (hundreds of objects in a raid are mostly
  // clusters of one or two).
  const double c_pow = std::pow(cutoff, order_p);
  DisjointSets sets(static_cast<int>(m + n));
  for (Eigen::Index i = 0; i < m; ++i)
    for (Eigen::Index j = 0; j < n; ++j)
      if (d(i, j) < cutoff) sets.Join(static_cast<int>(i), static_cast<int>(m + j));
  std::vector<std::vector<int>> rows(static_cast<std::size_t>(m + n)), cols(static_cast<std::size_t>(m + n));
  for (Eigen::Index i = 0; i < m; ++i) rows[sets.Find(static_cast<int>(i))].push_back(static_cast<int>(i));
  for (Eigen::Index j = 0; j < n; ++j) cols[sets.Find(static_cast<int>(m + j))].push_back(static_cast<int>(j));
  double loc_pow = 0.0;
  for (std::size_t k = 0; k < rows.size(); ++k) {
    if (rows[k].empty() || cols[k].empty()) continue;
    Eigen::MatrixXd cost(static_cast<Eigen::Index>(rows[k].size()), static_cast<Eigen::Index>(cols[k].size()));
    for (std::size_t r = 0; r < rows[k].size(); ++r)
      for (std::size_t c = 0; c < cols[k].size(); ++c) {
        const double dij = d(rows[k][r], cols[k][c]);
        cost(static_cast<Eigen::Index>(r), static_cast<Eigen::Index>(c)) =
            dij < cutoff ? std::pow(dij, order_p) : 2.0 * c_pow;  // never better than leaving the row out
      }
    const std::vector<int> row_to_col = SolveAssignment(cost, c_pow).row_to_col;
    for (std::size_t r = 0; r < rows[k].size(); ++r) {
      if (row_to_col[r] < 0) continue;
      const int i = rows[k][r], j = cols[k][row_to_col[r]];
      if (!(d(i, j) < cutoff)) continue;
      loc_pow += std::pow(d(i, j), order_p);
      result.truth_to_estimate[i] = j;
      ++result.num_paired;
    }
  }
  const int assigned = static_cast<int>(std::min(m, n));
  const int cut = assigned - result.num_paired;
  const int surplus_truths = static_cast<int>(m) - assigned;
  const int surplus_estimates = static_cast<int>(n) - assigned;
  const double missed_pow = c_pow / alpha * surplus_truths + c_pow / 2.0 * cut;
  const double false_pow = c_pow / alpha * surplus_estimates + c_pow / 2.0 * cut;
  result.num_missed = surplus_truths + cut;
  result.num_false = surplus_estimates + cut;
  result.localisation_m = std::pow(loc_pow, 1.0 / order_p);
  result.missed_m = std::pow(missed_pow, 1.0 / order_p);
  result.false_m = std::pow(false_pow, 1.0 / order_p);
  result.total_m = std::pow(loc_pow + missed_pow + false_pow, 1.0 / order_p);
  return result;
}

GospaResult Gospa(std::span<const Eigen::Vector3d> p_truth, std::span<const Eigen::Vector3d> p_estimate,
                  double cutoff_m, double order_p, double alpha) {
  return GospaFromDistances(PairwiseDistances(p_truth, p_estimate), cutoff_m, order_p, alpha);
}

}  // namespace cupola

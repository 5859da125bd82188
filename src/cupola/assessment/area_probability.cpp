#include "cupola/assessment/area_probability.h"

#include <Eigen/Cholesky>
#include <Eigen/LU>  // 2x2 inverse
#include <algorithm>
#include <cmath>
#include <vector>

namespace cupola {

namespace {

double Phi(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }
double phi(double x) { return std::exp(-0.5 * x * x) / std::sqrt(2.0 * 3.14159265358979323846); }

// 8-point Gauss-Legendre nodes and weights on [-1, 1].
constexpr double kNodes[8] = {-0.9602898564975363, -0.7966664774136267, -0.5255324099163290, -0.1834346424956498,
                              0.1834346424956498,  0.5255324099163290,  0.7966664774136267,  0.9602898564975363};
constexpr double kWeights[8] = {0.1012285362903763, 0.2223810344533745, 0.3137066458778873, 0.3626837833783620,
                                0.3626837833783620, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763};
constexpr double kTail = 9.0;  // beyond 9 sigma the density is below 1e-18

}  // namespace

double ProbabilityInside(const Polygon& area, const Eigen::Vector2d& mean_EN, const Eigen::Matrix2d& cov_EN) {
  const std::size_t n = area.vertices_EN.size();
  if (n < 3) return 0.0;
  // A floor of 1 mm^2 keeps a point prediction (zero covariance) well defined.
  const Eigen::Matrix2d C = cov_EN + 1e-6 * Eigen::Matrix2d::Identity();
  const Eigen::Matrix2d L = Eigen::LLT<Eigen::Matrix2d>(C).matrixL();
  const Eigen::Matrix2d L_inverse = L.inverse();
  std::vector<Eigen::Vector2d> w(n);
  for (std::size_t i = 0; i < n; ++i) w[i] = L_inverse * (area.vertices_EN[i] - mean_EN);
  // An area wholly beyond kTail sigmas on one side (in whitened coordinates)
  // has a probability below 1e-18: most areas, for most predictions of a raid.
  const auto beyond = [&](auto coordinate) {
    return std::all_of(w.begin(), w.end(), [&](const Eigen::Vector2d& v) { return coordinate(v) > kTail; }) ||
           std::all_of(w.begin(), w.end(), [&](const Eigen::Vector2d& v) { return coordinate(v) < -kTail; });
  };
  if (beyond([](const Eigen::Vector2d& v) { return v.x(); }) || beyond([](const Eigen::Vector2d& v) { return v.y(); }))
    return 0.0;

  std::vector<double> breaks;
  for (const auto& v : w) breaks.push_back(std::clamp(v.x(), -kTail, kTail));
  // Extra breaks keep every piece at most one sigma wide, where phi is
  // smooth enough for 8 Gauss-Legendre nodes.
  const auto [lowest, highest] = std::minmax_element(breaks.begin(), breaks.end());
  const double first = *lowest, last = *highest;
  for (double u = std::ceil(first); u < last; u += 1.0) breaks.push_back(u);
  std::sort(breaks.begin(), breaks.end());
  breaks.erase(std::unique(breaks.begin(), breaks.end()), breaks.end());

  double total = 0.0;
  std::vector<double> crossings;
  for (std::size_t k = 0; k + 1 < breaks.size(); ++k) {
    const double lo = breaks[k], hi = breaks[k + 1];
    if (hi - lo <= 0.0) continue;
    for (int q = 0; q < 8; ++q) {
      const double u = 0.5 * (lo + hi) + 0.5 * (hi - lo) * kNodes[q];
      crossings.clear();
      for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
        const Eigen::Vector2d& a = w[j];
        const Eigen::Vector2d& b = w[i];
        if ((a.x() < u) == (b.x() < u)) continue;  // the line u does not cross this edge
        crossings.push_back(a.y() + (u - a.x()) * (b.y() - a.y()) / (b.x() - a.x()));
      }
      std::sort(crossings.begin(), crossings.end());
      double inside = 0.0;
      for (std::size_t c = 0; c + 1 < crossings.size(); c += 2) inside += Phi(crossings[c + 1]) - Phi(crossings[c]);
      total += 0.5 * (hi - lo) * kWeights[q] * phi(u) * inside;
    }
  }
  return std::clamp(total, 0.0, 1.0);
}

}  // namespace cupola

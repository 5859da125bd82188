#include "cupola/tracking/track.h"

#include "cupola/core/error.h"

namespace cupola {

namespace {
// Index of (i, j), i <= j, in the row-by-row upper triangle of a 6x6 matrix.
int UpperIndex(int i, int j) { return i * 6 - i * (i - 1) / 2 + (j - i); }
}  // namespace

double TrackReport::Cov(int i, int j) const {
  CUPOLA_CHECK(i >= 0 && j >= 0 && i < 6 && j < 6, "covariance index out of [p, v]");
  return i <= j ? cov_pv[UpperIndex(i, j)] : cov_pv[UpperIndex(j, i)];
}

Eigen::Matrix<double, 6, 6> TrackReport::CovPv() const {
  Eigen::Matrix<double, 6, 6> P;
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j) P(i, j) = Cov(i, j);
  return P;
}

void TrackReport::SetCovPv(const StateMatrix& P) {
  for (int i = 0; i < 6; ++i)
    for (int j = i; j < 6; ++j) cov_pv[UpperIndex(i, j)] = P(i, j);
}

}  // namespace cupola

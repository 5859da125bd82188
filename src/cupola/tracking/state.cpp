#include "cupola/tracking/state.h"

#include <Eigen/Eigenvalues>
#include <algorithm>

namespace cupola {

bool EnforceCovariance(StateMatrix& P, double relative_floor) {
  if (!P.allFinite()) return false;
  P = 0.5 * (P + P.transpose()).eval();
  // Cheap test first: a Cholesky factorisation succeeds for PD matrices.
  // No absolute floor: components differ by many orders of magnitude (a
  // drag parameter's variance is 1e-10 (m^2/kg)^2, a position's 1e4 m^2).
  Eigen::LLT<StateMatrix> llt(P);
  if (llt.info() == Eigen::Success) return true;
  Eigen::SelfAdjointEigenSolver<StateMatrix> eigen(P);
  const double floor = std::max(relative_floor * eigen.eigenvalues().cwiseAbs().maxCoeff(), 1e-300);
  StateVector values = eigen.eigenvalues().cwiseMax(floor);
  P = eigen.eigenvectors() * values.asDiagonal() * eigen.eigenvectors().transpose();
  P = 0.5 * (P + P.transpose()).eval();
  return true;
}

}  // namespace cupola

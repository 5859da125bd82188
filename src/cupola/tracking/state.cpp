#include "cupola/tracking/state.h"

#include <Eigen/Eigenvalues>

namespace cupola {

bool EnforceCovariance(StateMatrix& P, double floor) {
  if (!P.allFinite()) return false;
  P = 0.5 * (P + P.transpose()).eval();
  // Cheap test first: a Cholesky factorisation succeeds for PD matrices.
  Eigen::LLT<StateMatrix> llt(P);
  if (llt.info() == Eigen::Success && (P.diagonal().array() > floor).all()) return true;
  Eigen::SelfAdjointEigenSolver<StateMatrix> eigen(P);
  StateVector values = eigen.eigenvalues().cwiseMax(floor);
  P = eigen.eigenvectors() * values.asDiagonal() * eigen.eigenvectors().transpose();
  P = 0.5 * (P + P.transpose()).eval();
  return true;
}

}  // namespace cupola

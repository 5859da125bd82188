#include "cupola/tracking/state.h"

#include <Eigen/Eigenvalues>
#include <algorithm>

#include "cupola/tracking/fixed_size.h"

namespace cupola {

namespace {

// Symmetrises P and tells whether it is positive definite (a Cholesky
// factorisation succeeds), in fixed-size arithmetic (fixed_size.h): the
// tracker calls this after every prediction and update.
template <int N>
bool SymmetriseFixed(StateMatrix& P) {
  const Eigen::Matrix<double, N, N> A = P;
  const Eigen::Matrix<double, N, N> S = 0.5 * (A + A.transpose());
  P = S;
  return Eigen::LLT<Eigen::Matrix<double, N, N>>(S).info() == Eigen::Success;
}

bool SymmetriseAndTest(StateMatrix& P) {
  bool positive_definite = false;
  if (WithFixedStateSize(static_cast<int>(P.rows()), [&]<int N>() { positive_definite = SymmetriseFixed<N>(P); }))
    return positive_definite;
  P = 0.5 * (P + P.transpose()).eval();
  return Eigen::LLT<StateMatrix>(P).info() == Eigen::Success;
}

}  // namespace

bool EnforceCovariance(StateMatrix& P, double relative_floor) {
  if (!P.allFinite()) return false;
  // Cheap test first: a Cholesky factorisation succeeds for PD matrices.
  // No absolute floor: components differ by many orders of magnitude (a
  // drag parameter's variance is 1e-10 (m^2/kg)^2, a position's 1e4 m^2).
  if (SymmetriseAndTest(P)) return true;
  Eigen::SelfAdjointEigenSolver<StateMatrix> eigen(P);
  const double floor = std::max(relative_floor * eigen.eigenvalues().cwiseAbs().maxCoeff(), 1e-300);
  StateVector values = eigen.eigenvalues().cwiseMax(floor);
  P = eigen.eigenvectors() * values.asDiagonal() * eigen.eigenvectors().transpose();
  P = 0.5 * (P + P.transpose()).eval();
  return true;
}

}  // namespace cupola

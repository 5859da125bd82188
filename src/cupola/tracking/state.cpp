#include "cupola/tracking/state.h"

#include <Eigen/Eigenvalues>
#include <algorithm>

namespace cupola {

namespace {

// Symmetrises P and tells whether it is positive definite (a Cholesky
// factorisation succeeds), in fixed-size arithmetic for the state sizes of
// the motion models: the tracker calls this after every prediction and
// update, and run-time-sized loops cost several times more at 6 to 9.
template <int N>
bool SymmetriseFixed(StateMatrix& P) {
  const Eigen::Matrix<double, N, N> A = P;
  const Eigen::Matrix<double, N, N> S = 0.5 * (A + A.transpose());
  P = S;
  return Eigen::LLT<Eigen::Matrix<double, N, N>>(S).info() == Eigen::Success;
}

bool SymmetriseAndTest(StateMatrix& P) {
  switch (P.rows()) {
    case 6: return SymmetriseFixed<6>(P);
    case 7: return SymmetriseFixed<7>(P);
    case 9: return SymmetriseFixed<9>(P);
    default:
      P = 0.5 * (P + P.transpose()).eval();
      return Eigen::LLT<StateMatrix>(P).info() == Eigen::Success;
  }
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

// cupola/tracking/state.h -- Gaussian track states of varying dimension.
//
// Every motion model's state starts with position p_W (3) and velocity v_W
// (3) in the scenario frame W; models add their own components after them
// (acceleration, a drag parameter, a turn rate). Vectors and matrices have
// a run-time size but fixed maximum storage, so filters never allocate.
#pragma once

#include <Eigen/Core>

namespace cupola {

inline constexpr int kMaxStateDim = 9;
inline constexpr int kMaxMeasDim = 4;

using StateVector = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, kMaxStateDim, 1>;
using StateMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kMaxStateDim, kMaxStateDim>;
using MeasVector = Eigen::Matrix<double, Eigen::Dynamic, 1, 0, kMaxMeasDim, 1>;
using MeasMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kMaxMeasDim, kMaxMeasDim>;
using MeasStateMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kMaxMeasDim, kMaxStateDim>;
using StateMeasMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, 0, kMaxStateDim, kMaxMeasDim>;

/// Mean and covariance at a time.
struct GaussianState {
  double t_s = 0.0;
  StateVector x;
  StateMatrix P;

  Eigen::Vector3d Position() const { return x.head<3>(); }
  Eigen::Vector3d Velocity() const { return x.segment<3>(3); }
  Eigen::Matrix3d PositionCovariance() const { return P.topLeftCorner<3, 3>(); }
};

/// Makes P symmetric and, if it is not positive definite, lifts its
/// eigenvalues to `relative_floor` times the largest: the guard that keeps
/// round-off from turning a covariance indefinite. Returns false if P
/// contained a NaN or infinity (a diverged filter).
bool EnforceCovariance(StateMatrix& P, double relative_floor = 1e-12);

}  // namespace cupola

// cupola/tracking/filters.h -- predictor and updater: EKF and UKF.
//
// Predict:  x- = f(x), P- = F P F^T + Q (EKF) or the unscented transform of
//           f (UKF), plus Q.
// Innovate: z_hat = h(x-), S = H P- H^T + R, P_xz = P- H^T (EKF), or by
//           sigma points (UKF, circular mean for azimuth); NIS = y^T S^-1 y.
// Update:   K = P_xz S^-1, x = x- + K y, and
//           P = (I - K H) P- (I - K H)^T + K R K^T (Joseph form, EKF) or
//           P = P- - K S K^T (UKF); then symmetrised and kept positive definite.
// UKF sigma points: Wan & van der Merwe (2000) with alpha = 1, beta = 2,
// kappa = 0, i.e. 2n points at +-sqrt(n P) columns and a zero-weight centre
// for the mean, weight 2 for the covariance.
#pragma once

#include <memory>
#include <vector>

#include "cupola/tracking/measurement_model.h"
#include "cupola/tracking/motion_models.h"

namespace cupola {

/// What a measurement says against a predicted state.
struct Innovation {
  MeasVector y;            // residual z - z_hat (azimuth wrapped)
  MeasMatrix S;            // innovation covariance
  StateMeasMatrix P_xz;    // state-measurement cross covariance
  MeasStateMatrix H;       // EKF only (empty for UKF)
  MeasMatrix R;            // measurement noise
  double nis = 0.0;        // y^T S^-1 y
  double log_det_S = 0.0;  // for likelihoods
};

class Filter {
 public:
  virtual ~Filter() = default;
  virtual std::string name() const = 0;
  /// The state predicted to time t_s (t_s may equal state.t_s).
  virtual GaussianState Predict(const MotionModel& model, const GaussianState& state, double t_s) const = 0;
  virtual Innovation Innovate(const SphericalMeasurementModel& sensor, const GaussianState& predicted,
                              const MeasVector& z) const = 0;
  /// The updated state, or false if the result is not a valid covariance.
  /// An EKF innovation (H set) must have H zero beyond the first six columns
  /// (position and velocity: what a radar measures; checked) and P_xz = P H^T:
  /// the update uses both.
  bool Update(const GaussianState& predicted, const Innovation& innovation, GaussianState& updated) const;
};

class ExtendedKalmanFilter : public Filter {
 public:
  std::string name() const override { return "ekf"; }
  GaussianState Predict(const MotionModel& model, const GaussianState& state, double t_s) const override;
  Innovation Innovate(const SphericalMeasurementModel& sensor, const GaussianState& predicted,
                      const MeasVector& z) const override;
};

class UnscentedKalmanFilter : public Filter {
 public:
  std::string name() const override { return "ukf"; }
  GaussianState Predict(const MotionModel& model, const GaussianState& state, double t_s) const override;
  Innovation Innovate(const SphericalMeasurementModel& sensor, const GaussianState& predicted,
                      const MeasVector& z) const override;
};

/// Probabilistic data association update (Bar-Shalom & Tse 1975; Bar-Shalom
/// et al. 2001, sec. 6.4): with association probabilities beta_j for the
/// gated detections (innovations y_j, all against the same predicted state
/// and S) and beta_0 for "none of them",
///   y = sum beta_j y_j,  x = x- + K y,
///   P = beta_0 P- + (1 - beta_0) (P- - K S K^T) + K (sum beta_j y_j y_j^T - y y^T) K^T.
bool PdaUpdate(const GaussianState& predicted, const std::vector<const Innovation*>& innovations,
               const std::vector<double>& beta, double beta_miss, GaussianState& updated);

/// Completes an Innovation from y, S, P_xz: NIS and log det S (LDLT).
void FinishInnovation(Innovation& innovation);

}  // namespace cupola

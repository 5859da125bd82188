// cupola/tracking/measurement_model.h -- a radar's spherical measurement of
// a track state: z = h(x) + n, n ~ N(0, R).
//
// Measurements stay in the radar's own coordinates (range, azimuth,
// elevation, and range rate when the radar measures it) and filters
// linearise h (EKF) or push sigma points through it (UKF), rather than
// converting measurements to Cartesian, which biases them at long range
// (Bar-Shalom et al. 2001, sec. 10.4). The azimuth residual is wrapped to
// [-pi, pi). h is RadarModel::Measure on the state's position and velocity.
#pragma once

#include "cupola/sensors/radar.h"
#include "cupola/tracking/state.h"

namespace cupola {

class SphericalMeasurementModel {
 public:
  explicit SphericalMeasurementModel(const RadarModel* radar) : radar_(radar) {}

  /// 4 with range rate, else 3.
  int dim() const { return radar_->has_range_rate ? 4 : 3; }
  const RadarModel& radar() const { return *radar_; }
  /// h(x) for a state whose first six components are p_W and v_W.
  MeasVector Predict(const StateVector& x) const;
  /// H = dh/dx (dim x n).
  MeasStateMatrix Jacobian(const StateVector& x) const;
  MeasMatrix Noise() const;
  /// z - z_hat with the azimuth wrapped.
  MeasVector Residual(const MeasVector& z, const MeasVector& z_hat) const;
  /// The measurement part of a detection's 4-vector.
  MeasVector FromDetection(const Spherical& z) const { return z.head(dim()); }

 private:
  const RadarModel* radar_;
};

}  // namespace cupola

// cupola/sensors/radar.h -- a surveillance radar: what it can see, how well
// it detects, and what it measures.
//
// Frame R: the radar's own East-North-Up frame at its site (up along the
// ellipsoid normal there). A target at r_RT = R_WR^T (p_WT - p_WR) is measured
// in spherical coordinates
//   range = |r|, azimuth = atan2(r_e, r_n) (clockwise from north),
//   elevation = atan2(r_u, sqrt(r_e^2 + r_n^2)), range rate = r . v / |r|
// with independent Gaussian errors (sigma_range, sigma_azimuth, ...).
//
// Detection (Swerling 1, one look per scan): Pd = Pfa^(1 / (1 + SNR)), with
//   SNR(R, sigma) = SNR_ref (sigma / sigma_ref) (R_ref / R)^4,
// SNR_ref either solved from "Pd at the reference range and RCS"
// (SNR_ref = ln Pfa / ln Pd_ref - 1) or from the radar range equation
//   SNR = Pt G^2 lambda^2 sigma tau n / ((4 pi)^3 R^4 k T0 F L).
// Line of sight: the straight ray must clear a sphere of 4/3 the Earth's
// radius (standard refraction) in the effective-Earth model.
#pragma once

#include <Eigen/Core>
#include <string>

#include "cupola/geo/local_frame.h"
#include "cupola/scenario/spec.h"

namespace cupola {

/// Spherical measurement: range [m], azimuth [rad, clockwise from north],
/// elevation [rad], range rate [m/s].
using Spherical = Eigen::Vector4d;

struct RadarModel {
  std::string name;
  Eigen::Vector3d p_WR = Eigen::Vector3d::Zero();  // site in W
  Eigen::Matrix3d R_WR = Eigen::Matrix3d::Identity();  // columns: R's east, north, up in W
  double site_height_m = 0.0;                       // above the ellipsoid
  RadarSpec spec;                                   // coverage, noise, timing (SI)
  double snr_reference = 0.0;                       // linear SNR at spec.reference_range_m for spec.reference_rcs_m2
  bool has_range_rate = false;

  static RadarModel FromSpec(const RadarSpec& spec, const LocalFrame& frame);

  /// Noise-free measurement of a target at p with velocity v (both in W).
  Spherical Measure(const Eigen::Vector3d& p_WT, const Eigen::Vector3d& v_WT) const;
  /// Position in W of a measurement (inverse of Measure, ignoring range rate).
  Eigen::Vector3d PositionOf(const Spherical& z) const;
  /// Covariance in W of PositionOf(z) for a measurement with this radar's
  /// noise, J R J^T with J = d PositionOf / d(range, azimuth, elevation).
  Eigen::Matrix3d CartesianCovariance(const Spherical& z) const;
  /// Inside the range, azimuth and elevation limits.
  bool Covers(const Spherical& z) const;
  /// Linear SNR for a target of `rcs_m2` at `range_m`.
  double Snr(double range_m, double rcs_m2) const;
  /// Swerling 1 probability of detection in one look.
  double DetectionProbability(double range_m, double rcs_m2) const;
  /// Measurement covariance diag(sigma^2) (4x4; range rate variance 0 if unmeasured).
  Eigen::Matrix4d Covariance() const;
};

/// True if the straight ray between two points at heights h1, h2 [m] above
/// the ellipsoid, `ground_distance_m` apart, clears a sphere of radius
/// k_factor x 6,371 km (the 4/3-Earth model of standard refraction).
bool ClearsEffectiveEarth(double h1_m, double h2_m, double ground_distance_m, double k_factor = 4.0 / 3.0);

}  // namespace cupola

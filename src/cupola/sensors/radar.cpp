#include "cupola/sensors/radar.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>

#include "cupola/core/units.h"

namespace cupola {

namespace {
constexpr double kBoltzmann = 1.380649e-23;  // J/K
constexpr double kReferenceTemperature_K = 290.0;
constexpr double kSpeedOfLight_mps = 299792458.0;
constexpr double kMeanEarthRadius_m = 6371000.0;

double FromDb(double db) { return std::pow(10.0, db / 10.0); }

// SNR at range R for RCS sigma from the radar range equation (Skolnik, eq. 2.61 form).
double RangeEquationSnr(const RadarSpec::RangeEquation& q, double range_m, double rcs_m2) {
  const double wavelength = kSpeedOfLight_mps / q.frequency_Hz;
  const double gain = FromDb(q.antenna_gain_dB);
  const double numerator = q.peak_power_W * gain * gain * wavelength * wavelength * rcs_m2 * q.pulse_width_s *
                           q.pulses_integrated;
  const double denominator = std::pow(4.0 * kPi, 3) * std::pow(range_m, 4) * kBoltzmann * kReferenceTemperature_K *
                             FromDb(q.noise_figure_dB) * FromDb(q.losses_dB);
  return numerator / denominator;
}
}  // namespace

RadarModel RadarModel::FromSpec(const RadarSpec& spec, const LocalFrame& frame) {
  RadarModel m;
  m.name = spec.name;
  m.spec = spec;
  m.p_WR = frame.ToLocal(spec.site);
  m.site_height_m = spec.site.alt_m;
  // Exact local axes at the site, from GeographicLib: up is the ellipsoid
  // normal, east is horizontal and perpendicular to the local meridian.
  GeodeticPoint above = spec.site, north = spec.site;
  above.alt_m += 1.0;
  north.lat_deg += 1e-6;
  const Eigen::Vector3d up = (frame.ToLocal(above) - m.p_WR).normalized();
  const Eigen::Vector3d toward_north = frame.ToLocal(north) - m.p_WR;
  const Eigen::Vector3d east = toward_north.cross(up).normalized();
  m.R_WR.col(0) = east;
  m.R_WR.col(1) = up.cross(east);
  m.R_WR.col(2) = up;
  m.has_range_rate = spec.sigma_radial_velocity_mps > 0.0;
  if (spec.range_equation) {
    m.snr_reference = RangeEquationSnr(*spec.range_equation, spec.reference_range_m, spec.reference_rcs_m2);
  } else {
    m.snr_reference = std::log(spec.false_alarm_probability) / std::log(spec.detection_probability) - 1.0;
  }
  return m;
}

Spherical RadarModel::Measure(const Eigen::Vector3d& p_WT, const Eigen::Vector3d& v_WT) const {
  const Eigen::Vector3d r = R_WR.transpose() * (p_WT - p_WR);
  const Eigen::Vector3d v = R_WR.transpose() * v_WT;
  const double range = r.norm();
  const double horizontal = std::hypot(r.x(), r.y());
  return Spherical(range, std::atan2(r.x(), r.y()), std::atan2(r.z(), horizontal), range > 0 ? r.dot(v) / range : 0.0);
}

Eigen::Vector3d RadarModel::PositionOf(const Spherical& z) const {
  const double range = z[0], azimuth = z[1], elevation = z[2];
  const Eigen::Vector3d r(range * std::cos(elevation) * std::sin(azimuth), range * std::cos(elevation) * std::cos(azimuth),
                          range * std::sin(elevation));
  return p_WR + R_WR * r;
}

Eigen::Matrix3d RadarModel::CartesianCovariance(const Spherical& z) const {
  const double r = z[0], ca = std::cos(z[1]), sa = std::sin(z[1]), ce = std::cos(z[2]), se = std::sin(z[2]);
  Eigen::Matrix3d J;  // columns: d/d range, d/d azimuth, d/d elevation, in R
  J << ce * sa, r * ce * ca, -r * se * sa,
       ce * ca, -r * ce * sa, -r * se * ca,
       se, 0.0, r * ce;
  const Eigen::Vector3d variances(spec.sigma_range_m * spec.sigma_range_m, spec.sigma_azimuth_rad * spec.sigma_azimuth_rad,
                                  spec.sigma_elevation_rad * spec.sigma_elevation_rad);
  const Eigen::Matrix3d JW = R_WR * J;
  return JW * variances.asDiagonal() * JW.transpose();
}

bool RadarModel::Covers(const Spherical& z) const {
  if (z[0] < spec.min_range_m || z[0] > spec.max_range_m) return false;
  if (z[2] < spec.min_elevation_rad || z[2] > spec.max_elevation_rad) return false;
  if (spec.azimuth_width_rad >= 2.0 * kPi - 1e-12) return true;
  return std::abs(WrapToPi(z[1] - spec.azimuth_center_rad)) <= 0.5 * spec.azimuth_width_rad;
}

double RadarModel::Snr(double range_m, double rcs_m2) const {
  const double ratio = spec.reference_range_m / range_m;
  return snr_reference * (rcs_m2 / spec.reference_rcs_m2) * ratio * ratio * ratio * ratio;
}

double RadarModel::DetectionProbability(double range_m, double rcs_m2) const {
  return std::pow(spec.false_alarm_probability, 1.0 / (1.0 + Snr(range_m, rcs_m2)));
}

Eigen::Matrix4d RadarModel::Covariance() const {
  Eigen::Vector4d variances(spec.sigma_range_m, spec.sigma_azimuth_rad, spec.sigma_elevation_rad,
                            spec.sigma_radial_velocity_mps);
  return variances.cwiseProduct(variances).asDiagonal();
}

bool ClearsEffectiveEarth(double h1_m, double h2_m, double ground_distance_m, double k_factor) {
  // Effective-Earth geometry: heights and ground distance kept, radius scaled.
  const double radius = k_factor * kMeanEarthRadius_m;
  const double angle = ground_distance_m / radius;
  const Eigen::Vector2d a(0.0, radius + h1_m);
  const Eigen::Vector2d b((radius + h2_m) * std::sin(angle), (radius + h2_m) * std::cos(angle));
  // Closest point of the segment ab to the Earth's centre.
  const Eigen::Vector2d ab = b - a;
  if (ab.squaredNorm() == 0.0) return true;
  const double s = std::clamp(-a.dot(ab) / ab.squaredNorm(), 0.0, 1.0);
  return (a + s * ab).norm() >= radius - 1e-6;
}

}  // namespace cupola

// cupola/geo/local_frame.h -- the scenario's East-North-Up frame W on WGS84.
//
// Frame W: origin at the scenario origin (lat0, lon0, h0), x east, y north,
// z up along the ellipsoid normal at the origin. Every geodetic <-> W
// conversion goes through GeographicLib::LocalCartesian (exact).
//
// The hot loops of flight physics need the height above the ellipsoid and the
// local vertical at a point many millions of times; for those, FastHeight()
// and FastUp() use the ellipsoid's osculating curvature at the origin:
//   h ~= h0 + z + x^2 / (2 (N0 + h0 + z)) + y^2 / (2 (M0 + h0 + z))
//   up ~= normalize(x / N0, y / M0, 1)
// with N0, M0 the prime-vertical and meridian radii at the origin. Within
// 100 km and 30 km altitude the height is within 1 m of the exact value
// (test/local_frame_test.cpp measures it; docs/frames.md explains).
#pragma once

#include <Eigen/Core>
#include <GeographicLib/LocalCartesian.hpp>

namespace cupola {

/// A geodetic position in the units files use.
struct GeodeticPoint {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
  double alt_m = 0.0;  // height above the WGS84 ellipsoid
};

class LocalFrame {
 public:
  explicit LocalFrame(const GeodeticPoint& origin);

  const GeodeticPoint& origin() const { return origin_; }
  /// Geodetic -> position in W [m].
  Eigen::Vector3d ToLocal(const GeodeticPoint& point) const;
  /// Position in W [m] -> geodetic (exact).
  GeodeticPoint ToGeodetic(const Eigen::Vector3d& p_W) const;
  /// Exact height above the WGS84 ellipsoid [m].
  double Height(const Eigen::Vector3d& p_W) const;

  /// Fast height above the ellipsoid [m], curvature approximation (see header);
  /// 1 / (R + r) is expanded to first order in r / R to avoid divisions.
  double FastHeight(const Eigen::Vector3d& p_W) const {
    const double r = origin_.alt_m + p_W.z();
    return r + 0.5 * (p_W.x() * p_W.x() * inv_n0_ * (1.0 - r * inv_n0_) +
                      p_W.y() * p_W.y() * inv_m0_ * (1.0 - r * inv_m0_));
  }
  /// Fast unit vector along the ellipsoid normal at p, expressed in W:
  /// (a, b, 1) / sqrt(1 + a^2 + b^2) with the root expanded to second order
  /// (a, b < 0.02 within 100 km: error below 1e-10).
  Eigen::Vector3d FastUp(const Eigen::Vector3d& p_W) const {
    const double a = p_W.x() * inv_n0_, b = p_W.y() * inv_m0_;
    const double q = a * a + b * b;
    const double scale = 1.0 - q * (0.5 - 0.375 * q);
    return Eigen::Vector3d(a * scale, b * scale, scale);
  }
  /// Fast geodetic latitude [rad].
  double FastLatitude(const Eigen::Vector3d& p_W) const { return lat0_rad_ + p_W.y() / m0_; }
  /// Fast sin(latitude): sin(lat0 + d) by its Taylor series in d = y / M0
  /// (|d| < 0.02 rad within 100 km: error below 1e-10).
  double FastSinLatitude(const Eigen::Vector3d& p_W) const {
    const double d = p_W.y() / m0_, d2 = d * d;
    return sin_lat0_ * (1.0 - d2 * (0.5 - d2 / 24.0)) + cos_lat0_ * d * (1.0 - d2 / 6.0);
  }
  /// Earth's rotation vector expressed in W [rad/s].
  const Eigen::Vector3d& EarthRate_W() const { return omega_W_; }

  /// Meridian and prime-vertical radii of curvature at the origin [m].
  double meridian_radius_m() const { return m0_; }
  double prime_vertical_radius_m() const { return n0_; }

 private:
  GeodeticPoint origin_;
  GeographicLib::LocalCartesian cartesian_;
  double lat0_rad_ = 0.0;
  double sin_lat0_ = 0.0, cos_lat0_ = 1.0;
  double m0_ = 0.0, n0_ = 0.0;
  double inv_m0_ = 0.0, inv_n0_ = 0.0;
  Eigen::Vector3d omega_W_;
};

/// Horizontal (east, north) part of a position.
inline Eigen::Vector2d Horizontal(const Eigen::Vector3d& p_W) { return p_W.head<2>(); }

}  // namespace cupola

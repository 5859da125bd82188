#include "cupola/geo/local_frame.h"

#include <GeographicLib/Constants.hpp>
#include <cmath>

#include "cupola/core/units.h"

namespace cupola {

namespace {
constexpr double kEarthRate_radps = 7.292115e-5;  // WGS84 omega
}

LocalFrame::LocalFrame(const GeodeticPoint& origin)
    : origin_(origin), cartesian_(origin.lat_deg, origin.lon_deg, origin.alt_m) {
  const double a = GeographicLib::Constants::WGS84_a();
  const double f = GeographicLib::Constants::WGS84_f();
  const double e2 = f * (2.0 - f);
  lat0_rad_ = DegToRad(origin.lat_deg);
  const double s = std::sin(lat0_rad_);
  sin_lat0_ = s;
  cos_lat0_ = std::cos(lat0_rad_);
  const double w = std::sqrt(1.0 - e2 * s * s);
  n0_ = a / w;
  m0_ = a * (1.0 - e2) / (w * w * w);
  inv_n0_ = 1.0 / n0_;
  inv_m0_ = 1.0 / m0_;
  omega_W_ = Eigen::Vector3d(0.0, std::cos(lat0_rad_), s) * kEarthRate_radps;
}

Eigen::Vector3d LocalFrame::ToLocal(const GeodeticPoint& point) const {
  Eigen::Vector3d p;
  cartesian_.Forward(point.lat_deg, point.lon_deg, point.alt_m, p.x(), p.y(), p.z());
  return p;
}

GeodeticPoint LocalFrame::ToGeodetic(const Eigen::Vector3d& p_W) const {
  GeodeticPoint g;
  cartesian_.Reverse(p_W.x(), p_W.y(), p_W.z(), g.lat_deg, g.lon_deg, g.alt_m);
  return g;
}

double LocalFrame::Height(const Eigen::Vector3d& p_W) const { return ToGeodetic(p_W).alt_m; }

}  // namespace cupola

// cupola/io/geo_json.h -- positions as they appear in output files.
//
// Geodetic (WGS84) rounded to 1e-7 deg (1 cm) and altitudes to 1 mm: finer
// digits are below any model's accuracy and would only make files differ.
#pragma once

#include <Eigen/Core>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cupola/geo/polygon.h"
#include "cupola/sim/world.h"

namespace cupola {

/// x rounded to a multiple of `unit` (a power of ten, or its inverse is an
/// integer): n / (1 / unit) is the double nearest the decimal, so files read
/// 14.732, not 14.732000000000001 as n * unit would give.
inline double RoundTo(double x, double unit) { return std::round(x / unit) / std::round(1.0 / unit); }

/// {"lat_deg", "lon_deg", "alt_m"} of a point in W.
nlohmann::ordered_json LatLonAltJson(const World& world, const Eigen::Vector3d& p_W);
/// [lon_deg, lat_deg] of a point in W (GeoJSON order).
nlohmann::ordered_json LonLatJson(const World& world, const Eigen::Vector3d& p_W);
/// A closed GeoJSON ring [[lon, lat], ...] of a polygon on the ground of W,
/// counter-clockwise (RFC 7946) whichever way the polygon was listed.
nlohmann::ordered_json GeoJsonRing(const World& world, const Polygon& polygon);
/// A GeoJSON Feature.
nlohmann::ordered_json GeoJsonFeature(nlohmann::ordered_json geometry, nlohmann::ordered_json properties);

}  // namespace cupola

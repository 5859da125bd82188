// cupola/core/units.h -- unit conversions and angle helpers.
//
// Everything inside cupola is SI (m, s, kg, rad). Files and the CLI speak the
// user's units with the unit in the key name; conversion happens once, at the
// edge, with these helpers.
#pragma once

#include <cmath>
#include <numbers>

namespace cupola {

inline constexpr double kPi = std::numbers::pi;
inline constexpr double kDegToRad = kPi / 180.0;
inline constexpr double kRadToDeg = 180.0 / kPi;
inline constexpr double kStandardGravity = 9.80665;  // m/s^2, g0 (exact by definition)

constexpr double DegToRad(double deg) { return deg * kDegToRad; }
constexpr double RadToDeg(double rad) { return rad * kRadToDeg; }
constexpr double KmToM(double km) { return km * 1000.0; }
constexpr double KmhToMps(double kmh) { return kmh / 3.6; }

/// Wraps an angle to [-pi, pi).
inline double WrapToPi(double angle_rad) {
  double a = std::fmod(angle_rad + kPi, 2.0 * kPi);
  if (a < 0.0) a += 2.0 * kPi;
  return a - kPi;
}

}  // namespace cupola

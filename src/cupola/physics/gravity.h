// cupola/physics/gravity.h -- WGS84 normal gravity.
//
// Somigliana's closed form with the second-order height correction
// (NIMA TR8350.2, 3rd ed., eqs. 4-1 and 4-3):
//   gamma(phi)   = gamma_e (1 + k sin^2 phi) / sqrt(1 - e^2 sin^2 phi)
//   gamma(phi,h) = gamma(phi) [1 - (2/a)(1 + f + m - 2 f sin^2 phi) h + 3 h^2 / a^2]
// Normal gravity already contains the centrifugal acceleration of the
// rotating Earth; it acts along the ellipsoid normal, downwards.
#pragma once

#include <cmath>

namespace cupola {

/// Magnitude of WGS84 normal gravity [m/s^2] at geodetic latitude [rad] and
/// ellipsoidal height [m].
double NormalGravity(double latitude_rad, double height_m);
/// The same from sin(latitude), for the hot loop (no trigonometric call;
/// inline, as flights and predictions call it millions of times).
inline double NormalGravityFromSin(double sin_latitude, double height_m) {
  constexpr double kGammaEquator = 9.7803253359;
  constexpr double kSomiglianaK = 0.00193185265241;
  constexpr double kE2 = 0.00669437999013;
  constexpr double kA = 6378137.0;
  constexpr double kF = 1.0 / 298.257223563;
  constexpr double kM = 0.00344978650684;
  constexpr double kThreeOverA2 = 3.0 / (kA * kA);  // products, not divisions, in the hot loop
  const double s2 = sin_latitude * sin_latitude;
  const double gamma = kGammaEquator * (1.0 + kSomiglianaK * s2) / std::sqrt(1.0 - kE2 * s2);
  return gamma * (1.0 - 2.0 / kA * (1.0 + kF + kM - 2.0 * kF * s2) * height_m + kThreeOverA2 * height_m * height_m);
}

}  // namespace cupola

// cupola/physics/gravity.h -- WGS84 normal gravity.
//
// Somigliana's closed form with the second-order height correction
// (NIMA TR8350.2, 3rd ed., eqs. 4-1 and 4-3):
//   gamma(phi)   = gamma_e (1 + k sin^2 phi) / sqrt(1 - e^2 sin^2 phi)
//   gamma(phi,h) = gamma(phi) [1 - (2/a)(1 + f + m - 2 f sin^2 phi) h + 3 h^2 / a^2]
// Normal gravity already contains the centrifugal acceleration of the
// rotating Earth; it acts along the ellipsoid normal, downwards.
#pragma once

namespace cupola {

/// Magnitude of WGS84 normal gravity [m/s^2] at geodetic latitude [rad] and
/// ellipsoidal height [m].
double NormalGravity(double latitude_rad, double height_m);
/// The same from sin(latitude), for the hot loop (no trigonometric call).
double NormalGravityFromSin(double sin_latitude, double height_m);

}  // namespace cupola

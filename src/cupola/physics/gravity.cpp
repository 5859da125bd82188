#include "cupola/physics/gravity.h"

#include <cmath>

namespace cupola {

double NormalGravity(double latitude_rad, double height_m) {
  return NormalGravityFromSin(std::sin(latitude_rad), height_m);
}

double NormalGravityFromSin(double sin_latitude, double height_m) {
  constexpr double kGammaEquator = 9.7803253359;
  constexpr double kSomiglianaK = 0.00193185265241;
  constexpr double kE2 = 0.00669437999013;
  constexpr double kA = 6378137.0;
  constexpr double kF = 1.0 / 298.257223563;
  constexpr double kM = 0.00344978650684;
  const double s2 = sin_latitude * sin_latitude;
  const double gamma = kGammaEquator * (1.0 + kSomiglianaK * s2) / std::sqrt(1.0 - kE2 * s2);
  return gamma * (1.0 - 2.0 / kA * (1.0 + kF + kM - 2.0 * kF * s2) * height_m + 3.0 * height_m * height_m / (kA * kA));
}

}  // namespace cupola

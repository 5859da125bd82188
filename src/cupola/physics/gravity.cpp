#include "cupola/physics/gravity.h"

#include <cmath>

namespace cupola {

double NormalGravity(double latitude_rad, double height_m) {
  return NormalGravityFromSin(std::sin(latitude_rad), height_m);
}

}  // namespace cupola

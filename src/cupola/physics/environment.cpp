#include "cupola/physics/environment.h"

#include "cupola/core/units.h"
#include "cupola/physics/gravity.h"

namespace cupola {

FlightEnvironment FlightEnvironment::Standard(const LocalFrame& frame, double ground_alt_m) {
  FlightEnvironment env;
  env.frame = &frame;
  env.atmosphere = &AtmosphereTable::Standard();
  env.ground_alt_m = ground_alt_m;
  return env;
}

FlightEnvironment FlightEnvironment::Vacuum(const LocalFrame& frame) {
  FlightEnvironment env;
  env.frame = &frame;
  env.curved_earth = false;
  env.normal_gravity = false;
  env.earth_rotation = false;
  env.ground_alt_m = frame.origin().alt_m;
  return env;
}

Eigen::Vector3d FlightEnvironment::GravityAndCoriolis(const Eigen::Vector3d& p_W, const Eigen::Vector3d& v_W,
                                                      double height_m) const {
  Eigen::Vector3d a;
  if (normal_gravity) {
    const double ellipsoidal_h = height_m + ground_alt_m;
    a = -NormalGravityFromSin(frame->FastSinLatitude(p_W), ellipsoidal_h) * Up(p_W);
  } else {
    a = Eigen::Vector3d(0.0, 0.0, -kStandardGravity);
  }
  if (earth_rotation) a -= 2.0 * frame->EarthRate_W().cross(v_W);
  return a;
}

}  // namespace cupola

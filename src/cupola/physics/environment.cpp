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

}  // namespace cupola

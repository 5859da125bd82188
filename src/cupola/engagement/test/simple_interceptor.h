// A drag-free interceptor for closed-form checks in vacuum: 100 kg, 40 kg
// burnt in 2 s at 40 kN (exhaust velocity 2,000 m/s), so after burn-out it
// coasts at -2000 ln(0.6) = 1,021.65 m/s on a level line.
#pragma once

#include "cupola/physics/interceptor_type.h"

namespace cupola::test {

inline InterceptorType SimpleInterceptor() {
  InterceptorType t;
  t.name = "simple";
  t.airframe.launch_mass_kg = 100.0;
  t.airframe.diameter_m = 0.2;
  t.airframe.motor = {40000.0, 2.0, 40.0};
  t.min_intercept_speed_mps = 100.0;
  t.max_flight_time_s = 60.0;
  return t;
}

}  // namespace cupola::test

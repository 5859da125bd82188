// cupola/physics/interceptor_type.h -- the physical description of an
// interceptor missile (Tamir class).
//
// Plain data, SI units. The airframe reuses the rocket description of
// threat_type.h (mass, calibre, motor, drag), so the same point-mass physics
// flies it. The catalog (scenario/presets) fills these from public figures
// or marked assumptions (docs/interceptors.md).
#pragma once

#include <string>

#include "cupola/physics/threat_type.h"

namespace cupola {

/// Kill probability against miss distance d: Carleton exp(-d^2 / 2 r^2), or
/// the cookie cutter (1 inside the lethal radius r, 0 outside).
enum class KillModel { kCarleton, kCookieCutter };

struct InterceptorType {
  std::string name;
  std::string description;
  BallisticParams airframe;            // mass, calibre, motor, drag (launched vertically)
  double min_intercept_speed_mps = 0;  // slower than this it can no longer manoeuvre onto a target
  // The launcher's container is raised: an interceptor leaves at least this far
  // above the horizontal (straight at a low intercept point, it would sag into
  // the ground before it has the speed to hold itself up). Assumption.
  double min_launch_elevation_rad = 0.2617993877991494;  // 15 deg
  double max_flight_time_s = 0;        // self-destruct / battery life
  double max_load_factor = 0;          // lateral acceleration limit [g]
  double max_normal_force_coefficient = 0;  // C_N at the largest usable angle of attack: a_max = C_N q S / m too
  double autopilot_time_constant_s = 0;     // first-order lag from commanded to achieved acceleration
  double navigation_constant = 4.0;    // N of proportional navigation
  bool augmented_pn = false;           // augmented PN (adds N/2 x the target's normal acceleration)
  double seeker_range_m = 0;           // terminal homing starts inside this range ...
  double seeker_half_fov_rad = 0;      // ... with the target within this angle of the velocity vector
  double seeker_noise_rad = 0;         // 1-sigma range-independent angle noise of the seeker's line of sight
  double seeker_thermal_noise_rad = 0; // 1-sigma receiver thermal angle noise at seeker_range_m (grows as R^2)
  double glint_fraction_of_span = 0;   // 1-sigma glint, as a fraction of the target's span [m/m]
  double seeker_noise_correlation_s = 0;  // correlation time of the seeker's noise (first-order Gauss-Markov)
  double radome_slope = 0;             // boresight-error slope [rad/rad]: seen LOS turns by it x the body's turn
  double turning_rate_time_constant_s = 0;  // T_alpha: body rate = flight-path rate + T_alpha x its derivative
  double fuze_delay_sigma_s = 0;       // 1-sigma burst timing error about the closest approach
  double lethal_radius_m = 0;          // proximity-fuze warhead against a rocket (interceptor/endgame.h scales it per threat kind)
  KillModel kill_model = KillModel::kCarleton;
  double cost_usd = 0;                 // unit cost
  std::string source;                  // docs/interceptors.md anchor
};

}  // namespace cupola

// cupola/physics/gun_type.h -- the physical description of an automatic
// air-defence cannon of the 35 mm class firing programmable airburst rounds.
//
// Plain data, SI units. The catalog (scenario/presets) fills these from
// public figures or marked assumptions (docs/effectors.md); the model that
// turns them into a time of flight and a kill probability per burst is
// engagement/gun_weapon.h.
#pragma once

#include <string>

namespace cupola {

struct GunType {
  std::string name;
  std::string description;
  double rate_of_fire_rps = 0;       // rounds per second of the mount (all barrels)
  double muzzle_velocity_mps = 0;    // v0
  double velocity_decay_per_m = 0;   // k of v(s) = v0 exp(-k s): drag of the sub-calibre round
  int burst_rounds = 0;              // rounds in one burst (one shot of the battle manager)
  double max_range_m = 0;            // effective slant range
  double min_range_m = 0;            // the programmable fuze needs some flight to arm
  double min_elevation_rad = 0;
  double max_elevation_rad = 0;
  double slew_time_s = 0;            // from one target to the next (added to the burst time between shots)
  double dispersion_rad = 0;         // 1-sigma angular dispersion of one round about the burst's mean point
  double aim_error_rad = 0;          // 1-sigma fire-control error of the burst's mean point (shared by its rounds)
  double cloud_radius_drone_m = 0;   // Carleton radius of one round's fragment cloud against a drone
  double cloud_radius_falling_m = 0; // ... against a rocket or mortar bomb (small, hard: much less)
  double cost_per_round_usd = 0;
  std::string source;                // docs/effectors.md anchor
};

}  // namespace cupola

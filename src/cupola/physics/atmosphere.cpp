#include "cupola/physics/atmosphere.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/units.h"

namespace cupola {

namespace {
constexpr double kGasConstant = 8.31432;   // R*, J/(mol K), as in the 1976 standard
constexpr double kMolarMass = 0.0289644;   // M0, kg/mol
constexpr double kGamma = 1.4;
constexpr double kEarthRadius_m = 6356766.0;  // r0 of the standard

struct Layer {
  double base_H_m, base_T_K, lapse_Kpm, base_p_Pa;
};
constexpr Layer kLayers[] = {
    {0.0, 288.15, -0.0065, 101325.0},   {11000.0, 216.65, 0.0, 22632.1},
    {20000.0, 216.65, 0.001, 5474.89},  {32000.0, 228.65, 0.0028, 868.019},
    {47000.0, 270.65, 0.0, 110.906},    {51000.0, 270.65, -0.0028, 66.9389},
    {71000.0, 214.65, -0.002, 3.95642},
};
}  // namespace

double GeopotentialHeight(double geometric_alt_m) {
  return kEarthRadius_m * geometric_alt_m / (kEarthRadius_m + geometric_alt_m);
}

AtmosphereSample StandardAtmosphere1976(double geometric_alt_m) {
  const double H = GeopotentialHeight(geometric_alt_m);
  const Layer* layer = &kLayers[0];
  for (const Layer& candidate : kLayers)
    if (H >= candidate.base_H_m) layer = &candidate;
  const double gmr = kStandardGravity * kMolarMass / kGasConstant;
  AtmosphereSample s;
  s.temperature_K = layer->base_T_K + layer->lapse_Kpm * (H - layer->base_H_m);
  if (layer->lapse_Kpm != 0.0) {
    s.pressure_Pa = layer->base_p_Pa * std::pow(layer->base_T_K / s.temperature_K, gmr / layer->lapse_Kpm);
  } else {
    s.pressure_Pa = layer->base_p_Pa * std::exp(-gmr * (H - layer->base_H_m) / layer->base_T_K);
  }
  s.density_kgpm3 = s.pressure_Pa * kMolarMass / (kGasConstant * s.temperature_K);
  s.speed_of_sound_mps = std::sqrt(kGamma * kGasConstant * s.temperature_K / kMolarMass);
  return s;
}

AtmosphereTable::AtmosphereTable() {
  const int n = static_cast<int>((90000.0 - kMinAlt_m) / kStep_m) + 1;
  density_.resize(n);
  speed_of_sound_.resize(n);
  for (int i = 0; i < n; ++i) {
    const AtmosphereSample s = StandardAtmosphere1976(kMinAlt_m + kStep_m * i);
    density_[i] = s.density_kgpm3;
    speed_of_sound_[i] = s.speed_of_sound_mps;
  }
}

const AtmosphereTable& AtmosphereTable::Standard() {
  static const AtmosphereTable table;
  return table;
}

}  // namespace cupola

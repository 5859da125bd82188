#include "cupola/physics/atmosphere.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cupola/physics/gravity.h"
#include "cupola/core/units.h"

namespace cupola {
namespace {

double GeometricFromGeopotential(double H) {
  constexpr double r0 = 6356766.0;
  return r0 * H / (r0 - H);
}

// Layer bases of NOAA-S/T 76-1562 Table 4 (geopotential km, T in K, p in Pa).
struct Row {
  double H_km, T_K, p_Pa;
};
class AtmosphereLayerBase : public ::testing::TestWithParam<Row> {};

TEST_P(AtmosphereLayerBase, MatchesTabulatedValues) {
  const Row row = GetParam();
  const AtmosphereSample s = StandardAtmosphere1976(GeometricFromGeopotential(row.H_km * 1000.0));
  EXPECT_NEAR(s.temperature_K, row.T_K, 1e-9 * row.T_K);
  // The standard tabulates pressures to 6 significant figures.
  EXPECT_NEAR(s.pressure_Pa, row.p_Pa, 5e-6 * row.p_Pa);
}

INSTANTIATE_TEST_SUITE_P(Ussa1976, AtmosphereLayerBase,
                         ::testing::Values(Row{0, 288.15, 101325.0}, Row{11, 216.65, 22632.1},
                                           Row{20, 216.65, 5474.89}, Row{32, 228.65, 868.019},
                                           Row{47, 270.65, 110.906}, Row{51, 270.65, 66.9389},
                                           Row{71, 214.65, 3.95642}));

TEST(Atmosphere, SeaLevelDensityAndSpeedOfSound) {
  const AtmosphereSample s = StandardAtmosphere1976(0.0);
  EXPECT_NEAR(s.density_kgpm3, 1.2250, 5e-5);      // 1.2250 kg/m^3 (Table 1)
  EXPECT_NEAR(s.speed_of_sound_mps, 340.294, 1e-3);  // 340.294 m/s
}

TEST(Atmosphere, GeometricAltitudeTableValues) {
  // Geometric-altitude table of the 1976 standard at 11 km and 20 km.
  EXPECT_NEAR(StandardAtmosphere1976(11000).temperature_K, 216.774, 1e-3);
  EXPECT_NEAR(StandardAtmosphere1976(20000).pressure_Pa, 5529.3, 0.1);
}

// Found by fuzz/fuzz_detections_csv: a diverged track's NaN altitude was
// cast to a table index (undefined behaviour, an out-of-bounds read).
TEST(AtmosphereTable, NanAltitudeGivesNanAndInfinitiesTheEndValues) {
  const AtmosphereTable& table = AtmosphereTable::Standard();
  const auto nan = table.At(std::numeric_limits<double>::quiet_NaN());
  EXPECT_TRUE(std::isnan(nan.density_kgpm3));
  EXPECT_TRUE(std::isnan(nan.speed_of_sound_mps));
  EXPECT_EQ(table.At(std::numeric_limits<double>::infinity()).density_kgpm3, table.At(1e6).density_kgpm3);
  EXPECT_EQ(table.At(-std::numeric_limits<double>::infinity()).density_kgpm3, table.At(-1e6).density_kgpm3);
}

TEST(AtmosphereTable, FastTableWithinTenPpmOfExact) {
  const AtmosphereTable& table = AtmosphereTable::Standard();
  double worst_rho = 0.0, worst_a = 0.0;
  for (double z = 0.0; z <= 86000.0; z += 37.3) {
    const AtmosphereSample exact = StandardAtmosphere1976(z);
    const auto fast = table.At(z);
    worst_rho = std::max(worst_rho, std::abs(fast.density_kgpm3 / exact.density_kgpm3 - 1.0));
    worst_a = std::max(worst_a, std::abs(fast.speed_of_sound_mps / exact.speed_of_sound_mps - 1.0));
  }
  EXPECT_LT(worst_rho, 1e-5);  // largest at the layer kinks
  EXPECT_LT(worst_a, 1e-5);
}

TEST(Gravity, Wgs84NormalGravityKnownValues) {
  // TR8350.2: gamma_e = 9.7803253359, gamma_p = 9.8321849378 m/s^2.
  EXPECT_NEAR(NormalGravity(0.0, 0.0), 9.7803253359, 1e-10);
  EXPECT_NEAR(NormalGravity(kPi / 2, 0.0), 9.8321849378, 1e-9);
  // Free-air gradient near the surface: about -3.086e-6 s^-2.
  EXPECT_NEAR((NormalGravity(0.8, 1000.0) - NormalGravity(0.8, 0.0)) / 1000.0, -3.086e-6, 0.01e-6);
}

}  // namespace
}  // namespace cupola

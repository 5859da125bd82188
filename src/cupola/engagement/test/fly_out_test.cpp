#include "cupola/engagement/fly_out.h"

#include <gtest/gtest.h>

#include "simple_interceptor.h"

#include <cmath>

#include "cupola/core/units.h"
#include "cupola/scenario/presets.h"

namespace cupola {
namespace {

// Distance along a horizontal line in vacuum: the rocket equation integrated.
double VacuumDistance(double t) {
  const double ve = 2000.0, k = 0.2;  // exhaust velocity, mass flow / launch mass
  const double tb = std::min(t, 2.0);
  const double s_burn = ve / k * ((1 - k * tb) * std::log(1 - k * tb) + k * tb);
  const double v_burn = -ve * std::log(1 - k * tb);
  return s_burn + v_burn * (t - tb);
}

TEST(FlyOut, HorizontalVacuumFlightMatchesTheRocketEquation) {
  const FlyOutTable table(test::SimpleInterceptor(), nullptr);
  for (const double t : {0.5, 1.3, 2.0, 7.77, 30.0}) {
    const auto reach = table.Reach(VacuumDistance(t), 0.0);
    ASSERT_TRUE(reach) << t;
    EXPECT_NEAR(reach->time_s, t, 1e-3) << t;
    EXPECT_NEAR(reach->speed_mps, -2000.0 * std::log(1 - 0.2 * std::min(t, 2.0)), 1.0) << t;
  }
  // Coasting at constant speed for the rest of its 60 s: the reach ends there.
  EXPECT_NEAR(table.MaxDistance(0.0), VacuumDistance(60.0), 1.0);
  EXPECT_FALSE(table.Reach(VacuumDistance(60.0) + 10.0, 0.0));
}

TEST(FlyOut, GravityMakesSteepLinesSlowerAndShorter) {
  const FlyOutTable table(test::SimpleInterceptor(), nullptr);
  const auto level = table.Reach(5000.0, 0.0);
  const auto steep = table.Reach(5000.0, DegToRad(60.0));
  const auto vertical = table.Reach(5000.0, DegToRad(90.0));
  ASSERT_TRUE(level && steep && vertical);
  EXPECT_LT(level->time_s, steep->time_s);
  EXPECT_LT(steep->time_s, vertical->time_s);
  EXPECT_LT(table.MaxDistance(DegToRad(90.0)), table.MaxDistance(0.0));
  // Straight up, after burn-out the speed falls at g; the 60 s flight time ends it first.
  const double g = 9.80665;
  const double v_burn = -2000.0 * std::log(0.6) - g * 2.0;
  const double s_burn = 2000.0 / 0.2 * (0.6 * std::log(0.6) + 0.4) - 0.5 * g * 4.0;
  EXPECT_NEAR(table.MaxDistance(DegToRad(90.0)), s_burn + v_burn * 58.0 - 0.5 * g * 58.0 * 58.0, 0.1);
}

TEST(FlyOut, TamirReachesTheBatteryEnvelopeAtMachTwo) {
  const InterceptorType* tamir = FindCatalogInterceptor("tamir");
  ASSERT_NE(tamir, nullptr);
  const FlyOutTable table(*tamir, &AtmosphereTable::Standard());
  // Peak speed near the Mach 2.2 often quoted (docs/interceptors.md): 700-800 m/s.
  const auto burnout = table.Reach(1000.0, DegToRad(45.0));
  ASSERT_TRUE(burnout);
  double peak = 0.0;
  for (double d = 100.0; d < table.MaxDistance(DegToRad(45.0)); d += 100.0)
    peak = std::max(peak, table.Reach(d, DegToRad(45.0))->speed_mps);
  EXPECT_GT(peak, 700.0);
  EXPECT_LT(peak, 800.0);
  // Reaches 10 km slant range, at 45 degrees, in well under 30 s.
  const auto ten_km = table.Reach(10000.0, DegToRad(45.0));
  ASSERT_TRUE(ten_km);
  EXPECT_LT(ten_km->time_s, 30.0);
}

}  // namespace
}  // namespace cupola

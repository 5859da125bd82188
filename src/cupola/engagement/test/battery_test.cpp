#include "cupola/engagement/battery.h"

#include <gtest/gtest.h>

namespace cupola {
namespace {

TEST(Battery, FromTheScenarioWithOverrides) {
  const LocalFrame frame(GeodeticPoint{31.5, 34.6, 0.0});
  BatterySpec spec;
  spec.name = "b";
  spec.launchers.push_back({GeodeticPoint{31.5, 34.6, 0.0}, 12, 300.0, 2.0, {}});
  spec.min_range_m = 3000.0;
  spec.navigation_constant = 3.0;
  spec.augmented_pn = true;
  spec.lethal_radius_m = 4.0;
  spec.kill_model = KillModel::kCookieCutter;
  spec.single_shot_pk = 0.8;
  spec.max_interceptors_per_threat = 3;
  const BatteryModel b = BatteryModel::From(spec, frame, &AtmosphereTable::Standard(), 0.0);
  EXPECT_EQ(b.interceptor.name, "tamir");
  EXPECT_EQ(b.interceptor.navigation_constant, 3.0);
  EXPECT_TRUE(b.interceptor.augmented_pn);
  EXPECT_EQ(b.interceptor.lethal_radius_m, 4.0);
  EXPECT_EQ(b.interceptor.kill_model, KillModel::kCookieCutter);
  EXPECT_EQ(b.planning_pk.falling, 0.8);
  EXPECT_EQ(b.planning_pk.drone, 0.8);
  EXPECT_EQ(b.weapon->PlanningPk(false), 0.8);
  EXPECT_EQ(b.doctrine.max_interceptors_per_threat, 3);
  EXPECT_EQ(b.envelope.min_range_m, 3000.0);
  ASSERT_EQ(b.launchers.size(), 1u);
  EXPECT_NEAR(b.launchers[0].p_W.norm(), 0.0, 1e-6);  // at the frame's origin
  EXPECT_EQ(b.launchers[0].capacity, 12);
  // Without overrides: the catalog's values.
  BatterySpec plain;
  plain.launchers = spec.launchers;
  const BatteryModel c = BatteryModel::From(plain, frame, nullptr, 0.0);
  EXPECT_EQ(c.interceptor.navigation_constant, 4.0);
  EXPECT_EQ(c.interceptor.kill_model, KillModel::kCarleton);
  EXPECT_FALSE(c.single_shot_pk_override.has_value());  // sim/world.cpp estimates it
}

}  // namespace
}  // namespace cupola

// A gun battery in the closed loop (gun_stage.h, gun_weapon.h, area defence
// in picture.h). Shahed-class drones fly north from (0, 0) km to open ground
// at (0, 30); the only defended area, a town at (18..22, 18..22), is never on
// their path, so a point-defence battery has nothing to engage. The mounts
// stand at (1, 12) km, 1 km east of the route. Origin 50 N 30 E (1 km =
// 0.008993 deg of latitude, 0.013975 deg of longitude).
#include <gtest/gtest.h>

#include <string>

#include "cupola/scenario/loader.h"
#include "cupola/sim/replication.h"
#include "cupola/sim/summary.h"

namespace cupola {
namespace {

std::string Scenario(int drones, const std::string& batteries) {
  return R"(
version: 1
origin: {lat_deg: 50.0, lon_deg: 30.0}
duration_s: 700
seed: 5
defended_areas:
  - name: town
    value: 1000
    polygon_latlon_deg: [[50.16187, 30.25155], [50.16187, 30.30745], [50.19785, 30.30745], [50.19785, 30.25155]]
threats:
  - name: raid
    type: shahed_136
    count: )" + std::to_string(drones) + R"(
    interval_s: 20
    launch_site: {lat_deg: 50.0, lon_deg: 30.0}
    aim_point: {lat_deg: 50.26979, lon_deg: 30.0}
radars:
  - name: radar
    site: {lat_deg: 50.10792, lon_deg: 30.02795}
    revisit_s: 1
    max_range_km: 40
    min_elevation_deg: -2
    detection: {pd: 0.95, reference_range_km: 30, reference_rcs_m2: 0.1}
tracker:
  motion_model: imm
  imm_models: [cv, ct, ca]
  q_velocity_m2ps3: 0.5
  q_turn_rate: 0.00001
  max_speed_mps: 150
batteries:
)" + batteries;
}

const char* kGunArea = R"(
  - name: gun
    effector: gun
    defend: area
    launchers:
      - site: {lat_deg: 50.10792, lon_deg: 30.013975}
        interceptors: 10
)";

const char* kMissilePoint = R"(
  - name: missile
    min_range_km: 0.5
    launchers:
      - site: {lat_deg: 50.10792, lon_deg: 30.013975}
)";

ReplicationResult RunText(const std::string& text, int replication = 0) {
  const World world(LoadScenarioText(text, "gun_test.yaml"));
  return RunReplication(world, world.spec().seed, replication);
}

TEST(GunStage, AreaDefenceGunKillsADronePassingBy) {
  const ReplicationResult r = RunText(Scenario(1, kGunArea));
  ASSERT_TRUE(r.tracking);
  ASSERT_FALSE(r.tracking->interceptors.empty());
  const InterceptorRecord& burst = r.tracking->interceptors.front();
  EXPECT_EQ(burst.phase, InterceptorPhase::kDetonated);
  EXPECT_EQ(burst.target_id, 0);
  EXPECT_LT(burst.order.intercept.range_m, 4000.0);
  EXPECT_GT(burst.outcome.kill_probability, 0.5);
  EXPECT_GT(burst.order.pk, 0.5);
  EXPECT_TRUE(r.threats[0].killed);
}

TEST(GunStage, PointDefenceMissileIgnoresTheSameDrone) {
  const ReplicationResult r = RunText(Scenario(1, kMissilePoint));
  ASSERT_TRUE(r.tracking);
  EXPECT_TRUE(r.tracking->fire_orders.empty());
  EXPECT_FALSE(r.threats[0].killed);
}

TEST(GunStage, CheapestEffectiveFirst) {
  // Both area defence, side by side, both able to fire when the drone comes
  // within 4 km: priced by value_usd_per_unit, the gun's 20 x USD 1,000 burst
  // beats the USD 50,000 missile.
  const std::string both = std::string(R"(
  - name: gun
    effector: gun
    defend: area
    value_usd_per_unit: 100000
    launchers:
      - site: {lat_deg: 50.10792, lon_deg: 30.013975}
        interceptors: 10
  - name: missile
    defend: area
    min_range_km: 0.5
    max_range_km: 3.5
    value_usd_per_unit: 100000
    launchers:
      - site: {lat_deg: 50.10792, lon_deg: 30.013975}
)");
  const ReplicationResult r = RunText(Scenario(1, both));
  ASSERT_TRUE(r.tracking);
  ASSERT_FALSE(r.tracking->fire_orders.empty());
  EXPECT_EQ(r.tracking->fire_orders.front().order.battery, 0);  // the gun
}

TEST(GunStage, MagazineRunsDry) {
  const std::string one_burst = R"(
  - name: gun
    effector: gun
    defend: area
    max_interceptors_per_threat: 1
    launchers:
      - site: {lat_deg: 50.10792, lon_deg: 30.013975}
        interceptors: 2
        reload_s: 100000
)";
  const ReplicationResult r = RunText(Scenario(4, one_burst));
  ASSERT_TRUE(r.tracking);
  EXPECT_EQ(r.tracking->interceptors.size(), 2u);
  int dry = 0;
  for (const EngagementNote& n : r.tracking->engagement_notes) dry += n.reason == Reason::kMagazineEmpty;
  EXPECT_GE(dry, 2);
}

TEST(GunStage, SameSeedSameBursts) {
  const std::string text = Scenario(3, kGunArea);
  const ReplicationResult a = RunText(text, 1), b = RunText(text, 1);
  ASSERT_TRUE(a.tracking && b.tracking);
  ASSERT_EQ(a.tracking->interceptors.size(), b.tracking->interceptors.size());
  for (std::size_t k = 0; k < a.tracking->interceptors.size(); ++k) {
    EXPECT_EQ(a.tracking->interceptors[k].outcome.miss_m, b.tracking->interceptors[k].outcome.miss_m);
    EXPECT_EQ(a.tracking->interceptors[k].killed, b.tracking->interceptors[k].killed);
  }
}

}  // namespace
}  // namespace cupola

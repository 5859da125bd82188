// Engage/ignore decisions are revisited as the prediction changes: two
// drones that turn at a waypoint. One heads for a town (engaged), then turns
// away to open ground (the engagement is cancelled); the other heads for a
// farm worth less than the engagement threshold (ignored), then turns for
// the town (taken up). Positions in km east and north of the origin, at
// 50 N 30 E (1 km = 0.008993 deg of latitude, 0.013975 deg of longitude).
#include <gtest/gtest.h>

#include <map>

#include "cupola/scenario/loader.h"
#include "cupola/sim/replication.h"
#include "cupola/sim/summary.h"

namespace cupola {
namespace {

constexpr const char* kTurningDrones = R"(
version: 1
origin: {lat_deg: 50.0, lon_deg: 30.0}
duration_s: 800
seed: 3
defended_areas:
  - name: town        # x -2..2, y 18..22
    value: 1000
    polygon_latlon_deg: [[50.16187, 29.97205], [50.16187, 30.02795], [50.19785, 30.02795], [50.19785, 29.97205]]
  - name: farm        # x 18..22, y 18..22: below the engagement threshold of 1
    value: 0.5
    polygon_latlon_deg: [[50.16187, 30.25155], [50.16187, 30.30745], [50.19785, 30.30745], [50.19785, 30.25155]]
threats:
  - name: turns-away   # (0, 0) north to (0, 8), then east to (25, 8): open ground
    type: shahed_136
    launch_site: {lat_deg: 50.0, lon_deg: 30.0}
    waypoints: [{lat_deg: 50.07194, lon_deg: 30.0}]
    aim_point: {lat_deg: 50.07194, lon_deg: 30.34938}
  - name: turns-in     # (20, 0) north to (20, 8), then to the town's centre (0, 20)
    type: shahed_136
    launch_site: {lat_deg: 50.0, lon_deg: 30.2795}
    waypoints: [{lat_deg: 50.07194, lon_deg: 30.2795}]
    aim_point: {lat_deg: 50.17986, lon_deg: 30.0}
radars:
  - name: radar
    site: {lat_deg: 50.08993, lon_deg: 30.13975}
    revisit_s: 2
    max_range_km: 60
    min_elevation_deg: -1
    detection: {pd: 0.95, reference_range_km: 40, reference_rcs_m2: 0.1}
tracker:
  motion_model: imm
  imm_models: [cv, ct, ca]
  q_velocity_m2ps3: 0.5
  q_turn_rate: 0.00001
  max_speed_mps: 150
)";

TEST(DecisionsRevisited, ATurnAwayCancelsAndATurnInTakesUp) {
  const World world(LoadScenarioText(kTurningDrones, "turning_drones.yaml"));
  const ReplicationResult result = RunReplication(world, world.spec().seed, 0);
  ASSERT_TRUE(result.tracking);
  // The decisions about each drone, in time order.
  std::map<int, std::vector<DecisionRecord>> by_drone;
  for (const DecisionRecord& d : result.tracking->decisions)
    if (d.truth_id >= 0) by_drone[d.truth_id].push_back(d);
  ASSERT_EQ(by_drone.size(), 2u);

  const auto& away = by_drone.at(0);
  ASSERT_EQ(away.size(), 2u);
  EXPECT_TRUE(away[0].engage);
  EXPECT_FALSE(away[0].revises);
  EXPECT_FALSE(away[1].engage);
  EXPECT_TRUE(away[1].revises);
  EXPECT_EQ(away[1].reason.code, Reason::kOpenGround);
  // It turns at (0, 8) km, 160 s after launch at 50 m/s: revised after the turn, two predictions later.
  EXPECT_GT(away[1].t_s, 160.0);
  EXPECT_LT(away[1].t_s, 220.0);

  const auto& in = by_drone.at(1);
  ASSERT_EQ(in.size(), 2u);
  EXPECT_FALSE(in[0].engage);
  // Below the threshold, or (the farm is small against the spread of a prediction minutes ahead) open ground.
  EXPECT_TRUE(in[0].reason.code == Reason::kBelowThreshold || in[0].reason.code == Reason::kOpenGround)
      << Code(in[0].reason.code);
  EXPECT_TRUE(in[1].engage);
  EXPECT_TRUE(in[1].revises);
  EXPECT_EQ(in[1].reason.code, Reason::kValueAtRisk);
  EXPECT_GT(in[1].t_s, 160.0);

  // The decision that stood is the one scored.
  const auto finals = FinalDecisions(result.tracking->decisions);
  int engaged = 0;
  for (const DecisionRecord* d : finals) engaged += d->truth_id >= 0 && d->engage;
  EXPECT_EQ(engaged, 1);
}

}  // namespace
}  // namespace cupola

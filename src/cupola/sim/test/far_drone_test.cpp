// Issue #21 item 1: drones aimed at an area 3,000 km from the scenario
// origin, drawn and flown on the ellipsoid; decoys that come down do no damage.
#include <gtest/gtest.h>

#include <GeographicLib/Geodesic.hpp>

#include "cupola/scenario/loader.h"
#include "cupola/sim/replication.h"
#include "cupola/sim/summary.h"

namespace cupola {
namespace {

// A 20 km square near Lisbon, about 3,000 km from the origin at Kyiv.
const char* kFar = R"(version: 1
origin: {lat_deg: 50.45, lon_deg: 30.52}
duration_s: 30000
seed: 5
defended_areas:
  - name: Far
    value: 10
    polygon_latlon_deg: [[38.6, -9.2], [38.6, -8.97], [38.78, -8.97], [38.78, -9.2]]
threats:
  - {name: jets, type: geran_3, count: 8, interval_s: 2, launch_site: {lat_deg: 50.4, lon_deg: 30.4}, aim_area: Far}
  - {name: decoys, type: gerbera, count: 2, interval_s: 2, launch_site: {lat_deg: 50.4, lon_deg: 30.4},
     launch_failure_probability: 0, waypoints: [{lat_deg: 50.0, lon_deg: 29.0, loiter_s: 60}], aim_point: {lat_deg: 50.2, lon_deg: 28.5}}
  - {name: far_decoys, type: gerbera, count: 1, launch_site: {lat_deg: 38.0, lon_deg: -8.0}, launch_failure_probability: 0,
     aim_area: Far}
)";

TEST(FarDrones, AimedInsideAnAreaThreeThousandKilometresAway) {
  ScenarioSpec spec = LoadScenarioText(kFar, "far.yaml");
  for (auto& s : spec.threats) s.launch_failure_probability = 0.0;
  const World world(std::move(spec));
  ASSERT_TRUE(world.salvos()[0].far_aim.has_value());
  const GeodeticPoint launch{50.4, 30.4, 0.0}, area{38.69, -9.085, 0.0};
  double distance_m = 0.0;
  GeographicLib::Geodesic::WGS84().Inverse(launch.lat_deg, launch.lon_deg, area.lat_deg, area.lon_deg, distance_m);
  ASSERT_GT(distance_m, 2900e3);
  const ReplicationResult r = RunReplication(world, 5, 0);
  ASSERT_EQ(r.threats.size(), 11u);
  for (const auto& t : r.threats) {
    const std::string& salvo = world.salvos()[t.salvo].spec->name;
    ASSERT_TRUE(t.impacted) << salvo << " " << t.id;
    EXPECT_NEAR(world.environment().HeightExact(t.p_end_W), 0.0, 1e-3);
    if (salvo == "decoys") {
      EXPECT_EQ(t.impact_area, -1);
      continue;
    }
    EXPECT_EQ(t.impact_area, 0) << salvo << " " << t.id;  // inside the far area, drawn there
    if (salvo == "jets") {
      // Arrival: the great-circle distance at cruise speed, give or take the climb and the dive.
      const double flight_s = t.end_t_s - t.launch_t_s;
      EXPECT_NEAR(flight_s, distance_m / 140.0, 0.01 * distance_m / 140.0) << t.id;
    }
    EXPECT_TRUE(t.no_warhead == (salvo != "jets"));
  }
  const RunSummary s = Summarize(world, r);
  EXPECT_EQ(s.hits, 8);
  EXPECT_EQ(s.areas[0].impacts, 8);
  EXPECT_EQ(s.no_warhead, 3);  // decoys do no damage, in the area or not
  EXPECT_EQ(s.duds, 0);
  bool no_warhead_event = false;
  for (const auto& e : r.events) no_warhead_event |= e.reason == Reason::kNoWarhead;
  EXPECT_TRUE(no_warhead_event);
}

TEST(FarDrones, JammedNavigationTakesTheJammedCep) {
  const ScenarioSpec spec = LoadScenarioText(kFar, "far.yaml");
  SalvoSpec jammed = spec.threats[0];
  jammed.gnss_jammed = true;
  const ThreatType& type = *spec.FindThreatType("geran_3");
  EXPECT_EQ(ReliabilityOf(spec.threats[0], type).cep_m, 15.0);
  EXPECT_EQ(ReliabilityOf(jammed, type).cep_m, 300.0);
}

}  // namespace
}  // namespace cupola

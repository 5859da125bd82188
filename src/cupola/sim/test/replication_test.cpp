#include "cupola/sim/replication.h"

#include <gtest/gtest.h>

#include <set>

#include "cupola/scenario/loader.h"
#include "cupola/sim/summary.h"

namespace cupola {
namespace {

// Three salvos laid on one point with no dispersion: the fire-control table
// must put every round within metres of it, wind and Earth rotation included.
const char* kAimed = R"(version: 1
origin: {lat_deg: 31.5, lon_deg: 34.6}
duration_s: 900
seed: 11
physics: {wind: {speed_mps: 6, from_deg: 250}}
defended_areas:
  - name: Square
    value: 100
    polygon_latlon_deg: [[31.49, 34.59], [31.49, 34.61], [31.51, 34.61], [31.51, 34.59]]
threats:
  - {name: grad, type: rocket_122mm, count: 2, interval_s: 1, launch_site: {lat_deg: 31.62, lon_deg: 34.52}, aim_point: {lat_deg: 31.5, lon_deg: 34.6}}
  - {name: qassam, type: qassam, count: 2, start_s: 5, launch_site: {lat_deg: 31.55, lon_deg: 34.55}, aim_point: {lat_deg: 31.5, lon_deg: 34.6}}
  - {name: mortar, type: mortar_120mm, count: 2, start_s: 9, launch_site: {lat_deg: 31.53, lon_deg: 34.57}, aim_point: {lat_deg: 31.5, lon_deg: 34.6}}
  - name: far
    type: mortar_81mm
    count: 1
    launch_site: {lat_deg: 31.40, lon_deg: 34.60}
    aim_point: {lat_deg: 31.5, lon_deg: 34.6}
  - name: drone
    type: shahed_136
    count: 1
    launch_site: {lat_deg: 31.70, lon_deg: 34.70}
    waypoints: [{lat_deg: 31.60, lon_deg: 34.75}]
    aim_point: {lat_deg: 31.5, lon_deg: 34.6}
)";

// Threats that never fail and land where they are laid (no type CEP): the
// baseline of the fire-control and decision tests.
ScenarioSpec Perfect(ScenarioSpec spec) {
  for (auto& s : spec.threats) {
    s.launch_failure_probability = s.motor_failure_probability = s.dud_probability = 0.0;
    s.cep_fraction_of_range = s.cep_m = 0.0;
  }
  return spec;
}

TEST(Replication, FireControlPutsRoundsOnTheAimPoint) {
  const World world(Perfect(LoadScenarioText(kAimed, "aimed.yaml")));
  const ReplicationResult r = RunReplication(world, 11, 0);
  ASSERT_EQ(r.threats.size(), 8u);
  for (const auto& t : r.threats) {
    ASSERT_TRUE(t.impacted) << t.id;
    const double miss = t.p_end_W.head<2>().norm();  // the aim point is the origin
    const std::string& salvo = world.salvos()[t.salvo].spec->name;
    if (salvo == "far") {
      // 11 km is beyond the 81 mm's range: fired at the limit, falls short.
      EXPECT_FALSE(t.aim_in_range);
      EXPECT_GT(miss, 4000.0);
      EXPECT_EQ(t.impact_area, -1);
    } else {
      EXPECT_TRUE(t.aim_in_range) << salvo;
      EXPECT_LT(miss, salvo == "drone" ? 1.0 : 15.0) << salvo;
      EXPECT_EQ(t.impact_area, 0) << salvo;
    }
    EXPECT_NEAR(world.environment().HeightExact(t.p_end_W), 0.0, 1e-3);
  }
  const RunSummary s = Summarize(world, r);
  EXPECT_EQ(s.threats, 8);
  EXPECT_EQ(s.areas[0].aimed, 8);  // "far" aims at a point inside the area too
  EXPECT_EQ(s.areas[0].impacts, 7);
  EXPECT_EQ(s.open_ground, 1);
  EXPECT_EQ(s.aim_out_of_range, 1);
}

TEST(Replication, SameSeedSameResultAnyThreadCount) {
  const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml"));
  ReplicationOptions one, two;
  one.threads = 1;
  two.threads = 2;
  const ReplicationResult a = RunReplication(world, 5, 3, one);
  const ReplicationResult b = RunReplication(world, 5, 3, two);
  ASSERT_EQ(a.trajectories.size(), b.trajectories.size());
  for (std::size_t i = 0; i < a.trajectories.size(); ++i) {
    ASSERT_EQ(a.trajectories[i].threat_id, b.trajectories[i].threat_id);
    ASSERT_EQ(a.trajectories[i].p_W, b.trajectories[i].p_W);  // bit for bit
  }
  ASSERT_EQ(a.events.size(), b.events.size());
  for (std::size_t i = 0; i < a.events.size(); ++i) {
    EXPECT_EQ(a.events[i].t_s, b.events[i].t_s);
    EXPECT_EQ(a.events[i].type, b.events[i].type);
  }
  // A different replication index draws different aim points.
  const ReplicationResult c = RunReplication(world, 5, 4, one);
  EXPECT_NE(a.threats[0].aim_EN, c.threats[0].aim_EN);
}

TEST(Replication, EventsAreInTimeOrderWithOneLaunchAndOneEndPerThreat) {
  ScenarioSpec spec = LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/drone_raid_city.yaml");
  spec.radars.clear();  // flights only: keeps the test quick under the sanitizers
  const World world(spec);
  const ReplicationResult r = RunReplication(world, world.spec().seed, 0);
  int launches = 0, ends = 0;
  for (std::size_t i = 0; i < r.events.size(); ++i) {
    if (i > 0) {
      EXPECT_LE(r.events[i - 1].t_s, r.events[i].t_s);
    }
    launches += r.events[i].type == EventType::kLaunch;
    // A launch failure ends where it began: its failure is its end.
    ends += r.events[i].type == EventType::kImpact || r.events[i].type == EventType::kAirborneAtEnd ||
            (r.events[i].type == EventType::kThreatFailure && r.events[i].reason == Reason::kLaunchFailure);
  }
  EXPECT_EQ(launches, 28);
  EXPECT_EQ(ends, 28);
}

TEST(Replication, ThreatStillFlyingAtTheEndIsReported) {
  std::string text = kAimed;
  text.replace(text.find("duration_s: 900"), 15, "duration_s: 30");
  const World world(Perfect(LoadScenarioText(text, "short.yaml")));
  const ReplicationResult r = RunReplication(world, 1, 0);
  const RunSummary s = Summarize(world, r);
  EXPECT_GT(s.airborne_at_end, 0);
  for (const auto& t : r.threats)
    if (!t.impacted) {
      EXPECT_DOUBLE_EQ(t.end_t_s, 30.0);
    }
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

// The defining behaviour: engage the rockets bound for the town, let those
// bound for open ground fall. The default scenario's geometry with the aim
// error taken away: eight rockets laid on the town centre, five on fields
// 4 km north of the town's edge. Three seconds of ballistic track must tell
// them apart, all thirteen (and do for seeds 1-8 too). With the scenario's
// aim error, rounds near the town's edge are where decisions go wrong (8-13
// of 13 right over seeds 1-10): the subject of the outcomes issue.
TEST(Replication, EngagesWhatThreatensTheTownAndIgnoresTheRest) {
  ScenarioSpec spec = LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml");
  ASSERT_EQ(spec.threats.size(), 3u);
  for (auto& salvo : spec.threats) salvo.aim_sigma_m = 0.0, salvo.aim_area.clear();
  spec.threats[0].aim_point = spec.threats[2].aim_point = GeodeticPoint{31.5250, 34.5960, 0.0};  // the centre
  spec.threats[1].aim_point = GeodeticPoint{31.5700, 34.6000, 0.0};                              // the fields
  const World world(Perfect(spec));
  ASSERT_EQ(world.salvos()[0].aim_area, 0);
  ASSERT_EQ(world.salvos()[1].aim_area, -1);
  const ReplicationResult r = RunReplication(world, world.spec().seed, 0);
  ASSERT_TRUE(r.tracking.has_value());
  const auto& decisions = r.tracking->decisions;
  EXPECT_EQ(decisions.size(), r.threats.size());
  int engaged = 0;
  for (const auto& d : decisions) {
    ASSERT_GE(d.truth_id, 0);
    EXPECT_EQ(d.engage, d.should_engage) << "track " << d.track_id << ": " << Code(d.reason.code);
    engaged += d.engage;
  }
  // Engaged: exactly the rockets that would have come down in Sderot, untouched.
  int would_hit = 0;
  for (const auto& t : r.threats) would_hit += t.natural_impact_area >= 0;
  EXPECT_EQ(engaged, would_hit);
}

// The closed loop: what the interceptors did is what happened to the threats.
TEST(Replication, InterceptorKillsEndThreatsInTheAir) {
  const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml"));
  const ReplicationResult r = RunReplication(world, world.spec().seed, 0);
  ASSERT_TRUE(r.tracking.has_value());
  int kills = 0;
  for (const auto& i : r.tracking->interceptors) {
    if (!i.killed) continue;
    ++kills;
    EXPECT_EQ(i.phase, InterceptorPhase::kDetonated);
    EXPECT_LE(i.outcome.miss_m, 3.0 * world.batteries()[i.order.battery].interceptor.lethal_radius_m);
    ASSERT_GE(i.target_id, 0);
    const ThreatOutcome& t = r.threats[i.target_id];
    EXPECT_TRUE(t.killed);
    EXPECT_FALSE(t.impacted);
    EXPECT_NEAR(t.end_t_s, i.outcome.t_s, 1e-9);
    EXPECT_GT(world.environment().HeightFast(t.p_end_W), 0.0);  // in the air
    EXPECT_NEAR(r.truth[i.target_id].end_t(), i.outcome.t_s, 1e-9);
  }
  EXPECT_GT(kills, 0);
  const RunSummary s = Summarize(world, r);
  ASSERT_TRUE(s.defence.has_value());
  const ThreatFates& f = s.defence->fates;
  EXPECT_EQ(f.intercepted, kills);
  EXPECT_EQ(f.intercepted + f.leaked_engaged + f.leaked_ignored + f.ignored_open_ground + f.engaged_open_ground +
                f.airborne_at_end + f.launch_failures + f.duds,
            s.threats);
  EXPECT_EQ(s.intercepted + s.impacts + s.airborne_at_end + s.launch_failures, s.threats);
  // No radar sees a threat after its kill.
  for (const auto& scan : r.tracking->scans)
    for (const int id : scan.truth_ids)
      if (id >= 0 && r.threats[id].killed) {
        EXPECT_LE(scan.t_s, r.threats[id].end_t_s + 1e-9);
      }
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

// Civil defence in the default scenario: every rocket that comes down in an
// alert zone was alerted beforehand, with positive warning time.
TEST(Replication, AlertZonesAreWarnedBeforeEveryImpact) {
  const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml"));
  const ReplicationResult r = RunReplication(world, world.spec().seed, 0);
  ASSERT_TRUE(r.tracking.has_value());
  ASSERT_EQ(r.tracking->zone_scores.size(), 2u);
  int impacts = 0;
  for (const auto& zone : r.tracking->zone_scores) {
    EXPECT_EQ(zone.missed, 0) << zone.name;
    EXPECT_GE(zone.true_alerts, zone.impacts) << zone.name;
    if (zone.impacts > 0) {
      EXPECT_GT(zone.min_warning_s, 0.0) << zone.name;
    }
    EXPECT_EQ(zone.alerts, zone.true_alerts + zone.false_alarms);
    impacts += zone.impacts;
  }
  EXPECT_GT(impacts, 0);
  for (const auto& a : r.tracking->alerts) EXPECT_GE(a.probability, world.alert_zones()[a.zone].threshold_probability);
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

// Common random numbers: a different doctrine in the battery changes which
// threats die and when, but no draw of anything the doctrine does not touch:
// the same launches and aim points, the same clutter in every scan, and the
// same detections of every threat never fired at in either run.
TEST(Replication, CommonRandomNumbersAcrossADoctrineChange) {
  const ScenarioSpec base = LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml");
  ScenarioSpec changed = base;
  ASSERT_FALSE(changed.batteries.empty());
  changed.batteries[0].max_interceptors_per_threat = 1;
  changed.batteries[0].shoot_look_shoot = false;
  const World world_a(base), world_b(changed);
  const ReplicationResult a = RunReplication(world_a, base.seed, 0), b = RunReplication(world_b, base.seed, 0);
  ASSERT_TRUE(a.tracking && b.tracking);
  ASSERT_NE(a.tracking->fire_orders.size(), b.tracking->fire_orders.size());  // the doctrine did change the fight

  ASSERT_EQ(a.threats.size(), b.threats.size());
  for (std::size_t i = 0; i < a.threats.size(); ++i) {
    EXPECT_EQ(a.threats[i].launch_t_s, b.threats[i].launch_t_s);
    EXPECT_EQ(a.threats[i].aim_EN, b.threats[i].aim_EN);  // bit for bit
  }
  std::set<int> fired_at;
  for (const auto* r : {&a, &b})
    for (const auto& f : r->tracking->fire_orders) fired_at.insert(f.truth_id);
  ASSERT_EQ(a.tracking->scans.size(), b.tracking->scans.size());
  int clutter = 0, untouched = 0;
  for (std::size_t s = 0; s < a.tracking->scans.size(); ++s) {
    // Per scan: the false alarms, and the detections of threats nobody fired at.
    auto Unaffected = [&](const ScanRecord& scan) {
      std::vector<std::pair<int, Spherical>> kept;
      for (std::size_t k = 0; k < scan.detections.size(); ++k)
        if (scan.truth_ids[k] < 0 || !fired_at.count(scan.truth_ids[k]))
          kept.emplace_back(scan.truth_ids[k], scan.detections[k].z);
      return kept;
    };
    const auto in_a = Unaffected(a.tracking->scans[s]), in_b = Unaffected(b.tracking->scans[s]);
    ASSERT_EQ(in_a.size(), in_b.size()) << "scan " << s;
    for (std::size_t k = 0; k < in_a.size(); ++k) {
      EXPECT_EQ(in_a[k].first, in_b[k].first);
      EXPECT_EQ(in_a[k].second, in_b[k].second);  // bit for bit
      (in_a[k].first < 0 ? clutter : untouched) += 1;
    }
  }
  EXPECT_GT(clutter, 1000);   // about one false alarm per scan
  EXPECT_GT(untouched, 50);   // the rockets let fall in open ground
}

}  // namespace
}  // namespace cupola

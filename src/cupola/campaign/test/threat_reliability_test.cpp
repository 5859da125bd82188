// Issue 20 item 1: the attacker's failures and aiming error, measured over
// many threats at fixed seeds against the configured probabilities (Wilson
// 95 % intervals: each test fails when the draws or their use are wrong).
#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "cupola/campaign/replication_metrics.h"
#include "cupola/campaign/statistics.h"
#include "cupola/scenario/loader.h"
#include "cupola/sim/replication.h"
#include "cupola/sim/summary.h"

namespace cupola {
namespace {

// A Qassam salvo at a town 6 km away; `extra` adds keys to the salvo.
std::string Scenario(const std::string& extra, int count = 100, const std::string& more = "") {
  return R"(version: 1
origin: {lat_deg: 31.5, lon_deg: 34.6}
duration_s: 600
seed: 20
defended_areas:
  - name: Town
    value: 100
    polygon_latlon_deg: [[31.49, 34.59], [31.49, 34.61], [31.51, 34.61], [31.51, 34.59]]
threats:
  - name: q
    type: qassam
    count: )" + std::to_string(count) + R"(
    interval_s: 1
    launch_site: {lat_deg: 31.554, lon_deg: 34.6}
    aim_point: {lat_deg: 31.5, lon_deg: 34.6}
)" + extra + more;
}

bool Inside(const ConfidenceInterval& ci, double p) { return ci.low <= p && p <= ci.high; }

TEST(ThreatReliability, FallShortShareMatchesItsProbability) {
  // Qassam defaults: launch 0.05, motor 0.05: 1 - 0.95^2 fall short (the aim is in range).
  const World world(LoadScenarioText(Scenario("    cep_fraction_of_range: 0\n", 100), "q.yaml"));
  const double launch_range = (world.salvos()[0].aim_EN - world.salvos()[0].p_launch_W.head<2>()).norm();
  std::size_t n = 0, fell_short = 0, launch_failures = 0, motor_failures = 0;
  for (std::uint64_t rep = 0; rep < 20; ++rep) {
    const ReplicationResult r = RunReplication(world, 20, rep);
    const ReplicationRecord record = MeasureReplication(world, r, rep);
    n += r.threats.size();
    fell_short += static_cast<std::size_t>(record.metrics.fell_short);
    launch_failures += static_cast<std::size_t>(record.metrics.launch_failures);
    for (const ThreatOutcome& o : r.threats) {
      ASSERT_TRUE(o.aim_in_range);
      if (o.failure != ThreatFailure::kMotor) continue;
      ++motor_failures;
      // A short burn: it comes down short of its aim, nearer its launcher.
      ASSERT_TRUE(o.impacted);
      EXPECT_LT((o.p_end_W - o.p_launch_W).head<2>().norm(), launch_range - 100.0);
      EXPECT_GT(o.failure_t_s, o.launch_t_s);
      EXPECT_LT(o.failure_t_s, o.launch_t_s + 2.5);  // within the 2.5 s burn
    }
  }
  ASSERT_EQ(n, 2000u);
  EXPECT_TRUE(Inside(WilsonInterval(fell_short, n), 1.0 - 0.95 * 0.95)) << fell_short << " of " << n;
  EXPECT_TRUE(Inside(WilsonInterval(launch_failures, n), 0.05)) << launch_failures;
  EXPECT_TRUE(Inside(WilsonInterval(motor_failures, n), 0.95 * 0.05)) << motor_failures;
  EXPECT_EQ(fell_short, launch_failures + motor_failures);
}

TEST(ThreatReliability, OverridesMoveTheShareAndNothingElse) {
  // The same seeds with failures off: no round falls short, and the aim
  // points (their own streams) do not move.
  const World off(LoadScenarioText(Scenario("    launch_failure_probability: 0\n    motor_failure_probability: 0\n"), "o.yaml"));
  const World on(LoadScenarioText(Scenario("    launch_failure_probability: 0.5\n    motor_failure_probability: 0\n"), "n.yaml"));
  const ReplicationResult a = RunReplication(off, 20, 0), b = RunReplication(on, 20, 0);
  const RunSummary sa = Summarize(off, a), sb = Summarize(on, b);
  EXPECT_EQ(sa.fell_short, 0);
  EXPECT_TRUE(Inside(WilsonInterval(static_cast<std::size_t>(sb.launch_failures), 100), 0.5));
  for (std::size_t i = 0; i < a.threats.size(); ++i) EXPECT_EQ(a.threats[i].aim_EN, b.threats[i].aim_EN);
}

TEST(ThreatReliability, AimErrorCepIsFractionOfRange) {
  // Half the laid points fall within CEP = fraction x range of the aim.
  const double fraction = 0.03;
  const World world(LoadScenarioText(
      Scenario("    cep_fraction_of_range: 0.03\n    launch_failure_probability: 0\n    motor_failure_probability: 0\n",
               500),
      "c.yaml"));
  const Eigen::Vector2d aim = world.salvos()[0].aim_EN;
  const double cep = fraction * (aim - world.salvos()[0].p_launch_W.head<2>()).norm();
  std::size_t inside = 0, n = 0;
  for (std::uint64_t rep = 0; rep < 4; ++rep)
    for (const ThreatOutcome& o : RunReplication(world, 20, rep).threats) {
      ++n;
      inside += (o.aim_EN - aim).norm() <= cep;
    }
  ASSERT_EQ(n, 2000u);
  EXPECT_TRUE(Inside(WilsonInterval(inside, n), 0.5)) << inside << " of " << n << " within " << cep << " m";
  // And twice the CEP holds 1 - 2^-4 = 93.75 % (Rayleigh: P(r < k CEP) = 1 - 2^(-k^2)).
  std::size_t inside2 = 0;
  for (std::uint64_t rep = 0; rep < 4; ++rep)
    for (const ThreatOutcome& o : RunReplication(world, 20, rep).threats) inside2 += (o.aim_EN - aim).norm() <= 2 * cep;
  EXPECT_TRUE(Inside(WilsonInterval(inside2, n), 0.9375)) << inside2;
}

TEST(ThreatReliability, DudsDoNoDamage) {
  const World world(LoadScenarioText(
      Scenario("    dud_probability: 1\n    cep_fraction_of_range: 0\n    launch_failure_probability: 0\n"
               "    motor_failure_probability: 0\n",
               10),
      "d.yaml"));
  const ReplicationResult r = RunReplication(world, 20, 0);
  const ReplicationRecord record = MeasureReplication(world, r, 0);
  for (const ThreatOutcome& o : r.threats) {
    EXPECT_TRUE(o.impacted);
    EXPECT_EQ(o.impact_area, 0);  // it came down in the town ...
    EXPECT_FALSE(o.Hit());        // ... and did nothing
  }
  EXPECT_EQ(record.metrics.duds, 10);
  EXPECT_EQ(record.metrics.hits_defended, 0);
  EXPECT_EQ(record.metrics.value_lost, 0.0);
  for (const ThreatRecord& t : record.threats) EXPECT_EQ(t.fate, "dud");
  const RunSummary s = Summarize(world, r);
  EXPECT_EQ(s.areas[0].impacts, 0);
  EXPECT_EQ(s.duds, 10);
}

TEST(ThreatReliability, LaunchFailuresAreNeverDetected) {
  const std::string radar = R"(radars:
  - name: r
    site: {lat_deg: 31.5, lon_deg: 34.55, alt_m: 10}
    revisit_s: 1
)";
  const World world(LoadScenarioText(
      Scenario("    launch_failure_probability: 0.5\n    motor_failure_probability: 0\n", 40, radar), "l.yaml"));
  const ReplicationResult r = RunReplication(world, 20, 0);
  ASSERT_TRUE(r.tracking);
  int failed = 0, seen_flying = 0;
  std::vector<char> seen(r.threats.size(), 0);
  for (const ScanRecord& scan : r.tracking->scans)
    for (int id : scan.truth_ids)
      if (id >= 0) seen[static_cast<std::size_t>(id)] = 1;
  for (const ThreatOutcome& o : r.threats) {
    if (o.failure == ThreatFailure::kLaunch) {
      ++failed;
      EXPECT_FALSE(seen[static_cast<std::size_t>(o.id)]) << o.id;
      EXPECT_FALSE(o.impacted);
      EXPECT_FALSE(o.killed);
    } else {
      seen_flying += seen[static_cast<std::size_t>(o.id)];
    }
  }
  EXPECT_GT(failed, 5);
  EXPECT_GT(seen_flying, 5);  // the radar does see the rounds that fly
  const RunSummary s = Summarize(world, r);
  EXPECT_EQ(s.launch_failures, failed);
  EXPECT_EQ(s.airborne_at_end, 0);
}

}  // namespace
}  // namespace cupola

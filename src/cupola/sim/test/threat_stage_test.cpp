// The threats on the clock: in the air from launch to end, an outcome
// written when its end happens, and a kill that ends the flight there.
#include "cupola/sim/threat_stage.h"

#include <gtest/gtest.h>

namespace cupola {
namespace {

// A threat flying straight and level at 100 m/s along x from t0 to t1,
// impacting (in defended area `area`) at t1 when `impacts`.
FlightAhead Straight(int id, double t0, double t1, bool impacts, int area) {
  FlightAhead f;
  f.path.id = id;
  f.path.rcs_m2 = 0.05;
  for (double t = t0; t <= t1 + 1e-9; t += 1.0)
    f.path.points.push_back({t, Eigen::Vector3d(100.0 * (t - t0), 0, 1000.0), Eigen::Vector3d(100, 0, 0)});
  f.path.impacted = impacts;
  f.impact_area = area;
  return f;
}

ThreatStage ThreeThreats() {
  std::vector<ThreatOutcome> launched(3);
  std::vector<FlightAhead> ahead;
  ahead.push_back(Straight(0, 0.0, 30.0, true, 2));   // impacts in area 2 at 30 s
  ahead.push_back(Straight(1, 10.0, 40.0, true, -1));  // impacts in open ground at 40 s
  ahead.push_back(Straight(2, 5.0, 60.0, false, -1));  // still flying when the run ends at 60 s
  for (int id = 0; id < 3; ++id) launched[id].id = id, launched[id].launch_t_s = ahead[id].path.start_t();
  return ThreatStage(std::move(launched), std::move(ahead));
}

// Handles every due up to and including t_s.
void RunTo(Clock& clock, ThreatStage& threats, double t_s) {
  while (!clock.empty() && clock.next().t_s <= t_s) threats.Handle(clock.Pop());
}

TEST(ThreatStage, InTheAirFromLaunchToImpact) {
  ThreatStage threats = ThreeThreats();
  Clock clock;
  threats.ScheduleOn(clock, 60.0);
  std::vector<int> ids;
  threats.AliveAt(0.0, ids);
  EXPECT_TRUE(ids.empty());  // nothing launched before the clock runs
  RunTo(clock, threats, 7.0);
  threats.AliveAt(7.0, ids);
  EXPECT_EQ(ids, (std::vector<int>{0, 2}));
  RunTo(clock, threats, 35.0);
  threats.AliveAt(35.0, ids);
  EXPECT_EQ(ids, (std::vector<int>{1, 2}));  // 0 came down at 30 s
  // Its outcome is written when its impact happened, before the run ends.
  const ThreatOutcome& o = threats.outcomes()[0];
  EXPECT_TRUE(o.impacted);
  EXPECT_EQ(o.impact_area, 2);
  EXPECT_DOUBLE_EQ(o.end_t_s, 30.0);
  EXPECT_DOUBLE_EQ(o.p_end_W.x(), 3000.0);
  EXPECT_FALSE(threats.outcomes()[1].impacted);  // not yet
}

TEST(ThreatStage, AKillEndsTheFlightWhereItHappens) {
  ThreatStage threats = ThreeThreats();
  Clock clock;
  threats.ScheduleOn(clock, 60.0);
  RunTo(clock, threats, 20.0);
  threats.Kill(1, 25.5);  // 15.5 s after its launch: 1,550 m down range
  std::vector<int> ids;
  threats.AliveAt(25.5, ids);
  EXPECT_EQ(ids, (std::vector<int>{0, 2}));
  const ThreatOutcome& o = threats.outcomes()[1];
  EXPECT_TRUE(o.killed);
  EXPECT_FALSE(o.impacted);
  EXPECT_DOUBLE_EQ(o.end_t_s, 25.5);
  EXPECT_NEAR(o.p_end_W.x(), 1550.0, 1e-9);
  EXPECT_DOUBLE_EQ(threats.truth()[1].end_t(), 25.5);  // the rest of its flight never happens
  // Its impact, still on the clock, no longer happens.
  RunTo(clock, threats, 60.0);
  EXPECT_FALSE(threats.outcomes()[1].impacted);
  EXPECT_EQ(threats.outcomes()[1].natural_impact_area, -1);  // open ground, had it come down
  // A threat that has come down cannot be killed afterwards.
  threats.Kill(0, 29.0);
  EXPECT_TRUE(threats.outcomes()[0].impacted);
  EXPECT_FALSE(threats.outcomes()[0].killed);
}

TEST(ThreatStage, StillFlyingAtTheEndOfTheRun) {
  ThreatStage threats = ThreeThreats();
  Clock clock;
  threats.ScheduleOn(clock, 60.0);
  RunTo(clock, threats, 60.0);
  threats.Finish();
  const ThreatOutcome& o = threats.outcomes()[2];
  EXPECT_FALSE(o.impacted);
  EXPECT_FALSE(o.killed);
  EXPECT_DOUBLE_EQ(o.end_t_s, 60.0);
  EXPECT_EQ(o.impact_area, -1);
  EXPECT_EQ(threats.outcomes()[0].natural_impact_area, 2);  // the scoring label of where it would fall
}

}  // namespace
}  // namespace cupola

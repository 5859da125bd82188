#include "cupola/sim/alert_scoring.h"

#include <gtest/gtest.h>

namespace cupola {
namespace {

// One zone, a 1 km square with 600 people; three threats: 0 and 1 come down
// in it, 2 outside. Threat 0 is alerted twice (once counted), threat 2 raises
// a false alarm, threat 1 is never warned and is shot down: it still counts
// as an impact the zone would have had (and as intercepted).
TEST(AlertScoring, CountsTrueAndFalseAlertsMissesWarningAndPeopleMinutes) {
  AlertZone zone;
  zone.name = "z";
  zone.population = 600.0;
  zone.polygon = Polygon{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}}};
  std::vector<TruthTrajectory> truth(3);
  for (int id = 0; id < 3; ++id) truth[id].id = id;
  truth[1].killed = true;
  const std::vector<bool> impacted = {true, true, true};
  const std::vector<Eigen::Vector2d> where = {{500, 500}, {200, 800}, {5000, 0}};
  std::vector<AlertRecord> alerts(3);
  alerts[0] = {10.0, 7, 0, 0.9, 26.0, 0, true, 25.0};   // 15 s of warning
  alerts[1] = {12.0, 8, 0, 0.8, 26.0, 0, true, 25.0};   // the same threat again
  alerts[2] = {30.0, 9, 0, 0.3, 50.0, 2, false, 48.0};  // threat 2 fell elsewhere
  const std::vector<ZoneAlertScore> scores = ScoreAlertZones({zone}, alerts, truth, impacted, where);
  ASSERT_EQ(scores.size(), 1u);
  const ZoneAlertScore& s = scores[0];
  EXPECT_EQ(s.alerts, 3);
  EXPECT_EQ(s.true_alerts, 2);
  EXPECT_EQ(s.false_alarms, 1);
  EXPECT_EQ(s.impacts, 2);
  EXPECT_EQ(s.intercepted, 1);
  EXPECT_EQ(s.missed, 1);
  EXPECT_DOUBLE_EQ(s.min_warning_s, 15.0);
  EXPECT_DOUBLE_EQ(s.mean_warning_s, 15.0);
  EXPECT_DOUBLE_EQ(s.people_minutes, 600.0 * (15.0 + 13.0 + 18.0) / 60.0);
}

TEST(AlertScoring, AZoneNeverAlertedHasNoWarningTime) {
  AlertZone zone;
  zone.polygon = Polygon{{{0, 0}, {1000, 0}, {1000, 1000}, {0, 1000}}};
  std::vector<TruthTrajectory> truth(1);
  const std::vector<ZoneAlertScore> scores = ScoreAlertZones({zone}, {}, truth, {true}, {Eigen::Vector2d(10, 10)});
  EXPECT_EQ(scores[0].missed, 1);
  EXPECT_EQ(scores[0].min_warning_s, 0.0);
  EXPECT_EQ(scores[0].mean_warning_s, 0.0);
}

}  // namespace
}  // namespace cupola

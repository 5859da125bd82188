#include "cupola/assessment/threat_assessment.h"

#include <gtest/gtest.h>

namespace cupola {
namespace {

std::vector<AreaAtRisk> TwoTowns() {
  return {{"west", 1000.0, Polygon{{{-3000, -1000}, {-1000, -1000}, {-1000, 1000}, {-3000, 1000}}}},
          {"east", 5000.0, Polygon{{{1000, -1000}, {3000, -1000}, {3000, 1000}, {1000, 1000}}}}};
}

ImpactPrediction At(double east, double sigma) {
  ImpactPrediction p;
  p.valid = true;
  p.mean_EN = Eigen::Vector2d(east, 0);
  p.cov_EN = Eigen::Matrix2d::Identity() * sigma * sigma;
  return p;
}

TEST(ThreatAssessment, ValueAtRiskWeighsEachAreaByItsProbability) {
  const ThreatAssessment a = Assess(5.0, 7, At(2000, 1.0), TwoTowns());
  ASSERT_EQ(a.p_area.size(), 2u);
  EXPECT_NEAR(a.p_area[0], 0.0, 1e-12);
  EXPECT_NEAR(a.p_area[1], 1.0, 1e-9);
  EXPECT_NEAR(a.value_at_risk, 5000.0, 1e-6);
  EXPECT_EQ(a.most_likely_area, 1);
  // Halfway between the towns with a wide spread: a little of each.
  const ThreatAssessment b = Assess(5.0, 7, At(0, 1500.0), TwoTowns());
  EXPECT_NEAR(b.p_area[0], b.p_area[1], 1e-9);
  EXPECT_NEAR(b.value_at_risk, 6000.0 * b.p_area[0], 1e-6);
}

TEST(ThreatAssessment, DecisionsAndTheirReasons) {
  const auto towns = TwoTowns();
  const EngagementDecision hit = Decide(Assess(0, 1, At(2000, 10), towns), 100.0);
  EXPECT_TRUE(hit.engage);
  EXPECT_NE(hit.reason.find("value at risk"), std::string::npos);
  const EngagementDecision field = Decide(Assess(0, 1, At(0, 10), towns), 100.0);
  EXPECT_FALSE(field.engage);
  EXPECT_NE(field.reason.find("open ground"), std::string::npos);
  const EngagementDecision cheap = Decide(Assess(0, 1, At(-2000, 10), towns), 2000.0);  // the west town's value is 1000
  EXPECT_FALSE(cheap.engage);
  EXPECT_NE(cheap.reason.find("below threshold"), std::string::npos);
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

TEST(ThreatAssessment, EachBatteryWeighsOnlyTheAreasItDefends) {
  const auto towns = TwoTowns();
  const ThreatAssessment west = Assess(0, 1, At(-2000, 10), towns);  // value 1000 at risk, in the west
  // A battery defending only the east town ignores it; one defending the west engages.
  const EngagementDecision east_only = Decide(west, towns, {{"east-battery", 500.0, {1}}});
  EXPECT_FALSE(east_only.engage);
  EXPECT_NE(east_only.reason.find("below every battery"), std::string::npos) << east_only.reason;
  const EngagementDecision both = Decide(west, towns, {{"east-battery", 500.0, {1}}, {"west-battery", 500.0, {0}}});
  EXPECT_TRUE(both.engage);
  EXPECT_NE(both.reason.find("west-battery"), std::string::npos) << both.reason;
  // Open ground stays open ground.
  EXPECT_NE(Decide(Assess(0, 1, At(0, 10), towns), towns, {{"b", 1.0, {}}}).reason.find("open ground"), std::string::npos);
}

}  // namespace
}  // namespace cupola

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
  EXPECT_EQ(hit.reason.code, Reason::kValueAtRisk);
  EXPECT_NEAR(hit.reason.value_at_risk, 5000.0, 1e-6);
  EXPECT_EQ(hit.reason.threshold, 100.0);
  const EngagementDecision field = Decide(Assess(0, 1, At(0, 10), towns), 100.0);
  EXPECT_FALSE(field.engage);
  EXPECT_EQ(field.reason.code, Reason::kOpenGround);
  EXPECT_LT(field.reason.p_defended_area, 0.5);
  const EngagementDecision cheap = Decide(Assess(0, 1, At(-2000, 10), towns), 2000.0);  // the west town's value is 1000
  EXPECT_FALSE(cheap.engage);
  EXPECT_EQ(cheap.reason.code, Reason::kBelowThreshold);
  EXPECT_NEAR(cheap.reason.value_at_risk, 1000.0, 1e-6);
  EXPECT_EQ(cheap.reason.threshold, 2000.0);
  EXPECT_GT(cheap.reason.p_defended_area, 0.5);
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
  EXPECT_EQ(east_only.reason.code, Reason::kBelowThreshold);
  EXPECT_EQ(east_only.reason.battery, "east-battery");
  EXPECT_NEAR(east_only.reason.value_at_risk, 0.0, 1e-6);  // nothing of the east town at risk
  EXPECT_EQ(east_only.reason.threshold, 500.0);
  const EngagementDecision both = Decide(west, towns, {{"east-battery", 500.0, {1}}, {"west-battery", 500.0, {0}}});
  EXPECT_TRUE(both.engage);
  EXPECT_EQ(both.reason.code, Reason::kValueAtRisk);
  EXPECT_EQ(both.reason.battery, "west-battery");
  EXPECT_NEAR(both.reason.value_at_risk, 1000.0, 1e-6);
  // The ignore names the battery nearest to engaging: the west one at 1000 / 2000.
  const EngagementDecision nearest = Decide(west, towns, {{"east-battery", 500.0, {1}}, {"west-battery", 2000.0, {0}}});
  EXPECT_EQ(nearest.reason.battery, "west-battery");
  EXPECT_EQ(nearest.reason.threshold, 2000.0);
  // Open ground stays open ground.
  EXPECT_EQ(Decide(Assess(0, 1, At(0, 10), towns), towns, {{"b", 1.0, {}}}).reason.code, Reason::kOpenGround);
}

}  // namespace
}  // namespace cupola

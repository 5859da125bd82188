#include "cupola/assessment/drone_prediction.h"

#include <gtest/gtest.h>

#include "cupola/assessment/area_probability.h"

namespace cupola {
namespace {

GaussianState Drone(const Eigen::Vector2d& p, const Eigen::Vector2d& v) {
  GaussianState s;
  s.t_s = 100.0;
  s.x = StateVector::Zero(6);
  s.x << p.x(), p.y(), 300, v.x(), v.y(), 0;
  s.P = StateMatrix::Identity(6, 6);
  s.P.topLeftCorner<3, 3>() *= 50.0 * 50.0;
  s.P.bottomRightCorner<3, 3>() *= 2.0 * 2.0;
  return s;
}

const std::vector<Polygon> kCity = {Polygon{{{10e3, -5e3}, {20e3, -5e3}, {20e3, 5e3}, {10e3, 5e3}}}};

TEST(DronePrediction, ImpactAtTheFirstEntryIntoADefendedArea) {
  // 50 m/s east from the origin: reaches the city's edge at x = 10 km after 200 s.
  const ImpactPrediction p = PredictDroneImpact(Drone({0, 0}, {50, 0}), kCity);
  ASSERT_TRUE(p.valid);
  EXPECT_NEAR(p.mean_EN.x(), 10e3, 1.0);
  EXPECT_NEAR(p.mean_EN.y(), 0.0, 1e-9);
  EXPECT_NEAR(p.t_impact_s, 300.0, 0.1);
  // Uncertainty: position 50 m, velocity 2 m/s x 200 s, manoeuvre 0.025 x 200^2: all add up.
  const double expected = 50.0 * 50 + 400.0 * 400 + 1000.0 * 1000;
  EXPECT_NEAR(p.cov_EN(1, 1), expected, 1e-6 * expected);
  EXPECT_GT(ProbabilityInside(kCity[0], p.mean_EN, p.cov_EN), 0.2);
}

TEST(DronePrediction, HeadingAwayThreatensNothing) {
  const ImpactPrediction p = PredictDroneImpact(Drone({0, 0}, {-50, 0}), kCity);
  ASSERT_TRUE(p.valid);
  EXPECT_NEAR(p.t_impact_s, 100.0 + 900.0, 1e-9);  // the horizon
  EXPECT_LT(ProbabilityInside(kCity[0], p.mean_EN, p.cov_EN), 0.05);
}

}  // namespace
}  // namespace cupola

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
  EXPECT_NEAR(p.mean_EN.x(), 10e3, 1e-6);  // the entry is solved exactly, edge by edge
  EXPECT_NEAR(p.mean_EN.y(), 0.0, 1e-9);
  EXPECT_NEAR(p.t_impact_s, 300.0, 1e-9);
  // Uncertainty: position 50 m, velocity 2 m/s x 200 s, manoeuvre 0.025 x 200^2: all add up.
  const double expected = 50.0 * 50 + 400.0 * 400 + 1000.0 * 1000;
  EXPECT_NEAR(p.cov_EN(1, 1), expected, 1e-6 * expected);
  EXPECT_GT(ProbabilityInside(kCity[0], p.mean_EN, p.cov_EN), 0.2);
}

TEST(DronePrediction, FirstOfTwoAreasAlongTheLineAndAlreadyInside) {
  // North-east at 30 m/s each way from (0, -8 km), on the line x = y + 8 km: it
  // would enter the city through its west edge x = 10 km at y = 2 km, but a
  // nearer area is on the way.
  const std::vector<Polygon> areas = {kCity[0], Polygon{{{4e3, -4e3}, {6e3, -4e3}, {6e3, -2e3}, {4e3, -2e3}}}};
  const ImpactPrediction p = PredictDroneImpact(Drone({0, -8e3}, {30, 30}), areas);
  // Into the small square through its bottom edge y = -4 km at x = 4 km, after 4 km / 30 m/s.
  EXPECT_NEAR(p.mean_EN.x(), 4e3, 1e-6);
  EXPECT_NEAR(p.mean_EN.y(), -4e3, 1e-6);
  EXPECT_NEAR(p.t_impact_s, 100.0 + 4e3 / 30.0, 1e-9);
  const ImpactPrediction only_city = PredictDroneImpact(Drone({0, -8e3}, {30, 30}), kCity);
  EXPECT_NEAR(only_city.mean_EN.x(), 10e3, 1e-6);
  EXPECT_NEAR(only_city.mean_EN.y(), 2e3, 1e-6);
  // A drone over the city has arrived.
  EXPECT_NEAR(PredictDroneImpact(Drone({15e3, 0}, {50, 0}), kCity).t_impact_s, 100.0, 1e-12);
}

TEST(DronePrediction, HeadingAwayThreatensNothing) {
  const ImpactPrediction p = PredictDroneImpact(Drone({0, 0}, {-50, 0}), kCity);
  ASSERT_TRUE(p.valid);
  EXPECT_NEAR(p.t_impact_s, 100.0 + 900.0, 1e-9);  // the horizon
  EXPECT_LT(ProbabilityInside(kCity[0], p.mean_EN, p.cov_EN), 0.05);
}

}  // namespace
}  // namespace cupola

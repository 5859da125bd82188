#include "cupola/assessment/area_probability.h"

#include <gtest/gtest.h>

#include <Eigen/Geometry>
#include <cmath>

namespace cupola {
namespace {

double Phi(double x) { return 0.5 * std::erfc(-x / std::sqrt(2.0)); }

Polygon Rectangle(double x0, double y0, double x1, double y1) { return Polygon{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}}; }

TEST(AreaProbability, AxisAlignedRectangleIsAProductOfNormalCdfs) {
  const Eigen::Vector2d mean(100, -50);
  const Eigen::Matrix2d cov = Eigen::Vector2d(300 * 300, 150 * 150).asDiagonal();
  const double expected = (Phi((400 - 100) / 300.0) - Phi((-200 - 100) / 300.0)) *
                          (Phi((100 + 50) / 150.0) - Phi((-100 + 50) / 150.0));
  EXPECT_NEAR(ProbabilityInside(Rectangle(-200, -100, 400, 100), mean, cov), expected, 1e-9);
}

TEST(AreaProbability, RotatingEverythingTogetherChangesNothing) {
  const Eigen::Matrix2d cov = Eigen::Vector2d(300 * 300, 150 * 150).asDiagonal();
  const Polygon box = Rectangle(-200, -100, 400, 100);
  const Eigen::Matrix2d R = Eigen::Rotation2Dd(0.7).toRotationMatrix();
  Polygon turned;
  for (const auto& v : box.vertices_EN) turned.vertices_EN.push_back(R * v);
  const Eigen::Vector2d mean(100, -50);
  EXPECT_NEAR(ProbabilityInside(turned, R * mean, R * cov * R.transpose()), ProbabilityInside(box, mean, cov), 1e-9);
}

TEST(AreaProbability, NonConvexIsTheWholeMinusTheNotch) {
  // L shape = 2x2 km square minus its top-right 1x1 km quarter.
  const Polygon l{{{0, 0}, {2000, 0}, {2000, 1000}, {1000, 1000}, {1000, 2000}, {0, 2000}}};
  const Eigen::Vector2d mean(1200, 1100);
  Eigen::Matrix2d cov;
  cov << 400 * 400, 0.5 * 400 * 300, 0.5 * 400 * 300, 300 * 300;
  const double whole = ProbabilityInside(Rectangle(0, 0, 2000, 2000), mean, cov);
  const double notch = ProbabilityInside(Rectangle(1000, 1000, 2000, 2000), mean, cov);
  EXPECT_NEAR(ProbabilityInside(l, mean, cov), whole - notch, 1e-9);
  EXPECT_GT(notch, 0.2);  // the mean sits in the notch: a convex hull would be badly wrong
}

TEST(AreaProbability, LimitsAndHalfPlane) {
  const Eigen::Matrix2d cov = Eigen::Vector2d(100 * 100, 100 * 100).asDiagonal();
  EXPECT_NEAR(ProbabilityInside(Rectangle(-1e5, -1e5, 1e5, 1e5), {0, 0}, cov), 1.0, 1e-12);
  EXPECT_NEAR(ProbabilityInside(Rectangle(5e3, 5e3, 6e3, 6e3), {0, 0}, cov), 0.0, 1e-12);
  EXPECT_NEAR(ProbabilityInside(Rectangle(0, -1e5, 1e5, 1e5), {0, 0}, cov), 0.5, 1e-9);
  // A point prediction is inside or out.
  EXPECT_NEAR(ProbabilityInside(Rectangle(-10, -10, 10, 10), {0, 0}, Eigen::Matrix2d::Zero()), 1.0, 1e-9);
  EXPECT_NEAR(ProbabilityInside(Rectangle(20, -10, 40, 10), {0, 0}, Eigen::Matrix2d::Zero()), 0.0, 1e-9);
}

}  // namespace
}  // namespace cupola

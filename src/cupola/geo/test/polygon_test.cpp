#include "cupola/geo/polygon.h"

#include <gtest/gtest.h>

namespace cupola {
namespace {

Polygon LShape() {
  // 2x2 square with the top-right 1x1 quarter cut out: non-convex, area 3.
  return Polygon{{{0, 0}, {2, 0}, {2, 1}, {1, 1}, {1, 2}, {0, 2}}};
}

TEST(Polygon, ContainsHandlesNonConvex) {
  const Polygon l = LShape();
  EXPECT_TRUE(l.Contains({0.5, 0.5}));
  EXPECT_TRUE(l.Contains({1.5, 0.5}));
  EXPECT_TRUE(l.Contains({0.5, 1.5}));
  EXPECT_FALSE(l.Contains({1.5, 1.5}));  // the notch
  EXPECT_FALSE(l.Contains({-0.1, 0.5}));
  EXPECT_TRUE(l.Contains({2.0, 0.5}));  // on an edge counts as inside
}

TEST(Polygon, AreaAndCentroid) {
  EXPECT_DOUBLE_EQ(LShape().Area(), 3.0);
  const Polygon square{{{0, 0}, {4, 0}, {4, 4}, {0, 4}}};
  EXPECT_DOUBLE_EQ(square.Area(), 16.0);
  EXPECT_TRUE(square.Centroid().isApprox(Eigen::Vector2d(2, 2)));
}

TEST(Polygon, SelfIntersection) {
  EXPECT_FALSE(LShape().FindSelfIntersection().has_value());
  const Polygon bowtie{{{0, 0}, {2, 2}, {2, 0}, {0, 2}}};
  const auto crossing = bowtie.FindSelfIntersection();
  ASSERT_TRUE(crossing.has_value());
  EXPECT_EQ(crossing->first, 0u);
  EXPECT_EQ(crossing->second, 2u);
}

}  // namespace
}  // namespace cupola

// The spatial grid of track positions used for gating.
#include "cupola/tracking/spatial_grid.h"

#include <gtest/gtest.h>

#include <cmath>
#include <algorithm>
#include <limits>
#include <tuple>
#include <vector>

#include "cupola/core/random.h"

namespace cupola {
namespace {

// Found by fuzz/fuzz_detections_csv: a detection long after its scan's start
// widened the query to billions of cells (a hang), and a radius beyond int64
// cells made the casts undefined. A query wider than the points now tests the
// points, and must return exactly what the cell loop returns, in its order.
TEST(SpatialGrid, HugeRadiusGivesWhatTheCellLoopGivesInItsOrder) {
  SpatialGrid grid(2000.0);
  Rng rng(5);
  for (int i = 0; i < 40; ++i)
    grid.Insert(i, Eigen::Vector2d(2000.0 + 1000.0 * rng.Uniform(-1.0, 1.0), 2000.0 + 1000.0 * rng.Uniform(-1.0, 1.0)));
  std::vector<int> by_cells, by_points, infinite, nan;
  grid.Query({2000.0, 2000.0}, 1999.0, by_cells);  // 4 cells, 40 points: the cell loop
  ASSERT_EQ(by_cells.size(), 40u);
  grid.Query({2000.0, 2000.0}, 1e12, by_points);  // 2.5e17 cells: the points
  EXPECT_EQ(by_points, by_cells);
  grid.Query({2000.0, 2000.0}, std::numeric_limits<double>::infinity(), infinite);
  EXPECT_EQ(infinite, by_cells);
  grid.Query({std::numeric_limits<double>::quiet_NaN(), 0.0}, 1e3, nan);
  EXPECT_TRUE(nan.empty());
  // A point and a query far beyond any int64 cell index.
  grid.Insert(40, Eigen::Vector2d(1e30, -1e30));
  std::vector<int> far;
  grid.Query({1e30, -1e30}, 10.0, far);
  EXPECT_EQ(far, std::vector<int>{40});
}

// Every query returns exactly the points within the radius, in cell order
// (x, then y) and within a cell in insertion order, also after Clear and
// inserts between queries: checked against testing every point.
TEST(SpatialGrid, QueriesMatchTestingEveryPointInCellOrder) {
  const double cell_m = 500.0;
  SpatialGrid grid(cell_m);
  Rng rng(11);
  int nonempty = 0;  // queries that found something (the test is not vacuous)
  for (int round = 0; round < 3; ++round) {
    grid.Clear();
    std::vector<Eigen::Vector2d> points;
    for (int i = 0; i < 300; ++i) {
      points.emplace_back(rng.Uniform(-5000.0, 5000.0), rng.Uniform(-5000.0, 5000.0));
      grid.Insert(i, points.back());
      if (i % 50 != 49) continue;
      const Eigen::Vector2d q(rng.Uniform(-5000.0, 5000.0), rng.Uniform(-5000.0, 5000.0));
      const double radius_m = rng.Uniform(100.0, 2500.0);
      std::vector<std::tuple<double, double, int>> expected;  // cell x, cell y, index (inserted in index order)
      for (int j = 0; j <= i; ++j)
        if ((points[j] - q).squaredNorm() <= radius_m * radius_m)
          expected.emplace_back(std::floor(points[j].x() / cell_m), std::floor(points[j].y() / cell_m), j);
      std::sort(expected.begin(), expected.end());
      std::vector<int> want, got;
      for (const auto& e : expected) want.push_back(std::get<2>(e));
      grid.Query(q, radius_m, got);
      nonempty += want.empty() ? 0 : 1;
      EXPECT_EQ(got, want) << "round " << round << " point " << i;
    }
  }
  EXPECT_GE(nonempty, 15);
}

}  // namespace
}  // namespace cupola

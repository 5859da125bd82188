// cupola/tracking/spatial_grid.h -- a uniform horizontal grid of points, so a
// detection is tested only against the tracks near it and gating grows about
// linearly with the number of targets instead of with its square.
//
// Each point (a track's predicted position) sits in the cell of its (east,
// north) coordinates; a query returns every point within a horizontal radius
// (callers then apply the exact chi-square gate). Points with very large
// uncertainty are better kept out of the grid and checked always.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <unordered_map>
#include <vector>

namespace cupola {

class SpatialGrid {
 public:
  explicit SpatialGrid(double cell_m) : cell_m_(cell_m) {}
  void Clear();
  void Insert(int index, const Eigen::Vector2d& p_EN);
  /// Appends to `out` the indices of points within `radius_m` (horizontal) of p.
  void Query(const Eigen::Vector2d& p_EN, double radius_m, std::vector<int>& out) const;

 private:
  static std::int64_t Key(std::int64_t ix, std::int64_t iy) { return (ix << 32) ^ (iy & 0xffffffff); }
  std::int64_t Cell(double coordinate_m) const;  // cell index along one axis
  double cell_m_;
  std::unordered_map<std::int64_t, std::vector<int>> cells_;
  std::vector<Eigen::Vector2d> points_;  // by index
};

}  // namespace cupola

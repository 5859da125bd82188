// cupola/tracking/spatial_grid.h -- a uniform horizontal grid of points, so a
// detection is tested only against the tracks near it and gating grows about
// linearly with the number of targets instead of with its square.
//
// Each point (a track's predicted position) sits in the cell of its (east,
// north) coordinates; a query returns every point within a horizontal radius
// (callers then apply the exact chi-square gate). Points with very large
// uncertainty are better kept out of the grid and checked always.
//
// The cells are one flat array of (cell, point) entries, sorted by cell on
// the first query after an insert: a scan's grid is built and cleared every
// scan, and a hash map of per-cell vectors spent most of that time allocating
// (and clearing every cell it ever held).
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace cupola {

class SpatialGrid {
 public:
  explicit SpatialGrid(double cell_m) : cell_m_(cell_m) {}
  /// Forgets every point (keeps the storage, for the next scan).
  void Clear();
  void Insert(int index, const Eigen::Vector2d& p_EN);
  /// Appends to `out` the indices of points within `radius_m` (horizontal) of
  /// p: cell by cell (x, then y), within a cell in the order inserted.
  void Query(const Eigen::Vector2d& p_EN, double radius_m, std::vector<int>& out) const;

 private:
  struct Entry {
    std::int64_t ix, iy;  // cell
    int index;
  };
  std::int64_t Cell(double coordinate_m) const;  // cell index along one axis
  void SortIfNeeded() const;
  double cell_m_;
  mutable std::vector<Entry> entries_;  // sorted by (ix, iy), stable, when sorted_
  mutable bool sorted_ = true;
  std::vector<Eigen::Vector2d> points_;  // by index
};

}  // namespace cupola

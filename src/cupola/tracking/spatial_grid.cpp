#include "cupola/tracking/spatial_grid.h"

#include <algorithm>
#include <cmath>
#include <tuple>

namespace cupola {
namespace {
constexpr double kMaxCell = 1e15;  // cell indices are clamped to this, so no cast goes out of range
}  // namespace

void SpatialGrid::Clear() {
  for (auto& [key, members] : cells_) members.clear();  // keep the buckets' storage
  points_.clear();
}

void SpatialGrid::Insert(int index, const Eigen::Vector2d& p) {
  if (static_cast<int>(points_.size()) <= index) points_.resize(index + 1);
  points_[index] = p;
  cells_[Key(Cell(p.x()), Cell(p.y()))].push_back(index);
}

std::int64_t SpatialGrid::Cell(double coordinate_m) const {
  return static_cast<std::int64_t>(std::clamp(std::floor(coordinate_m / cell_m_), -kMaxCell, kMaxCell));
}

void SpatialGrid::Query(const Eigen::Vector2d& p, double radius_m, std::vector<int>& out) const {
  const double r2 = radius_m * radius_m;
  // A square of more cells than there are points (a huge radius: a detection
  // long after its scan's start; found by fuzz/fuzz_detections_csv), or one
  // far off, tests the points instead of the cells, and returns them in the
  // order the cell loop below would: cell by cell (x, then y), within a cell
  // as inserted.
  const double x0 = std::floor((p.x() - radius_m) / cell_m_), x1 = std::floor((p.x() + radius_m) / cell_m_);
  const double y0 = std::floor((p.y() - radius_m) / cell_m_), y1 = std::floor((p.y() + radius_m) / cell_m_);
  const bool few_cells = (x1 - x0 + 1.0) * (y1 - y0 + 1.0) <= static_cast<double>(points_.size()) &&
                         std::max({std::abs(x0), std::abs(x1), std::abs(y0), std::abs(y1)}) <= kMaxCell;
  if (!few_cells) {
    std::vector<std::tuple<std::int64_t, std::int64_t, std::size_t, int>> found;  // cell x, cell y, rank, index
    for (const auto& [key, members] : cells_) {
      for (std::size_t k = 0; k < members.size(); ++k) {
        const Eigen::Vector2d& q = points_[members[k]];
        if (!((q - p).squaredNorm() <= r2)) continue;
        const double qx = std::floor(q.x() / cell_m_), qy = std::floor(q.y() / cell_m_);
        if (qx < x0 || qx > x1 || qy < y0 || qy > y1) continue;
        found.emplace_back(Cell(q.x()), Cell(q.y()), k, members[k]);
      }
    }
    std::sort(found.begin(), found.end());
    for (const auto& f : found) out.push_back(std::get<3>(f));
    return;
  }
  for (auto ix = static_cast<std::int64_t>(x0); ix <= static_cast<std::int64_t>(x1); ++ix) {
    for (auto iy = static_cast<std::int64_t>(y0); iy <= static_cast<std::int64_t>(y1); ++iy) {
      const auto it = cells_.find(Key(ix, iy));
      if (it == cells_.end()) continue;
      for (const int index : it->second)
        if ((points_[index] - p).squaredNorm() <= r2) out.push_back(index);
    }
  }
}

}  // namespace cupola

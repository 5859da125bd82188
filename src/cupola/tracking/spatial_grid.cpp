#include "cupola/tracking/spatial_grid.h"

#include <cmath>

namespace cupola {

void SpatialGrid::Clear() {
  for (auto& [key, members] : cells_) members.clear();  // keep the buckets' storage
  points_.clear();
}

void SpatialGrid::Insert(int index, const Eigen::Vector2d& p) {
  if (static_cast<int>(points_.size()) <= index) points_.resize(index + 1);
  points_[index] = p;
  const auto ix = static_cast<std::int64_t>(std::floor(p.x() / cell_m_));
  const auto iy = static_cast<std::int64_t>(std::floor(p.y() / cell_m_));
  cells_[Key(ix, iy)].push_back(index);
}

void SpatialGrid::Query(const Eigen::Vector2d& p, double radius_m, std::vector<int>& out) const {
  const auto x0 = static_cast<std::int64_t>(std::floor((p.x() - radius_m) / cell_m_));
  const auto x1 = static_cast<std::int64_t>(std::floor((p.x() + radius_m) / cell_m_));
  const auto y0 = static_cast<std::int64_t>(std::floor((p.y() - radius_m) / cell_m_));
  const auto y1 = static_cast<std::int64_t>(std::floor((p.y() + radius_m) / cell_m_));
  const double r2 = radius_m * radius_m;
  for (std::int64_t ix = x0; ix <= x1; ++ix) {
    for (std::int64_t iy = y0; iy <= y1; ++iy) {
      const auto it = cells_.find(Key(ix, iy));
      if (it == cells_.end()) continue;
      for (const int index : it->second)
        if ((points_[index] - p).squaredNorm() <= r2) out.push_back(index);
    }
  }
}

}  // namespace cupola

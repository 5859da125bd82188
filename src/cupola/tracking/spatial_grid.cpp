#include "cupola/tracking/spatial_grid.h"

#include <algorithm>
#include <cmath>

namespace cupola {
namespace {
constexpr double kMaxCell = 1e15;  // cell indices are clamped to this, so no cast goes out of range
}  // namespace

void SpatialGrid::Clear() {
  entries_.clear();
  points_.clear();
  sorted_ = true;
}

void SpatialGrid::Insert(int index, const Eigen::Vector2d& p) {
  if (static_cast<int>(points_.size()) <= index) points_.resize(index + 1);
  points_[index] = p;
  entries_.push_back({Cell(p.x()), Cell(p.y()), index});
  sorted_ = false;
}

std::int64_t SpatialGrid::Cell(double coordinate_m) const {
  return static_cast<std::int64_t>(std::clamp(std::floor(coordinate_m / cell_m_), -kMaxCell, kMaxCell));
}

void SpatialGrid::SortIfNeeded() const {
  if (sorted_) return;
  // Stable: within a cell, the order of insertion (the callers' tie order).
  std::stable_sort(entries_.begin(), entries_.end(),
                   [](const Entry& a, const Entry& b) { return a.ix != b.ix ? a.ix < b.ix : a.iy < b.iy; });
  sorted_ = true;
}

void SpatialGrid::Query(const Eigen::Vector2d& p, double radius_m, std::vector<int>& out) const {
  SortIfNeeded();
  const double r2 = radius_m * radius_m;
  const double x0 = std::floor((p.x() - radius_m) / cell_m_), x1 = std::floor((p.x() + radius_m) / cell_m_);
  const double y0 = std::floor((p.y() - radius_m) / cell_m_), y1 = std::floor((p.y() + radius_m) / cell_m_);
  // A square of more cells than there are points (a huge radius: a detection
  // long after its scan's start; found by fuzz/fuzz_detections_csv), or one
  // far off, walks the sorted entries instead of the cells: the same points
  // in the same order.
  const bool few_cells = (x1 - x0 + 1.0) * (y1 - y0 + 1.0) <= static_cast<double>(entries_.size()) &&
                         std::max({std::abs(x0), std::abs(x1), std::abs(y0), std::abs(y1)}) <= kMaxCell;
  if (!few_cells) {
    for (const Entry& e : entries_) {
      const Eigen::Vector2d& q = points_[e.index];
      if (!((q - p).squaredNorm() <= r2)) continue;
      const double qx = std::floor(q.x() / cell_m_), qy = std::floor(q.y() / cell_m_);
      if (qx < x0 || qx > x1 || qy < y0 || qy > y1) continue;
      out.push_back(e.index);
    }
    return;
  }
  const auto iy0 = static_cast<std::int64_t>(y0), iy1 = static_cast<std::int64_t>(y1);
  for (auto ix = static_cast<std::int64_t>(x0); ix <= static_cast<std::int64_t>(x1); ++ix) {
    // The cells (ix, iy0..iy1) are contiguous in the sorted entries.
    auto it = std::lower_bound(entries_.begin(), entries_.end(), std::pair{ix, iy0}, [](const Entry& e, const auto& key) {
      return e.ix != key.first ? e.ix < key.first : e.iy < key.second;
    });
    for (; it != entries_.end() && it->ix == ix && it->iy <= iy1; ++it)
      if ((points_[it->index] - p).squaredNorm() <= r2) out.push_back(it->index);
  }
}

}  // namespace cupola

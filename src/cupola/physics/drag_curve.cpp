#include "cupola/physics/drag_curve.h"

#include <cmath>

namespace cupola {

DragCurve::DragCurve(std::vector<std::pair<double, double>> points, double form_factor)
    : points_(std::move(points)), form_factor_(form_factor) {
  if (points_.empty()) return;
  const double last_mach = points_.back().first;
  const auto n = static_cast<std::size_t>(std::ceil(last_mach / kStep)) + 2;
  grid_.resize(n);
  std::size_t segment = 0;
  for (std::size_t i = 0; i < n; ++i) {
    const double mach = static_cast<double>(i) * kStep;
    while (segment + 1 < points_.size() && points_[segment + 1].first <= mach) ++segment;
    double cd;
    if (mach <= points_.front().first) {
      cd = points_.front().second;
    } else if (segment + 1 >= points_.size()) {
      cd = points_.back().second;
    } else {
      const auto& [m0, c0] = points_[segment];
      const auto& [m1, c1] = points_[segment + 1];
      cd = c0 + (mach - m0) / (m1 - m0) * (c1 - c0);
    }
    grid_[i] = cd * form_factor_;
  }
}

}  // namespace cupola

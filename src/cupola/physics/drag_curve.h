// cupola/physics/drag_curve.h -- zero-lift drag coefficient against Mach.
//
// Drag force F = 1/2 rho |v_air|^2 S Cd(M), S = pi d^2 / 4 with d the calibre.
// A curve is a table of (Mach, Cd) points, linearly interpolated and held
// constant beyond its ends, times a form factor (the calibration knob that
// scales a standard shape to a particular body; see docs/threats.md).
// It is resampled once onto a uniform Mach grid so a lookup is O(1).
#pragma once

#include <utility>
#include <vector>

namespace cupola {

class DragCurve {
 public:
  DragCurve() = default;
  /// points: strictly increasing Mach, Cd >= 0 (validated by the loader).
  DragCurve(std::vector<std::pair<double, double>> points, double form_factor = 1.0);

  double Cd(double mach) const {
    if (grid_.empty()) return 0.0;
    const double x = mach * kInvStep;
    if (x >= static_cast<double>(grid_.size() - 1)) return grid_.back();
    const auto i = static_cast<std::size_t>(x > 0.0 ? x : 0.0);
    const double w = x - static_cast<double>(i);
    return grid_[i] + w * (grid_[i + 1] - grid_[i]);
  }
  const std::vector<std::pair<double, double>>& points() const { return points_; }
  double form_factor() const { return form_factor_; }

 private:
  static constexpr double kStep = 0.005;
  static constexpr double kInvStep = 1.0 / kStep;
  std::vector<std::pair<double, double>> points_;
  double form_factor_ = 1.0;
  std::vector<double> grid_;  // Cd at Mach 0, kStep, 2 kStep, ..., form factor applied
};

}  // namespace cupola

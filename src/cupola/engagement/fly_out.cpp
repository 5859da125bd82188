#include "cupola/engagement/fly_out.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/units.h"
#include "cupola/physics/ballistic.h"

namespace cupola {
namespace {

constexpr double kElevationStep_rad = 5.0 * kPi / 180.0;
constexpr double kG0 = 9.80665;

}  // namespace

FlyOutTable::FlyOutTable(const InterceptorType& type, const AtmosphereTable* atmosphere, double launcher_alt_m) {
  const BallisticParams& a = type.airframe;
  const double area = a.ReferenceArea_m2();
  lines_.resize(kElevations);
  for (int i = 0; i < kElevations; ++i) {
    const double sin_e = std::sin(i * kElevationStep_rad);
    // State (s, v); acceleration along the line at time t.
    // The motor burns for the whole step or not at all (burn-out falls on a
    // sample boundary when burn_time_s is a multiple of kSample_s).
    bool burning = false;
    auto accel = [&](double t, double s, double v) {
      const double thrust = burning ? a.motor.thrust_N : 0.0;
      const double mass = MassAt(a, t);
      double drag = 0.0;
      if (atmosphere != nullptr) {
        const auto air = atmosphere->At(launcher_alt_m + s * sin_e);
        drag = 0.5 * air.density_kgpm3 * v * v * area * a.drag.Cd(v / air.speed_of_sound_mps);
      }
      return (thrust - drag) / mass - kG0 * sin_e;
    };
    Line& line = lines_[i];
    double s = 0.0, v = 0.0;
    const double h = kSample_s;
    for (int k = 0;; ++k) {
      const double t = k * h;
      line.distance_m.push_back(s);
      line.speed_mps.push_back(v);
      burning = t < a.motor.burn_time_s - 1e-9;
      if (t >= type.max_flight_time_s || (!burning && v < type.min_intercept_speed_mps)) break;
      // RK4 on (s, v).
      const double k1s = v, k1v = accel(t, s, v);
      const double k2s = v + h / 2 * k1v, k2v = accel(t + h / 2, s + h / 2 * k1s, v + h / 2 * k1v);
      const double k3s = v + h / 2 * k2v, k3v = accel(t + h / 2, s + h / 2 * k2s, v + h / 2 * k2v);
      const double k4s = v + h * k3v, k4v = accel(t + h, s + h * k3s, v + h * k3v);
      s += h / 6 * (k1s + 2 * k2s + 2 * k3s + k4s);
      v += h / 6 * (k1v + 2 * k2v + 2 * k3v + k4v);
      if (v <= 0.0) break;  // cannot climb this steeply
    }
    // The last sample may be below the minimum speed: drop it.
    while (line.speed_mps.size() > 1 && line.speed_mps.back() < type.min_intercept_speed_mps &&
           static_cast<double>(line.distance_m.size()) * h > a.motor.burn_time_s) {
      line.speed_mps.pop_back();
      line.distance_m.pop_back();
    }
    max_distance_m_ = std::max(max_distance_m_, line.distance_m.back());
  }
}

std::optional<FlyOut> FlyOutTable::ReachOnLine(const Line& line, double distance_m) const {
  const auto& d = line.distance_m;
  if (distance_m > d.back()) return std::nullopt;
  const auto it = std::lower_bound(d.begin(), d.end(), distance_m);
  const std::size_t k = static_cast<std::size_t>(it - d.begin());
  if (k == 0) return FlyOut{0.0, line.speed_mps[0]};
  const double w = (distance_m - d[k - 1]) / (d[k] - d[k - 1]);
  return FlyOut{(static_cast<double>(k - 1) + w) * kSample_s,
                line.speed_mps[k - 1] + w * (line.speed_mps[k] - line.speed_mps[k - 1])};
}

std::optional<FlyOut> FlyOutTable::Reach(double distance_m, double elevation_rad) const {
  const double x = std::clamp(elevation_rad, 0.0, kPi / 2) / kElevationStep_rad;
  const int i = std::min(static_cast<int>(x), kElevations - 2);
  const double w = x - i;
  const auto lo = ReachOnLine(lines_[i], distance_m);
  const auto hi = ReachOnLine(lines_[i + 1], distance_m);
  if (!lo || !hi) {
    // At a grid elevation, the neighbour does not matter.
    if (lo && w < 1e-9) return lo;
    if (hi && w > 1.0 - 1e-9) return hi;
    return std::nullopt;
  }
  return FlyOut{lo->time_s + w * (hi->time_s - lo->time_s), lo->speed_mps + w * (hi->speed_mps - lo->speed_mps)};
}

double FlyOutTable::MaxDistance(double elevation_rad) const {
  const double x = std::clamp(elevation_rad, 0.0, kPi / 2) / kElevationStep_rad;
  const int i = std::min(static_cast<int>(x), kElevations - 2);
  if (x - i < 1e-9) return lines_[i].distance_m.back();
  if (x - i > 1.0 - 1e-9) return lines_[i + 1].distance_m.back();
  return std::min(lines_[i].distance_m.back(), lines_[i + 1].distance_m.back());
}

}  // namespace cupola

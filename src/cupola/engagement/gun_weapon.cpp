#include "cupola/engagement/gun_weapon.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/units.h"

namespace cupola {

double GunRoundPk(double cloud_radius_m, double dispersion_m, double offset_m) {
  const double spread2 = cloud_radius_m * cloud_radius_m + dispersion_m * dispersion_m;
  if (spread2 <= 0.0) return 0.0;
  return cloud_radius_m * cloud_radius_m / spread2 * std::exp(-offset_m * offset_m / (2.0 * spread2));
}

double GunBurstPk(double round_pk, int rounds) { return 1.0 - std::pow(1.0 - round_pk, rounds); }

double GunWeapon::TimeOfFlight(double range_m) const {
  const double k = type_.velocity_decay_per_m, v0 = type_.muzzle_velocity_mps;
  return k > 0.0 ? std::expm1(k * range_m) / (k * v0) : range_m / v0;
}

double GunWeapon::BurstPk(bool falls, double range_m, double offset_m) const {
  const double r = falls ? type_.cloud_radius_falling_m : type_.cloud_radius_drone_m;
  return GunBurstPk(GunRoundPk(r, type_.dispersion_rad * range_m, offset_m), type_.burst_rounds);
}

double GunWeapon::ExpectedBurstPk(bool falls, double range_m) const {
  // Midpoints of M equal slices of the Rayleigh offset's probability: exact
  // for a constant, and within 1e-3 of the integral for these smooth P_burst.
  constexpr int kSlices = 64;
  const double sigma_a = type_.aim_error_rad * range_m;
  double sum = 0.0;
  for (int i = 0; i < kSlices; ++i) {
    const double u = (i + 0.5) / kSlices;
    sum += BurstPk(falls, range_m, sigma_a * std::sqrt(-2.0 * std::log1p(-u)));
  }
  return sum / kSlices;
}

double GunWeapon::PlanningPk(bool falls) const { return ExpectedBurstPk(falls, type_.max_range_m * 2.0 / 3.0); }

bool GunWeapon::Covers(const Eigen::Vector3d& launcher_W, const Eigen::Vector3d& p_W) const {
  // The frame's own east-north-up at the mount: within a gun's few km the
  // Earth's curve tilts it by under a milliradian.
  const Eigen::Vector3d d = p_W - launcher_W;
  const double elevation = std::atan2(d.z(), d.head<2>().norm());
  if (elevation < type_.min_elevation_rad || elevation > type_.max_elevation_rad) return false;
  if (mount_.sector_width_rad >= 2.0 * kPi) return true;
  const double azimuth = std::atan2(d.x(), d.y());  // clockwise from north
  const double off = std::remainder(azimuth - mount_.sector_center_rad, 2.0 * kPi);
  return std::abs(off) <= 0.5 * mount_.sector_width_rad;
}

InterceptSolution GunWeapon::Solve(const ThreatPath& path, const Eigen::Vector3d& launcher_W,
                                   double t_launch_s) const {
  InterceptSolution s;
  s.t_launch_s = t_launch_s;
  if (path.empty() || path.points.back().t_s <= t_launch_s) return s;
  // g(t) = t - t_L - T(|p(t) - gun|) rises through zero where a round meets
  // the path: bracket the first root between samples, then bisect.
  const auto g = [&](double t) {
    return t - t_launch_s - TimeOfFlight((InterpolateAlong(path.points, t).p_W - launcher_W).norm());
  };
  double lo = std::max(t_launch_s, path.points.front().t_s), hi = lo;
  bool bracketed = false;
  for (const TrajectoryPoint& p : path.points) {
    if (p.t_s <= lo) continue;
    if (g(p.t_s) >= 0.0) {
      hi = p.t_s, bracketed = true;
      break;
    }
    lo = p.t_s;
  }
  if (!bracketed) return s;
  for (int i = 0; i < 50 && hi - lo > 1e-4; ++i) {
    const double mid = 0.5 * (lo + hi);
    (g(mid) >= 0.0 ? hi : lo) = mid;
    ++s.iterations;
  }
  s.t_intercept_s = hi;
  s.p_intercept_W = InterpolateAlong(path.points, hi).p_W;
  s.range_m = (s.p_intercept_W - launcher_W).norm();
  s.interceptor_speed_mps = type_.muzzle_velocity_mps * std::exp(-type_.velocity_decay_per_m * s.range_m);
  // Height above ground from the path's samples.
  const auto it = std::upper_bound(path.points.begin(), path.points.end(), hi,
                                   [](double t, const TrajectoryPoint& p) { return t < p.t_s; });
  const std::size_t k = std::clamp<std::size_t>(static_cast<std::size_t>(it - path.points.begin()), 1,
                                                path.points.size() - 1);
  const double span = path.points[k].t_s - path.points[k - 1].t_s;
  const double w = span > 0.0 ? std::clamp((hi - path.points[k - 1].t_s) / span, 0.0, 1.0) : 1.0;
  s.height_m = path.height_m[k - 1] + w * (path.height_m[k] - path.height_m[k - 1]);
  s.feasible = s.range_m >= type_.min_range_m && s.range_m <= type_.max_range_m && s.height_m >= mount_.min_height_m &&
               s.height_m <= mount_.max_height_m && Covers(launcher_W, s.p_intercept_W);
  return s;
}

}  // namespace cupola

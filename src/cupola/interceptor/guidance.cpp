#include "cupola/interceptor/guidance.h"

#include <Eigen/Geometry>

namespace cupola {

Eigen::Vector3d ProportionalNavigation(const Eigen::Vector3d& p_missile_W, const Eigen::Vector3d& v_missile_W,
                                       const Eigen::Vector3d& p_target_W, const Eigen::Vector3d& v_target_W,
                                       const Eigen::Vector3d& target_accel_W, const NavigationGains& gains) {
  const Eigen::Vector3d r = p_target_W - p_missile_W;
  const Eigen::Vector3d v = v_target_W - v_missile_W;
  const double range2 = r.squaredNorm();
  if (range2 < 1e-12) return Eigen::Vector3d::Zero();
  const double range = std::sqrt(range2);
  const Eigen::Vector3d u = r / range;
  const Eigen::Vector3d omega = r.cross(v) / range2;
  const double closing = -r.dot(v) / range;
  Eigen::Vector3d a = gains.navigation_constant * closing * omega.cross(u);
  if (gains.augmented) {
    const Eigen::Vector3d normal = target_accel_W - target_accel_W.dot(u) * u;
    a += 0.5 * gains.navigation_constant * normal;
  }
  return a;
}

Eigen::Vector3d ZeroEffortMiss(const Eigen::Vector3d& r_W, const Eigen::Vector3d& v_rel_W) {
  const double v2 = v_rel_W.squaredNorm();
  if (v2 < 1e-12) return r_W;
  const double t_go = -r_W.dot(v_rel_W) / v2;
  return r_W + std::max(t_go, 0.0) * v_rel_W;
}

}  // namespace cupola

#include "cupola/interceptor/fuze.h"

#include <algorithm>
#include <cmath>

namespace cupola {

ClosestApproach ClosestApproachInStep(const Eigen::Vector3d& r0_W, const Eigen::Vector3d& r1_W) {
  const Eigen::Vector3d d = r1_W - r0_W;
  const double d2 = d.squaredNorm();
  ClosestApproach c;
  c.fraction = d2 > 0.0 ? std::clamp(-r0_W.dot(d) / d2, 0.0, 1.0) : 1.0;
  c.miss_m = (r0_W + c.fraction * d).norm();
  // Range opening at the end of the step: r1.d > 0.
  c.passed = r1_W.dot(d) > 0.0;
  return c;
}

double KillProbability(double miss_m, double lethal_radius_m, KillModel model) {
  if (lethal_radius_m <= 0.0) return 0.0;
  if (model == KillModel::kCookieCutter) return miss_m <= lethal_radius_m ? 1.0 : 0.0;
  return std::exp(-miss_m * miss_m / (2.0 * lethal_radius_m * lethal_radius_m));
}

}  // namespace cupola

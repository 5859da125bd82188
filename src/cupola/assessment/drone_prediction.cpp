#include "cupola/assessment/drone_prediction.h"

#include <cmath>

namespace cupola {

ImpactPrediction PredictDroneImpact(const GaussianState& state, const std::vector<Polygon>& areas,
                                    const DronePredictorOptions& options) {
  const Eigen::Vector2d p = state.x.head<2>();
  const Eigen::Vector2d v = state.x.segment<2>(3);
  auto inside_any = [&](const Eigen::Vector2d& q) {
    for (const auto& area : areas)
      if (area.Contains(q)) return true;
    return false;
  };
  // First entry into a defended area along the line, refined by bisection.
  double t = options.horizon_s;
  for (double s = 0.0; s <= options.horizon_s; s += options.step_s) {
    if (!inside_any(p + s * v)) continue;
    double lo = std::max(0.0, s - options.step_s), hi = s;
    if (inside_any(p + lo * v)) hi = lo;  // already inside
    for (int i = 0; i < 30 && hi - lo > 1e-3; ++i) {
      const double mid = 0.5 * (lo + hi);
      (inside_any(p + mid * v) ? hi : lo) = mid;
    }
    t = hi;
    break;
  }
  ImpactPrediction out;
  out.valid = true;
  out.t_impact_s = state.t_s + t;
  out.mean_EN = p + t * v;
  const Eigen::Matrix2d P_p = state.P.block<2, 2>(0, 0);
  const Eigen::Matrix2d P_pv = state.P.block<2, 2>(0, 3);
  const Eigen::Matrix2d P_v = state.P.block<2, 2>(3, 3);
  const double drift = 0.5 * options.manoeuvre_mps2 * t * t;
  out.cov_EN = P_p + t * (P_pv + P_pv.transpose()) + t * t * P_v + drift * drift * Eigen::Matrix2d::Identity();
  out.points_EN = {out.mean_EN};
  out.weights = {1.0};
  return out;
}

}  // namespace cupola

#include "cupola/assessment/drone_prediction.h"

#include <algorithm>
#include <cmath>

namespace cupola {

ImpactPrediction PredictDroneImpact(const GaussianState& state, const std::vector<Polygon>& areas,
                                    const DronePredictorOptions& options) {
  const Eigen::Vector2d p = state.x.head<2>();
  const Eigen::Vector2d v = state.x.segment<2>(3);
  // First entry into a defended area along the line: 0 if already inside
  // one, else the first crossing of an edge, solved exactly per edge
  // (p + s v = a + u (b - a), 0 <= u <= 1), within the horizon.
  double t = options.horizon_s;
  for (const auto& area : areas) {
    if (area.Contains(p)) {
      t = 0.0;
      break;
    }
    const std::size_t n = area.vertices_EN.size();
    for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
      const Eigen::Vector2d a = area.vertices_EN[j], e = area.vertices_EN[i] - a, r = a - p;
      const double cross = v.x() * e.y() - v.y() * e.x();  // v x e; 0: parallel, no single crossing
      if (cross == 0.0) continue;
      const double s = (r.x() * e.y() - r.y() * e.x()) / cross;
      const double u = (r.x() * v.y() - r.y() * v.x()) / cross;
      if (s >= 0.0 && u >= 0.0 && u <= 1.0) t = std::min(t, s);
    }
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

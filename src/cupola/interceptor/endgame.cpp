#include "cupola/interceptor/endgame.h"

#include <Eigen/Geometry>
#include <cmath>

#include "cupola/interceptor/fuze.h"

namespace cupola {

EndgameTarget EndgameTargetFor(ThreatKind kind) {
  // Spans from public dimensions; manoeuvre and vulnerability are
  // assumptions (docs/interceptor.md#endgame).
  switch (kind) {
    case ThreatKind::kRocket: return {2.9, 0.0, 0.0, 1.0};   // 122 mm Grad rocket 2.87 m long
    case ThreatKind::kMortar: return {0.7, 0.0, 0.0, 0.8};   // 120 mm bomb about 0.7 m; thick steel body, A_v 0.64 x
    case ThreatKind::kDrone: return {2.5, 3.0, 4.0, 1.5};    // Shahed-136 wingspan 2.5 m; light airframe, A_v 2.25 x
  }
  return {};
}

double SeekerNoise_rad(const InterceptorType& type, const EndgameTarget& target, double range_m) {
  const double range = std::max(range_m, 1.0);
  const double ratio = type.seeker_range_m > 0.0 ? range / type.seeker_range_m : 0.0;
  const double thermal = type.seeker_thermal_noise_rad * ratio * ratio;
  const double glint = type.glint_fraction_of_span * target.span_m / range;
  return std::sqrt(type.seeker_noise_rad * type.seeker_noise_rad + thermal * thermal + glint * glint);
}

WeaveOffset Weave(const EndgameTarget& target, double phase_rad, double t_s, const Eigen::Vector3d& v_W,
                  const Eigen::Vector3d& up_W) {
  WeaveOffset w;
  if (target.weave_accel_mps2 <= 0.0 || target.weave_period_s <= 0.0) return w;
  Eigen::Vector3d across = up_W.cross(v_W);
  if (across.squaredNorm() < 1e-12) return w;
  across.normalize();
  const double omega = 2.0 * 3.14159265358979323846 / target.weave_period_s;
  const double amplitude = target.weave_accel_mps2 / (omega * omega);
  w.dp_W = amplitude * std::sin(omega * t_s + phase_rad) * across;
  w.dv_W = amplitude * omega * std::cos(omega * t_s + phase_rad) * across;
  return w;
}

double BurstDistance(double miss_m, double closing_mps, double delay_s) {
  const double along = closing_mps * delay_s;
  return std::sqrt(miss_m * miss_m + along * along);
}

double EndgameKillProbability(const InterceptorType& type, const EndgameTarget& target, double distance_m) {
  return KillProbability(distance_m, type.lethal_radius_m * target.vulnerability, type.kill_model);
}

}  // namespace cupola

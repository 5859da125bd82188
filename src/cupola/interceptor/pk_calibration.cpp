#include "cupola/interceptor/pk_calibration.h"

#include <algorithm>
#include <cmath>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/interceptor/interceptor.h"

namespace cupola {

CanonicalEngagement CanonicalFor(const ThreatType& threat) {
  CanonicalEngagement g;
  switch (threat.kind) {
    case ThreatKind::kRocket:  // a short-range rocket on its way down
      g = {5000.0, 2000.0, 450.0, DegToRad(40.0), true};
      break;
    case ThreatKind::kMortar:  // a mortar bomb, steeper and slower
      g = {4500.0, 1500.0, 250.0, DegToRad(55.0), true};
      break;
    case ThreatKind::kDrone:  // cruising at its type's speed and height
      g = {5000.0, threat.drone.cruise_height_m, threat.drone.cruise_speed_mps, 0.0, false};
      break;
  }
  return g;
}

namespace {
// The target's state at t: through the intercept point x at t_x with velocity v_x.
TargetTruth CanonicalTarget(const CanonicalEngagement& g, const EndgameTarget& target, double phase,
                            const Eigen::Vector3d& x, const Eigen::Vector3d& v_x, double t_x, double t) {
  const double dt = t - t_x;
  const Eigen::Vector3d gravity(0, 0, g.falls ? -kStandardGravity : 0.0);
  TargetTruth truth{true, x + dt * v_x + 0.5 * dt * dt * gravity, v_x + dt * gravity};
  const WeaveOffset w = Weave(target, phase, t, truth.v_W, Eigen::Vector3d::UnitZ());
  truth.p_W += w.dp_W;
  truth.v_W += w.dv_W;
  truth.alive = truth.p_W.z() > 0.0;
  return truth;
}
}  // namespace

double CanonicalKillProbability(const InterceptorType& type, const FlightEnvironment& env,
                                const EndgameTarget& target, const CanonicalEngagement& g, double heading_rad,
                                double weave_phase_rad, std::uint64_t seed, double* miss_m, bool* detonated) {
  const InterceptorDynamics dynamics(&type, &env);
  const Eigen::Vector3d launcher = Eigen::Vector3d::Zero();
  const Eigen::Vector3d x(0.0, g.ground_range_m, g.height_m);
  const Eigen::Vector3d line = (x - launcher).normalized();
  // Time of flight: straight at the point, gravity held off.
  InterceptorState probe = dynamics.Launch(launcher, line, 0.0);
  const Eigen::Vector3d hold(0, 0, kStandardGravity);
  double t_x = type.max_flight_time_s;
  while (probe.t_s < type.max_flight_time_s) {
    const double before = (x - probe.p_W).dot(line);
    dynamics.Step(probe, hold, 0.05);
    const double after = (x - probe.p_W).dot(line);
    if (after <= 0.0) {
      t_x = probe.t_s - 0.05 * after / (after - before);
      break;
    }
  }
  // The target comes from beyond the point, toward the launcher, turned by heading_rad.
  const Eigen::Vector3d toward(-std::sin(heading_rad), -std::cos(heading_rad), 0.0);
  const Eigen::Vector3d v_x = g.target_speed_mps * (std::cos(g.dive_rad) * toward - std::sin(g.dive_rad) * Eigen::Vector3d::UnitZ());
  const TruthAt truth = [&](double t) { return CanonicalTarget(g, target, weave_phase_rad, x, v_x, t_x, t); };
  Interceptor interceptor(&dynamics, dynamics.Launch(launcher, line, 0.0), seed, target);
  // Perfect uplink every 0.1 s, as the fleet refreshes it.
  const Eigen::Vector3d gravity(0, 0, g.falls ? -kStandardGravity : 0.0);
  for (double t = 0.1; !interceptor.done() && t < type.max_flight_time_s + 0.2; t += 0.1) {
    const TargetTruth now = truth(t - 0.1);
    interceptor.Advance(t, Uplink{t - 0.1, now.p_W, now.v_W, gravity}, truth);
  }
  if (miss_m != nullptr) *miss_m = interceptor.outcome().miss_m;
  if (detonated != nullptr) *detonated = interceptor.phase() == InterceptorPhase::kDetonated;
  return interceptor.phase() == InterceptorPhase::kDetonated ? interceptor.outcome().kill_probability : 0.0;
}

PkEstimate EstimateSingleShotPk(const InterceptorType& type, const FlightEnvironment& env, const ThreatType& threat,
                                int runs, std::uint64_t seed) {
  const EndgameTarget target = EndgameTargetFor(threat.kind);
  const CanonicalEngagement g = CanonicalFor(threat);
  PkEstimate e;
  e.runs = runs;
  double sum = 0.0, sum2 = 0.0;
  for (int i = 0; i < runs; ++i) {
    const double heading = runs > 1 ? DegToRad(-60.0 + 120.0 * i / (runs - 1)) : 0.0;
    double miss = 0.0;
    bool detonated = false;
    const double pk = CanonicalKillProbability(type, env, target, g, heading, 2.0 * kPi * i / runs,
                                               SubstreamSeed(seed, static_cast<std::uint64_t>(i)), &miss, &detonated);
    sum += pk;
    sum2 += pk * pk;
    if (detonated) ++e.detonations, e.mean_miss_m += miss;
  }
  e.pk = runs > 0 ? sum / runs : 0.0;
  if (runs > 1) e.standard_error = std::sqrt(std::max(0.0, sum2 / runs - e.pk * e.pk) / (runs - 1));
  if (e.detonations > 0) e.mean_miss_m /= e.detonations;
  return e;
}

}  // namespace cupola

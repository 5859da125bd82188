#include "cupola/interceptor/interceptor.h"

#include <Eigen/Geometry>
#include <algorithm>
#include <cmath>
#include <utility>

#include "cupola/core/units.h"

namespace cupola {

const char* ToString(InterceptorPhase phase) {
  switch (phase) {
    case InterceptorPhase::kMidcourse: return "midcourse";
    case InterceptorPhase::kTerminal: return "terminal";
    case InterceptorPhase::kDetonated: return "detonated";
    case InterceptorPhase::kMissed: return "missed";
  }
  return "?";
}

TruthAt TruthAlong(std::vector<TrajectoryPoint> path) {
  return [path = std::move(path)](double t) {
    if (path.empty() || t > path.back().t_s) return TargetTruth{};
    const TrajectoryPoint p = InterpolateAlong(path, t);
    return TargetTruth{true, p.p_W, p.v_W};
  };
}

Interceptor::Interceptor(const InterceptorDynamics* dynamics, InterceptorState state, std::uint64_t seeker_seed,
                         EndgameTarget target)
    : dynamics_(dynamics), state_(std::move(state)), seeker_rng_(seeker_seed), target_(target) {}

bool Interceptor::SeekerSees(const TargetTruth& target) const {
  if (!target.alive) return false;
  const InterceptorType& type = dynamics_->type();
  const Eigen::Vector3d r = target.p_W - state_.p_W;
  const double range = r.norm();
  if (range > type.seeker_range_m || state_.v_W.squaredNorm() == 0.0) return false;
  const double cos_angle = r.dot(state_.v_W) / (range * state_.v_W.norm());
  return cos_angle >= std::cos(type.seeker_half_fov_rad);
}

void Interceptor::Finish(InterceptorPhase phase, double t_s, const Eigen::Vector3d& p_W, double miss_m, double pk,
                         Reason reason, double burst_m) {
  phase_ = phase;
  outcome_ = {t_s, p_W, miss_m, burst_m, pk, reason};
}

Eigen::Vector3d Interceptor::TerminalCommand(const TargetTruth& target, const NavigationGains& gains, double step_s) {
  const InterceptorType& type = dynamics_->type();
  // The seeker's line of sight, off by Gaussian angular noise across it.
  const Eigen::Vector3d r = target.p_W - state_.p_W;
  const double range = r.norm();
  const Eigen::Vector3d u = r / std::max(range, 1e-9);
  const Eigen::Vector3d across = r.unitOrthogonal();
  const Eigen::Vector3d across2 = u.cross(across);
  // Gauss-Markov noise of unit variance and correlation time tau_c: what
  // the seeker's tracking loop passes on (white noise at the step rate would
  // average out in the autopilot's lag and leave no miss).
  const double rho = type.seeker_noise_correlation_s > 0.0 ? std::exp(-step_s / type.seeker_noise_correlation_s) : 0.0;
  const double fresh = std::sqrt(1.0 - rho * rho);
  const double n1 = seeker_rng_.Normal(), n2 = seeker_rng_.Normal();
  noise_ = rho * noise_ + fresh * Eigen::Vector2d(n1, n2);
  const double sigma = SeekerNoise_rad(type, target_, range);
  const Eigen::Vector3d seen = target.p_W + range * sigma * (noise_.x() * across + noise_.y() * across2);
  Eigen::Vector3d a = ProportionalNavigation(state_.p_W, state_.v_W, seen, target.v_W, Eigen::Vector3d::Zero(), gains);
  // Radome: the seen line-of-sight rate carries slope x the body rate, the
  // flight-path rate a_lat / V plus T_alpha times its derivative (the lag's
  // da_lat/dt), so the command feeds back on the airframe's own turning.
  const double speed = state_.v_W.norm();
  if (type.radome_slope != 0.0 && speed > 0.0) {
    const double tau = std::max(type.autopilot_time_constant_s, 1e-3);
    const Eigen::Vector3d lateral_rate = (dynamics_->Limit(state_, last_cmd_W_) - state_.a_lat_W) / tau;
    const Eigen::Vector3d v_hat = state_.v_W / speed;
    const Eigen::Vector3d body_rate =
        v_hat.cross(state_.a_lat_W + type.turning_rate_time_constant_s * lateral_rate) / speed;
    const Eigen::Vector3d v_rel = target.v_W - state_.v_W;
    const double closing = -u.dot(v_rel);
    const Eigen::Vector3d omega_error = type.radome_slope * (body_rate - body_rate.dot(u) * u);
    a += gains.navigation_constant * closing * omega_error.cross(u);
  }
  return a;
}

void Interceptor::Advance(double t_end_s, const Uplink& uplink, const TruthAt& truth, double step_s) {
  const InterceptorType& type = dynamics_->type();
  const double fuze_radius = 3.0 * type.lethal_radius_m;
  TargetTruth target = truth(state_.t_s);
  while (!done() && state_.t_s < t_end_s - 1e-12) {
    if (phase_ == InterceptorPhase::kMidcourse && SeekerSees(target)) {
      phase_ = InterceptorPhase::kTerminal;
      terminal_since_t_s_ = state_.t_s;
    }
    // Mid-course, the guidance loop runs at a fifth of the terminal rate
    // (20 Hz at the default 0.01 s, three steps per autopilot time constant):
    // the seeker and the fuze need the fine steps, flying out does not.
    const double step = phase_ == InterceptorPhase::kMidcourse ? kMidcourseStepFactor * step_s : step_s;
    const double h = std::min(step, t_end_s - state_.t_s);
    // Guidance command for this step.
    Eigen::Vector3d a_cmd = Eigen::Vector3d::Zero();
    const NavigationGains gains{type.navigation_constant, type.augmented_pn};
    if (phase_ == InterceptorPhase::kTerminal) {
      a_cmd = TerminalCommand(target, gains, h);
    } else {
      const double dt = state_.t_s - uplink.t_s;
      const Eigen::Vector3d p = uplink.p_W + dt * uplink.v_W + 0.5 * dt * dt * uplink.a_W;
      const Eigen::Vector3d v = uplink.v_W + dt * uplink.a_W;
      a_cmd = ProportionalNavigation(state_.p_W, state_.v_W, p, v, uplink.a_W, gains);
    }
    // PN steers the line of sight; gravity would bend the path off it: compensate.
    a_cmd += Eigen::Vector3d(0, 0, kStandardGravity);
    last_cmd_W_ = a_cmd;
    const Eigen::Vector3d r0 = target.p_W - state_.p_W;
    const double height_before = dynamics_->HeightAboveGround(state_);
    dynamics_->Step(state_, a_cmd, h);
    // Into the ground (a hard pull-down against a low drone): a miss where it
    // crossed the surface. Only descending: the launcher stands on the ground.
    const double height = dynamics_->HeightAboveGround(state_);
    if (height < 0.0 && !dynamics_->Climbing(state_)) {
      const double back = height_before > height ? std::min(1.0, -height / (height_before - height)) : 0.0;
      Finish(InterceptorPhase::kMissed, state_.t_s - back * h, state_.p_W - back * h * state_.v_W, closest_m_, 0.0,
             Reason::kHitGround);
      return;
    }
    const TargetTruth next = truth(state_.t_s);
    if (!next.alive) {
      Finish(InterceptorPhase::kMissed, state_.t_s, state_.p_W, closest_m_, 0.0, Reason::kTargetGone);
      return;
    }
    // Fuze: closest approach inside this step.
    if (target.alive) {
      const ClosestApproach c = ClosestApproachInStep(r0, next.p_W - state_.p_W);
      closest_m_ = std::min(closest_m_, c.miss_m);
      if (c.passed && c.fraction < 1.0) {
        const double t_ca = state_.t_s - h + c.fraction * h;
        const Eigen::Vector3d p_ca = state_.p_W - (1.0 - c.fraction) * h * state_.v_W;
        if (c.miss_m <= fuze_radius) {
          // The burst is off the closest approach by the fuze's timing error,
          // along the relative velocity.
          const double closing = ((next.p_W - state_.p_W) - r0).norm() / h;
          const double burst = BurstDistance(c.miss_m, closing, type.fuze_delay_sigma_s * seeker_rng_.Normal());
          Finish(InterceptorPhase::kDetonated, t_ca, p_ca, c.miss_m, EndgameKillProbability(type, target_, burst),
                 Reason::kNone, burst);
        } else if (phase_ == InterceptorPhase::kTerminal) {
          Finish(InterceptorPhase::kMissed, t_ca, p_ca, c.miss_m, 0.0, Reason::kPassedOutsideFuze);
        }
        if (done()) return;
      }
    }
    target = next;
    const double flown = state_.t_s - state_.launch_t_s;
    if (flown > type.max_flight_time_s) {
      Finish(InterceptorPhase::kMissed, state_.t_s, state_.p_W, closest_m_, 0.0, Reason::kFlightTimeOut);
    } else if (flown > type.airframe.motor.burn_time_s && state_.v_W.norm() < type.min_intercept_speed_mps * 0.5) {
      Finish(InterceptorPhase::kMissed, state_.t_s, state_.p_W, closest_m_, 0.0, Reason::kTooSlow);
    }
  }
}

}  // namespace cupola

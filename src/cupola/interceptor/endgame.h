// cupola/interceptor/endgame.h -- what sets the miss distance and the kill
// in the last seconds: the seeker's errors, the target's size, manoeuvre and
// vulnerability, and the fuze's timing (docs/interceptor.md#endgame).
//
// Seeker angle noise, 1 sigma, at range R (Zarchan, Tactical and Strategic
// Missile Guidance, 6th ed., ch. 4 "noise"; Garnell, Guided Weapon Control
// Systems, ch. 7):
//   sigma(R)^2 = sigma_fixed^2 + (sigma_thermal (R / R_seeker)^2)^2 + (g span / R)^2
// -- range-independent noise (servo, quantisation); receiver thermal noise,
// which grows as R^2 (signal-to-noise falls as R^-4, angle noise as its
// inverse square root); glint, the wander of the apparent reflecting centre
// over the target, a fixed fraction g of its span in metres and so an angle
// growing as 1/R at short range.
// Radome boresight error: the seen line of sight turns by the radome slope
// times the body's turn, so the seen line-of-sight rate carries slope x the
// body rate (the parasitic loop, Zarchan ch. 10; Siouris, Missile Guidance
// and Control Systems, ch. 4). Body rate = flight-path rate plus the
// turning-rate time constant T_alpha times its derivative.
// Target manoeuvre: a horizontal weave across the target's velocity, of
// acceleration amplitude a_T and period P (displacement a_T / omega^2), with
// a phase drawn per threat (drones; rockets and mortar bombs fly ballistic).
// Fuze timing: the warhead bursts delta_t ~ N(0, sigma_fuze) off the closest
// approach, so the burst point lies v_rel delta_t along the relative velocity
// and the distance that counts is d_eff = sqrt(d^2 + (|v_rel| delta_t)^2).
// Kill: the warhead's lethal radius scaled by the target's vulnerability
// factor k = sqrt(A_v / A_v,rocket) -- with fragment density falling as 1/r^2
// the expected number of hits on a vulnerable area A_v is the same at a radius
// growing as sqrt(A_v) (Ball, The Fundamentals of Aircraft Combat
// Survivability, 2nd ed., ch. 5) -- in the interceptor's damage function.
#pragma once

#include <Eigen/Core>

#include "cupola/physics/interceptor_type.h"
#include "cupola/physics/threat_type.h"

namespace cupola {

/// The target as the endgame sees it (per threat kind; docs/interceptor.md#endgame).
struct EndgameTarget {
  double span_m = 0.0;              // largest dimension (length or wingspan): glint
  double weave_accel_mps2 = 0.0;    // manoeuvre amplitude (0: none)
  double weave_period_s = 0.0;
  double vulnerability = 1.0;       // lethal-radius factor sqrt(A_v / A_v,rocket)
};

/// The catalog's endgame profile of a threat kind.
EndgameTarget EndgameTargetFor(ThreatKind kind);

/// 1-sigma seeker angle noise at range `range_m` [rad] against `target`.
double SeekerNoise_rad(const InterceptorType& type, const EndgameTarget& target, double range_m);

/// The weave's displacement and velocity at t_s (phase in rad), horizontal
/// and across the target's velocity `v_W` (`up_W`: the local vertical).
struct WeaveOffset {
  Eigen::Vector3d dp_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d dv_W = Eigen::Vector3d::Zero();
};
WeaveOffset Weave(const EndgameTarget& target, double phase_rad, double t_s, const Eigen::Vector3d& v_W,
                  const Eigen::Vector3d& up_W);

/// Distance from the target at the burst: the closest approach `miss_m`
/// and the fuze's timing error `delay_s` at relative speed `closing_mps`.
double BurstDistance(double miss_m, double closing_mps, double delay_s);

/// Kill probability of a burst at `distance_m` from `target`.
double EndgameKillProbability(const InterceptorType& type, const EndgameTarget& target, double distance_m);

}  // namespace cupola

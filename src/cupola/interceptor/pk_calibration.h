// cupola/interceptor/pk_calibration.h -- the single-shot Pk the battle
// manager plans with, estimated from the same endgame that kills.
//
// A small deterministic Monte Carlo of whole engagements on canonical
// geometry, flown by the same Interceptor (mid-course on a perfect uplink,
// seeker lock, PN with the seeker's errors, fuze and damage function) that
// flies every shot in a run. Per threat kind the intercept point and the
// target's velocity there are fixed (CanonicalFor); run i turns the target's
// heading to -60 + 120 i / (n - 1) degrees off straight at the launcher and
// gives the drone's weave the phase 2 pi i / n, so the estimate averages over
// crossing angles. The interceptor flies a straight line to the intercept
// point first, to learn its time of flight; the target passes the point then.
// The estimate is the mean of the kill probabilities (0 for a miss), not of
// kill draws, which halves its spread. docs/interceptor.md#planning-pk.
#pragma once

#include <cstdint>

#include "cupola/interceptor/endgame.h"
#include "cupola/physics/environment.h"
#include "cupola/physics/interceptor_type.h"
#include "cupola/physics/threat_type.h"

namespace cupola {

/// Where and how the canonical engagement meets its target.
struct CanonicalEngagement {
  double ground_range_m = 5000.0;  // intercept point from the launcher
  double height_m = 2000.0;        // above the ground
  double target_speed_mps = 450.0; // at the intercept point
  double dive_rad = 0.7;           // below the horizontal (0: level flight)
  bool falls = true;               // ballistic (gravity), else level flight
};

/// The canonical engagement against a threat type (assumptions documented in docs/interceptor.md).
CanonicalEngagement CanonicalFor(const ThreatType& threat);

struct PkEstimate {
  double pk = 0.0;            // mean kill probability per shot
  double standard_error = 0.0;
  double mean_miss_m = 0.0;   // of the detonations
  int runs = 0, detonations = 0;
};

/// `heading_rad`: the target's heading off straight at the launcher.
double CanonicalKillProbability(const InterceptorType& type, const FlightEnvironment& env,
                                const EndgameTarget& target, const CanonicalEngagement& geometry, double heading_rad,
                                double weave_phase_rad, std::uint64_t seed, double* miss_m = nullptr,
                                bool* detonated = nullptr);

/// Mean over `runs` canonical engagements (seeds SubstreamSeed(seed, i)).
PkEstimate EstimateSingleShotPk(const InterceptorType& type, const FlightEnvironment& env, const ThreatType& threat,
                                int runs = 40, std::uint64_t seed = 20);

}  // namespace cupola

// cupola/assessment/drone_prediction.h -- where a one-way attack drone is
// heading.
//
// A cruising drone gives no ballistic clue to its target, so its track is
// projected along its present horizontal velocity: p(t) = p + v t, with the
// covariance growing as P_p + t^2 P_v + (a t^2 / 2)^2 I for an unknown
// lateral acceleration of spectral level `manoeuvre_mps2` (a drone may turn).
// The predicted "impact" is where that line first enters a defended area
// within the horizon (time = the entry time); a line that enters none is
// predicted to the horizon point, where it threatens nothing.
#pragma once

#include <vector>

#include "cupola/assessment/impact_prediction.h"
#include "cupola/geo/polygon.h"

namespace cupola {

struct DronePredictorOptions {
  double horizon_s = 900.0;     // look this far ahead
  double manoeuvre_mps2 = 0.05;  // lateral acceleration the drone may add (a planned route: small)
};

/// Predicts from a track state (positions and velocities first) at `state.t_s`.
ImpactPrediction PredictDroneImpact(const GaussianState& state, const std::vector<Polygon>& areas,
                                    const DronePredictorOptions& options = {});

}  // namespace cupola

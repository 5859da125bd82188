// cupola/interceptor/fuze.h -- closest approach and the kill it buys.
//
// Between two steps the relative position r(s) = r0 + s (r1 - r0), s in
// [0, 1], is taken as linear (both bodies move nearly straight over a few
// milliseconds), so the closest approach inside the step is exact for it:
// s* = clamp(-r0.(r1 - r0) / |r1 - r0|^2, 0, 1). The proximity fuze fires at
// the closest approach once the range starts to open (s* < 1) within its
// fuze radius; the warhead kills with probability
//     Pk(d) = exp(-d^2 / (2 r_l^2))        (Carleton damage function)
// of the miss distance d and the lethal radius r_l, or 1 inside r_l and 0
// outside for the cookie-cutter model. A kill ends the threat where it is;
// debris is not modelled (docs/interceptor.md).
#pragma once

#include <Eigen/Core>

#include "cupola/physics/interceptor_type.h"

namespace cupola {

struct ClosestApproach {
  bool passed = false;   // the range stopped closing within this step
  double fraction = 1.0; // s* in [0, 1] of the step
  double miss_m = 0.0;   // |r(s*)|
};

/// r0, r1: target minus interceptor position at the start and the end of a step.
ClosestApproach ClosestApproachInStep(const Eigen::Vector3d& r0_W, const Eigen::Vector3d& r1_W);

double KillProbability(double miss_m, double lethal_radius_m, KillModel model = KillModel::kCarleton);

}  // namespace cupola

#include "cupola/assessment/falling_track.h"

namespace cupola {

FallingTrackTest::FallingTrackTest(const TrackerConfig& config) : ballistic_(config.motion_model == MotionModelKind::kBallistic) {
  if (config.motion_model != MotionModelKind::kImm) return;
  for (std::size_t m = 0; m < config.imm_models.size(); ++m)
    if (config.imm_models[m] == MotionModelKind::kBallistic) ballistic_mode_ = static_cast<int>(m);
}

bool FallingTrackTest::Falls(const Estimate& estimate) const {
  if (ballistic_) return true;
  const auto& mu = estimate.mode_probabilities;
  return ballistic_mode_ >= 0 && static_cast<int>(mu.size()) > ballistic_mode_ && mu[ballistic_mode_] > 0.5 &&
         estimate.state.Velocity().norm() > kMaxDroneSpeed_mps;
}

const GaussianState& FallingTrackTest::FallingState(const Estimate& estimate) const {
  return ballistic_ ? estimate.state : estimate.modes[ballistic_mode_];
}

}  // namespace cupola

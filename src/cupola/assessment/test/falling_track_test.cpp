#include "cupola/assessment/falling_track.h"

#include <gtest/gtest.h>

namespace cupola {
namespace {

// An IMM estimate of [ballistic, cv] with the ballistic mode's probability
// mu and a speed along east.
Estimate Imm(double mu, double speed_mps) {
  Estimate e;
  e.state.x = StateVector::Zero(6);
  e.state.x[3] = speed_mps;
  e.state.P = StateMatrix::Identity(6, 6);
  GaussianState ballistic;
  ballistic.x = StateVector::Zero(7);
  ballistic.x[3] = speed_mps;
  ballistic.x[6] = 2e-4;  // the drag parameter only the ballistic mode has
  ballistic.P = StateMatrix::Identity(7, 7);
  e.modes = {ballistic, e.state};
  e.mode_probabilities = {mu, 1.0 - mu};
  return e;
}

TEST(FallingTrack, ImmTracksFallWhenBallisticIsLikelierAndFasterThanADrone) {
  TrackerConfig config;
  config.motion_model = MotionModelKind::kImm;
  config.imm_models = {MotionModelKind::kBallistic, MotionModelKind::kCv};
  const FallingTrackTest test(config);
  EXPECT_TRUE(test.Falls(Imm(0.8, 300.0)));
  EXPECT_FALSE(test.Falls(Imm(0.8, 50.0)));   // a drone the ballistic mode happens to fit
  EXPECT_FALSE(test.Falls(Imm(0.3, 300.0)));  // flying straight: not a falling body
  EXPECT_EQ(test.FallingState(Imm(0.8, 300.0)).x.size(), 7);  // flown with its drag parameter
}

TEST(FallingTrack, BallisticTrackersFallAndOthersNever) {
  TrackerConfig config;
  config.motion_model = MotionModelKind::kBallistic;
  EXPECT_TRUE(FallingTrackTest(config).Falls(Imm(0.0, 10.0)));
  config.motion_model = MotionModelKind::kCv;
  EXPECT_FALSE(FallingTrackTest(config).Falls(Imm(1.0, 300.0)));
  config.motion_model = MotionModelKind::kImm;
  config.imm_models = {MotionModelKind::kCv, MotionModelKind::kCt};  // no ballistic mode
  EXPECT_FALSE(FallingTrackTest(config).Falls(Imm(1.0, 300.0)));
}

}  // namespace
}  // namespace cupola

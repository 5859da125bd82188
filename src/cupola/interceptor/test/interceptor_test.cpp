#include "cupola/interceptor/interceptor.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cupola/core/units.h"
#include "cupola/physics/ballistic.h"
#include "cupola/scenario/presets.h"

namespace cupola {
namespace {

class InterceptorTest : public ::testing::Test {
 protected:
  LocalFrame frame_{GeodeticPoint{31.5, 34.6, 0.0}};
  FlightEnvironment env_ = FlightEnvironment::Standard(frame_, 0.0);
  const InterceptorType& tamir_ = *FindCatalogInterceptor("tamir");
  InterceptorDynamics dynamics_{&tamir_, &env_};

  // Flies one interceptor from `launcher` against `truth` with perfect track
  // data uplinked every 0.1 s, aimed first at `aim`; returns it when done.
  Interceptor Engage(const Eigen::Vector3d& launcher, const Eigen::Vector3d& aim, double t0, const TruthAt& truth,
                     const Eigen::Vector3d& target_accel) {
    Interceptor interceptor(&dynamics_, dynamics_.Launch(launcher, (aim - launcher).normalized(), t0), 7);
    for (double t = t0; !interceptor.done() && t < t0 + 70.0; t += 0.1) {
      const TargetTruth now = truth(t);
      interceptor.Advance(t + 0.1, Uplink{t, now.p_W, now.v_W, target_accel}, truth);
    }
    return interceptor;
  }
};

TEST_F(InterceptorTest, HitsAConstantVelocityDroneWithinTheLethalRadius) {
  // A drone 300 m up crossing 7 km out at 50 m/s.
  const TruthAt drone = [](double t) {
    return TargetTruth{true, Eigen::Vector3d(7000.0, -2000.0 + 50.0 * t, 300.0), Eigen::Vector3d(0, 50, 0)};
  };
  const Interceptor i = Engage(Eigen::Vector3d::Zero(), Eigen::Vector3d(7000, -1300, 1500), 0.0, drone,
                               Eigen::Vector3d::Zero());
  ASSERT_EQ(i.phase(), InterceptorPhase::kDetonated) << Code(i.outcome().reason);
  EXPECT_LT(i.outcome().miss_m, tamir_.lethal_radius_m);
  EXPECT_GT(i.terminal_since_t_s(), 0.0);  // the seeker locked on before the end
}

TEST_F(InterceptorTest, HitsABallisticRocketWithinTheLethalRadius) {
  // A 122 mm rocket at 45 degrees, intercepted on its way down by a launcher 4 km short of its impact.
  const ThreatType& grad = *FindCatalogThreat("rocket_122mm");
  const BallisticModel model{&grad.ballistic, &env_, 0.05, 0.01};
  std::vector<TrajectoryPoint> path;
  const FlightResult flight = FlyToImpact(model, Launch(model, Eigen::Vector3d(0, 20000, 0), DegToRad(45), kPi, 0.0),
                                          200.0, 0.05, [&](const TrajectoryPoint& p) {
                                            if (path.empty() || p.t_s > path.back().t_s) path.push_back(p);
                                          });
  ASSERT_TRUE(flight.impacted);
  const TruthAt rocket = TruthAlong(path);
  const Eigen::Vector3d launcher(flight.end.p_W.x() + 1000.0, flight.end.p_W.y() - 4000.0, 0.0);
  const double t_launch = flight.end.t_s - 25.0;
  const Interceptor i = Engage(launcher, rocket(t_launch + 12.0).p_W, t_launch, rocket,
                               Eigen::Vector3d(0, 0, -kStandardGravity));
  ASSERT_EQ(i.phase(), InterceptorPhase::kDetonated) << Code(i.outcome().reason);
  EXPECT_LT(i.outcome().miss_m, tamir_.lethal_radius_m);
}

TEST_F(InterceptorTest, FlyingIntoTheGroundIsAMissWhereItCrossedTheSurface) {
  // A target 100 m below the ground 4 km out (as a bad altitude estimate would
  // put a low drone): pro-nav dives onto it and the ground comes first.
  const TruthAt buried = [](double) {
    return TargetTruth{true, Eigen::Vector3d(4000.0, 0.0, -100.0), Eigen::Vector3d::Zero()};
  };
  double lowest_m = 1e9;
  Interceptor interceptor(&dynamics_, dynamics_.Launch(Eigen::Vector3d::Zero(), Eigen::Vector3d(1, 0, 1).normalized(), 0.0), 7);
  for (double t = 0.0; !interceptor.done() && t < 60.0; t += 0.1) {
    interceptor.Advance(t + 0.1, Uplink{t, buried(t).p_W, Eigen::Vector3d::Zero(), Eigen::Vector3d::Zero()}, buried);
    if (!interceptor.done()) lowest_m = std::min(lowest_m, dynamics_.HeightAboveGround(interceptor.state()));
  }
  ASSERT_EQ(interceptor.phase(), InterceptorPhase::kMissed);
  EXPECT_EQ(interceptor.outcome().reason, Reason::kHitGround);
  EXPECT_GE(lowest_m, 0.0);  // never flying below the ground
  // The miss is placed where the path crossed the surface (linear within one step).
  EXPECT_NEAR(env_.HeightExact(interceptor.outcome().p_W), 0.0, 1.0);
  EXPECT_GT(interceptor.outcome().miss_m, 3.0 * tamir_.lethal_radius_m);  // never close enough to fuze
}

TEST(Fuze, ClosestApproachInsideAStep) {
  // Passing 3 m abeam halfway through the step.
  const ClosestApproach c = ClosestApproachInStep(Eigen::Vector3d(-10, 3, 0), Eigen::Vector3d(10, 3, 0));
  EXPECT_TRUE(c.passed);
  EXPECT_NEAR(c.fraction, 0.5, 1e-12);
  EXPECT_NEAR(c.miss_m, 3.0, 1e-12);
  // Still closing at the end of the step: not passed.
  EXPECT_FALSE(ClosestApproachInStep(Eigen::Vector3d(-10, 3, 0), Eigen::Vector3d(-5, 3, 0)).passed);
  // Carleton: 1 at zero miss, e^-1/2 at one lethal radius; cookie cutter: a step.
  EXPECT_NEAR(KillProbability(0.0, 6.0), 1.0, 1e-12);
  EXPECT_NEAR(KillProbability(6.0, 6.0), std::exp(-0.5), 1e-12);
  EXPECT_EQ(KillProbability(5.9, 6.0, KillModel::kCookieCutter), 1.0);
  EXPECT_EQ(KillProbability(6.1, 6.0, KillModel::kCookieCutter), 0.0);
}

TEST_F(InterceptorTest, TurningLimitFallsWithDynamicPressure) {
  InterceptorState fast_low = dynamics_.Launch(Eigen::Vector3d::Zero(), Eigen::Vector3d::UnitX(), 0.0, 700.0);
  fast_low.t_s = 5.0;  // after burn-out
  InterceptorState slow_high = fast_low;
  slow_high.p_W.z() = 10000.0;
  slow_high.v_W = Eigen::Vector3d(300, 0, 0);
  EXPECT_NEAR(dynamics_.MaxLateralAcceleration(fast_low), tamir_.max_load_factor * kStandardGravity, 1e-9);
  const double rho = AtmosphereTable::Standard().At(10000.0).density_kgpm3;
  const double expected = tamir_.max_normal_force_coefficient * 0.5 * rho * 300.0 * 300.0 *
                          tamir_.airframe.ReferenceArea_m2() / MassAt(tamir_.airframe, 5.0);
  EXPECT_NEAR(dynamics_.MaxLateralAcceleration(slow_high), expected, 1e-6 * expected);
  EXPECT_LT(expected, tamir_.max_load_factor * kStandardGravity);
  // A command is made lateral and limited.
  const Eigen::Vector3d a = dynamics_.Limit(slow_high, Eigen::Vector3d(1000, 1000, 0));
  EXPECT_NEAR(a.x(), 0.0, 1e-12);
  EXPECT_NEAR(a.norm(), expected, 1e-9);
}

TEST(TruthAlong, FollowsTheSamplesAndEndsWithThem) {
  // Constant acceleration: Hermite between exact samples is exact.
  auto At = [](double t) {
    return TrajectoryPoint{t, Eigen::Vector3d(100.0 * t, 0.0, 50.0 * t - 4.9 * t * t), Eigen::Vector3d(100.0, 0.0, 50.0 - 9.8 * t)};
  };
  const TruthAt truth = TruthAlong({At(0.0), At(1.0), At(2.0)});
  const TargetTruth mid = truth(1.5);
  ASSERT_TRUE(mid.alive);
  EXPECT_NEAR((mid.p_W - At(1.5).p_W).norm(), 0.0, 1e-9);
  EXPECT_NEAR((mid.v_W - At(1.5).v_W).norm(), 0.0, 1e-9);
  EXPECT_TRUE(truth(-1.0).alive);  // before the first sample: held there
  EXPECT_EQ(truth(-1.0).p_W, At(0.0).p_W);
  EXPECT_FALSE(truth(2.0001).alive);  // gone after the last
  EXPECT_FALSE(TruthAlong({})(0.0).alive);
}

}  // namespace
}  // namespace cupola

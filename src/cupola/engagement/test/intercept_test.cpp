#include "cupola/engagement/intercept.h"

#include <gtest/gtest.h>

#include "simple_interceptor.h"

#include <cmath>

namespace cupola {
namespace {

class Intercept : public ::testing::Test {
 protected:
  LocalFrame frame_{GeodeticPoint{31.5, 34.6, 0.0}};
  FlightEnvironment vacuum_ = FlightEnvironment::Vacuum(frame_);
  FlyOutTable table_{test::SimpleInterceptor(), nullptr};
  // A target flying level at 300 m/s straight at the launcher from 20 km.
  ThreatPath Incoming(double t_end_s = 66.0) const {
    return ThreatPath::Straight({0.0, Eigen::Vector3d(20000, 0, 0), Eigen::Vector3d(-300, 0, 0)}, t_end_s, 0.5, vacuum_);
  }
};

TEST_F(Intercept, HeadOnInterceptMatchesTheClosedForm) {
  // After burn-out the interceptor coasts at v_b from s_b: s_b + v_b (t - 2) + 300 t = 20000.
  const double v_b = -2000.0 * std::log(0.6);
  const double s_b = 10000.0 * (0.6 * std::log(0.6) + 0.4);
  for (const double t_launch : {0.0, 3.0, 10.0}) {
    const double t_star = (20000.0 - s_b + v_b * (2.0 + t_launch)) / (v_b + 300.0);
    const InterceptSolution s = SolveIntercept(Incoming(), Eigen::Vector3d::Zero(), t_launch, table_, Envelope{});
    ASSERT_TRUE(s.feasible) << t_launch;
    EXPECT_NEAR(s.t_intercept_s, t_star, 2e-3) << t_launch;
    EXPECT_NEAR(s.p_intercept_W.x(), 20000.0 - 300.0 * t_star, 1.0) << t_launch;
    EXPECT_NEAR(s.range_m, s.p_intercept_W.norm(), 1e-9);
    EXPECT_NEAR(s.interceptor_speed_mps, v_b, 1.0);
    EXPECT_LT(s.iterations, 20);  // secant-accelerated: a handful of evaluations
  }
}

TEST_F(Intercept, CrossingTargetIsMetWhereTheFlyOutAgrees) {
  // Crossing 8 km east at 250 m/s: at the intercept the fly-out time to the point equals the time left.
  const ThreatPath path =
      ThreatPath::Straight({0.0, Eigen::Vector3d(8000, -15000, 0), Eigen::Vector3d(0, 250, 0)}, 120.0, 0.5, vacuum_);
  const InterceptSolution s = SolveIntercept(path, Eigen::Vector3d::Zero(), 2.0, table_, Envelope{});
  ASSERT_TRUE(s.feasible);
  const auto fly = table_.Reach(s.p_intercept_W.norm(), 0.0);
  ASSERT_TRUE(fly);
  EXPECT_NEAR(s.t_intercept_s - 2.0, fly->time_s, 2e-3);
  EXPECT_NEAR(s.p_intercept_W.y(), -15000.0 + 250.0 * s.t_intercept_s, 1e-6);
}

TEST_F(Intercept, EnvelopeAndTimeLineMakeItInfeasible) {
  const Eigen::Vector3d launcher = Eigen::Vector3d::Zero();
  // Beyond the envelope's maximum range at the intercept point.
  Envelope short_range;
  short_range.max_range_m = 5000.0;
  const InterceptSolution far = SolveIntercept(Incoming(), launcher, 0.0, table_, short_range);
  EXPECT_FALSE(far.feasible);
  EXPECT_GT(far.range_m, 5000.0);
  // Too close: inside the minimum range.
  Envelope min_range;
  min_range.min_range_m = 18000.0;
  EXPECT_FALSE(SolveIntercept(Incoming(), launcher, 0.0, table_, min_range).feasible);
  // Below the minimum altitude (the target flies at 0 m).
  Envelope high;
  high.min_altitude_m = 100.0;
  EXPECT_FALSE(SolveIntercept(Incoming(), launcher, 0.0, table_, high).feasible);
  // The threat comes down before any interceptor could reach it.
  EXPECT_FALSE(SolveIntercept(Incoming(5.0), launcher, 0.0, table_, Envelope{}).feasible);
  // Launched after the path ends.
  EXPECT_FALSE(SolveIntercept(Incoming(), launcher, 70.0, table_, Envelope{}).feasible);
  // A path that never comes within reach (passes 100 km away).
  const ThreatPath remote =
      ThreatPath::Straight({0.0, Eigen::Vector3d(100000, -5000, 0), Eigen::Vector3d(0, 300, 0)}, 60.0, 0.5, vacuum_);
  EXPECT_FALSE(SolveIntercept(remote, launcher, 0.0, table_, Envelope{}).feasible);
}

}  // namespace
}  // namespace cupola

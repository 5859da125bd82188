#include "cupola/physics/ballistic.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cupola/core/units.h"
#include "cupola/physics/fire_control.h"

namespace cupola {
namespace {

BallisticParams Shell(double muzzle_velocity_mps) {
  BallisticParams p;
  p.launch_mass_kg = 10.0;
  p.diameter_m = 0.1;
  p.muzzle_velocity_mps = muzzle_velocity_mps;
  p.min_elevation_rad = DegToRad(5);
  p.max_elevation_rad = DegToRad(85);
  return p;
}

// Vacuum, flat earth, constant gravity: R = v^2 sin 2e / g, H = (v sin e)^2 / 2g,
// T = 2 v sin e / g. RK4 integrates this quadratic exactly, so only the root
// finding and rounding separate the two: demand 1e-6 relative (issue #2).
class VacuumClosedForm : public ::testing::TestWithParam<double> {};

TEST_P(VacuumClosedForm, RangeApogeeAndTimeOfFlight) {
  const double elevation = DegToRad(GetParam());
  const double v0 = 300.0, g = kStandardGravity;
  const LocalFrame frame({31.5, 34.6, 0.0});
  const FlightEnvironment env = FlightEnvironment::Vacuum(frame);
  const BallisticParams shell = Shell(v0);
  const BallisticModel model{&shell, &env, 0.37, 0.01};  // an awkward step on purpose
  const FlightResult r = FlyToImpact(model, Launch(model, Eigen::Vector3d::Zero(), elevation, DegToRad(30), 0.0), 1e4);
  ASSERT_TRUE(r.impacted);
  const double range = v0 * v0 * std::sin(2 * elevation) / g;
  const double apogee = std::pow(v0 * std::sin(elevation), 2) / (2 * g);
  const double time_of_flight = 2 * v0 * std::sin(elevation) / g;
  EXPECT_NEAR(r.end.p_W.head<2>().norm(), range, 1e-6 * range);
  EXPECT_NEAR(r.apogee_height_m, apogee, 1e-6 * apogee);
  EXPECT_NEAR(r.end.t_s, time_of_flight, 1e-6 * time_of_flight);
  EXPECT_NEAR(r.end.p_W.z(), 0.0, 1e-6);  // on the ground, not below it
  // Azimuth 30 deg clockwise from north.
  EXPECT_NEAR(std::atan2(r.end.p_W.x(), r.end.p_W.y()), DegToRad(30), 1e-9);
  // Energy: speed at impact equals speed at launch.
  EXPECT_NEAR(r.end.v_W.norm(), v0, 1e-9 * v0);
}

INSTANTIATE_TEST_SUITE_P(Elevations, VacuumClosedForm, ::testing::Values(15.0, 45.0, 60.0, 80.0));

TEST(Ballistic, InterpolateIsExactForCubics) {
  // p(t) = t^3 reproduced from its end values and derivatives.
  TrajectoryPoint a{0.0, Eigen::Vector3d(0, 0, 0), Eigen::Vector3d(0, 0, 0)};
  TrajectoryPoint b{2.0, Eigen::Vector3d(8, 0, 0), Eigen::Vector3d(12, 0, 0)};
  const TrajectoryPoint m = Interpolate(a, b, 1.5);
  EXPECT_NEAR(m.p_W.x(), 3.375, 1e-12);
  EXPECT_NEAR(m.v_W.x(), 6.75, 1e-12);
}

TEST(Ballistic, DragShortensRangeAndMaxRangeElevationDropsBelow45) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  BallisticParams shell = Shell(300.0);
  shell.drag = DragCurve({{0.0, 0.3}, {0.8, 0.3}, {1.0, 0.6}, {2.0, 0.4}});
  const BallisticModel model{&shell, &env, 0.1, 0.01};
  const double vacuum_range = 300.0 * 300.0 / kStandardGravity;
  const double best = MaxRangeElevation(model, Eigen::Vector3d::Zero(), 0.0);
  EXPECT_LT(best, DegToRad(45));
  EXPECT_GT(best, DegToRad(35));
  EXPECT_LT(FlyForRange(model, Eigen::Vector3d::Zero(), best, 0.0).range_m, vacuum_range);
}

TEST(Ballistic, MotorBurnsOutWithTheRightDeltaV) {
  // In vacuum without gravity, a constant-thrust burn gives the rocket
  // equation's delta-v: v = Isp g0 ln(m0 / m1), with Isp g0 = T / mdot.
  const LocalFrame frame({0.0, 0.0, 0.0});
  FlightEnvironment env = FlightEnvironment::Vacuum(frame);
  BallisticParams rocket = Shell(0.0);
  rocket.launch_mass_kg = 66.0;
  rocket.motor = {20000.0, 2.0, 20.0};
  const BallisticModel model{&rocket, &env, 0.1, 0.001};
  BallisticState s = Launch(model, Eigen::Vector3d(0, 0, 1000), DegToRad(90), 0.0, 0.0);
  while (s.t_s < 2.0 - 1e-12) Step(model, s, NextStepSize(model, s));
  const double exhaust_speed = 20000.0 / 10.0;
  const double delta_v = exhaust_speed * std::log(66.0 / 46.0) - kStandardGravity * 2.0;
  EXPECT_NEAR(s.v_W.z(), delta_v, 1e-6 * delta_v);
  EXPECT_NEAR(MassAt(rocket, 5.0), 46.0, 1e-12);
}

TEST(FireControl, SolutionHitsTheAimPoint) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  env.wind_W = Eigen::Vector3d(8.0, -3.0, 0.0);  // crosswind and Coriolis must be laid off
  BallisticParams shell = Shell(250.0);
  shell.drag = DragCurve({{0.0, 0.3}, {0.8, 0.3}, {1.0, 0.6}, {2.0, 0.4}});
  shell.high_angle = true;
  const BallisticModel model{&shell, &env, 0.1, 0.01};
  const Eigen::Vector3d launch(1000.0, -2000.0, 0.0);
  const Eigen::Vector2d target(2500.0, 1500.0);
  const FireControlTable table(model, launch, std::atan2(1500.0, 3500.0));
  const auto solution = table.Solve(target);
  ASSERT_TRUE(solution.in_range);
  EXPECT_GT(solution.elevation_rad, table.max_range_elevation_rad());  // high-angle branch
  const FlightResult r = FlyToImpact(model, Launch(model, launch, solution.elevation_rad, solution.azimuth_rad, 0.0), 1e3);
  EXPECT_LT((r.end.p_W.head<2>() - target).norm(), 5.0);  // metres, from a 0.5 deg table
}

}  // namespace
}  // namespace cupola

#include "cupola/physics/drone.h"

#include <gtest/gtest.h>

#include "cupola/core/units.h"

namespace cupola {
namespace {

DroneParams Shahed() {
  DroneParams p;
  p.mass_kg = 200;
  p.cruise_speed_mps = 50;
  p.cruise_height_m = 500;
  p.max_turn_rate_radps = DegToRad(3);
  p.max_climb_rate_mps = 5;
  p.dive_angle_rad = DegToRad(40);
  p.dive_speed_mps = 70;
  return p;
}

TEST(Drone, FliesTheRouteAndHitsTheTarget) {
  const LocalFrame frame({50.45, 30.52, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  const DroneParams shahed = Shahed();
  const DroneModel model{&shahed, &env, 0.1};
  DroneRoute route;
  route.waypoints_EN = {{-30e3, 10e3}, {-10e3, 20e3}};
  route.target_W = frame.ToLocal({50.45, 30.52, 0.0});
  double max_speed = 0.0, max_height = 0.0;
  const FlightResult r = FlyDrone(model, route, Eigen::Vector3d(-40e3, -20e3, 0.0), 0.0, 7200.0, 1.0,
                                  [&](const TrajectoryPoint& p) {
                                    max_speed = std::max(max_speed, p.v_W.norm());
                                    max_height = std::max(max_height, env.HeightFast(p.p_W));
                                  });
  ASSERT_TRUE(r.impacted);
  EXPECT_LT((r.end.p_W - route.target_W).norm(), 1.0);  // straight dive onto the target
  EXPECT_NEAR(env.HeightExact(r.end.p_W), 0.0, 1e-3);
  EXPECT_NEAR(max_height, 500.0, 5.0);
  EXPECT_LE(max_speed, 70.0 + 1e-9);
  // Path length is at least the sum of the legs; flight time follows from the speed.
  const double legs = (Eigen::Vector2d(-30e3, 10e3) - Eigen::Vector2d(-40e3, -20e3)).norm() +
                      (Eigen::Vector2d(-10e3, 20e3) - Eigen::Vector2d(-30e3, 10e3)).norm() +
                      Eigen::Vector2d(-10e3, 20e3).norm();
  EXPECT_GT(r.end.t_s, legs / 50.0 * 0.95);
  EXPECT_LT(r.end.t_s, legs / 50.0 * 1.10);
}

}  // namespace
}  // namespace cupola

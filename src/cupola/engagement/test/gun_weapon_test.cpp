#include "cupola/engagement/gun_weapon.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/geo/local_frame.h"
#include "cupola/physics/environment.h"
#include "cupola/scenario/presets.h"

namespace cupola {
namespace {

GunWeapon Skynex(GunMount mount = {}) { return GunWeapon(*FindCatalogGun("skynex_35"), mount); }

// p(d): the closed form against a Monte Carlo mean of the Carleton lethality
// exp(-x^2 / 2 r^2) over rounds scattered N(d, sigma^2 I) in the plane.
TEST(GunWeapon, RoundPkMatchesItsIntegral) {
  Rng rng(7);
  for (const auto& [r, sigma, d] : {std::tuple{1.5, 2.0, 0.0}, std::tuple{1.5, 2.0, 3.0}, std::tuple{0.35, 4.0, 1.0}}) {
    constexpr int kN = 200000;
    double sum = 0.0;
    for (int i = 0; i < kN; ++i) {
      const double x = d + rng.Normal(0.0, sigma), y = rng.Normal(0.0, sigma);
      sum += std::exp(-(x * x + y * y) / (2.0 * r * r));
    }
    EXPECT_NEAR(GunRoundPk(r, sigma, d), sum / kN, 3e-3) << r << " " << sigma << " " << d;
  }
  EXPECT_DOUBLE_EQ(GunRoundPk(1.5, 0.0, 0.0), 1.0);
}

TEST(GunWeapon, BurstPkIsOneMinusAllRoundsMissing) {
  EXPECT_DOUBLE_EQ(GunBurstPk(0.1, 1), 0.1);
  EXPECT_NEAR(GunBurstPk(0.1, 20), 1.0 - std::pow(0.9, 20), 1e-15);
  const GunWeapon gun = Skynex();
  const GunType& t = gun.type();
  const double R = 2000.0, d = 1.0;
  EXPECT_NEAR(gun.BurstPk(false, R, d),
              1.0 - std::pow(1.0 - GunRoundPk(t.cloud_radius_drone_m, t.dispersion_rad * R, d), t.burst_rounds), 1e-15);
  // Harder against a falling round, and worse with range.
  EXPECT_LT(gun.BurstPk(true, R, d), gun.BurstPk(false, R, d));
  EXPECT_LT(gun.ExpectedBurstPk(false, 3500.0), gun.ExpectedBurstPk(false, 1000.0));
}

// The planning Pk is the burst's mean over the Rayleigh aim offset: a Monte
// Carlo of the gun stage's own draw.
TEST(GunWeapon, ExpectedBurstPkIsTheMeanOverTheAimError) {
  const GunWeapon gun = Skynex();
  Rng rng(11);
  for (const double R : {1000.0, 3000.0}) {
    const double sigma_a = gun.type().aim_error_rad * R;
    constexpr int kN = 200000;
    double sum = 0.0;
    for (int i = 0; i < kN; ++i) sum += gun.BurstPk(true, R, std::hypot(rng.Normal(0.0, sigma_a), rng.Normal(0.0, sigma_a)));
    EXPECT_NEAR(gun.ExpectedBurstPk(true, R), sum / kN, 3e-3) << R;
  }
}

TEST(GunWeapon, TimeOfFlightIntegratesTheDecayingSpeed) {
  const GunWeapon gun = Skynex();
  const double k = gun.type().velocity_decay_per_m, v0 = gun.type().muzzle_velocity_mps;
  double t = 0.0;
  constexpr double kDs = 0.1;
  for (int i = 0; i < 30000; ++i) t += kDs / (v0 * std::exp(-k * (i + 0.5) * kDs));
  EXPECT_NEAR(gun.TimeOfFlight(3000.0), t, 1e-6);
}

TEST(GunWeapon, SolvesACrossingDroneInsideItsSectorOnly) {
  // A drone at 500 m height flying east at 50 m/s, passing 2 km north of the mount.
  const LocalFrame frame{GeodeticPoint{50.0, 30.0, 0.0}};
  const FlightEnvironment env = FlightEnvironment::Vacuum(frame);
  const ThreatPath path = ThreatPath::Straight({0.0, {-5000.0, 2000.0, 500.0}, {50.0, 0.0, 0.0}}, 300.0, 2.0, env);
  const GunWeapon gun = Skynex();
  const InterceptSolution s = gun.Solve(path, Eigen::Vector3d::Zero(), 70.0);
  ASSERT_TRUE(s.feasible);
  EXPECT_NEAR(s.t_intercept_s - 70.0, gun.TimeOfFlight(s.p_intercept_W.norm()), 1e-3);
  EXPECT_LT(s.range_m, 4000.0);
  // Too far yet at t = 0 (5.4 km), and never inside a sector facing south.
  EXPECT_FALSE(gun.Solve(path, Eigen::Vector3d::Zero(), 0.0).feasible);
  const GunWeapon south = Skynex({kPi, DegToRad(90.0)});
  EXPECT_FALSE(south.Solve(path, Eigen::Vector3d::Zero(), 70.0).feasible);
  EXPECT_TRUE(Skynex({0.0, DegToRad(90.0)}).Solve(path, Eigen::Vector3d::Zero(), 70.0).feasible);
}

}  // namespace
}  // namespace cupola

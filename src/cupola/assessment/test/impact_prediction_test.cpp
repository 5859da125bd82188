#include "cupola/assessment/impact_prediction.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/physics/ballistic.h"
#include "cupola/scenario/presets.h"

namespace cupola {
namespace {

GaussianState State(const Eigen::Vector3d& p, const Eigen::Vector3d& v, double kappa, double sigma_p, double sigma_v) {
  GaussianState s;
  s.x = StateVector::Zero(7);
  s.x << p, v, kappa;
  s.P = StateMatrix::Zero(7, 7);
  s.P.diagonal() << Eigen::Vector3d::Constant(sigma_p * sigma_p), Eigen::Vector3d::Constant(sigma_v * sigma_v), 1e-14;
  return s;
}

TEST(ImpactPrediction, VacuumMatchesTheClosedForm) {
  // Flat earth, constant g, no air: t = (vz + sqrt(vz^2 + 2 g z)) / g, x = p + v t.
  const LocalFrame frame({31.5, 34.6, 0.0});
  const FlightEnvironment env = FlightEnvironment::Vacuum(frame);
  const ImpactPredictor predictor(&env);
  GaussianState s = State({1000, 2000, 3000}, {150, -80, 120}, 0.0, 1e-3, 1e-4);
  s.t_s = 10.0;
  const ImpactPrediction p = predictor.Predict(s);
  ASSERT_TRUE(p.valid);
  const double g = kStandardGravity, t = (120 + std::sqrt(120.0 * 120 + 2 * g * 3000)) / g;
  EXPECT_NEAR(p.t_impact_s, 10.0 + t, 1e-6);
  EXPECT_NEAR(p.mean_EN.x(), 1000 + 150 * t, 1e-3);
  EXPECT_NEAR(p.mean_EN.y(), 2000 - 80 * t, 1e-3);
}

TEST(ImpactPrediction, RocketFromMidFlightLandsWhereThePhysicsSays) {
  // A 122 mm rocket at its apogee, with kappa = Cd(M) S / m there: the
  // prediction must fall within 1 % of the remaining ground distance of the
  // full model's impact (the remaining error: Cd changes with Mach on the way down).
  const LocalFrame frame({31.5, 34.5, 0.0});
  FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  const ThreatType& type = *FindCatalogThreat("rocket_122mm");
  const BallisticModel model{&type.ballistic, &env};
  const FlightResult flight = FlyToImpact(model, Launch(model, Eigen::Vector3d::Zero(), DegToRad(45), DegToRad(20), 0.0), 1e3);
  ASSERT_TRUE(flight.impacted);
  const TrajectoryPoint& apogee = flight.apogee;
  const double mach = apogee.v_W.norm() / env.atmosphere->At(env.HeightFast(apogee.p_W)).speed_of_sound_mps;
  const double kappa = type.ballistic.drag.Cd(mach) * type.ballistic.ReferenceArea_m2() /
                       MassAt(type.ballistic, apogee.t_s);
  GaussianState s = State(apogee.p_W, apogee.v_W, kappa, 1e-3, 1e-4);
  s.t_s = apogee.t_s;
  const ImpactPrediction p = ImpactPredictor(&env).Predict(s);
  ASSERT_TRUE(p.valid);
  const double remaining = (flight.end.p_W.head<2>() - apogee.p_W.head<2>()).norm();
  EXPECT_LT((p.mean_EN - flight.end.p_W.head<2>()).norm(), 0.01 * remaining);
  EXPECT_NEAR(p.t_impact_s, flight.end.t_s, 0.01 * (flight.end.t_s - apogee.t_s));
}

TEST(ImpactPrediction, UnscentedSpreadMatchesMonteCarlo) {
  // The sigma-point covariance of the impact point against 4000 Monte Carlo
  // trajectories of the same dynamics: within 10 % on each axis (the Monte
  // Carlo standard error on a variance is sqrt(2 / 4000) = 2.2 %).
  const LocalFrame frame({31.5, 34.5, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  const ImpactPredictor predictor(&env);
  GaussianState s = State({2000, 3000, 4000}, {180, 90, 40}, 1.5e-4, 40.0, 8.0);
  s.P(6, 6) = 3e-5 * 3e-5;
  const ImpactPrediction ut = predictor.Predict(s);
  ASSERT_TRUE(ut.valid);
  Rng rng(8);
  const Eigen::Matrix<double, 7, 7> L = Eigen::Matrix<double, 7, 7>(s.P).llt().matrixL();
  Eigen::Vector2d sum = Eigen::Vector2d::Zero();
  Eigen::Matrix2d sum2 = Eigen::Matrix2d::Zero();
  const int runs = 4000;
  for (int i = 0; i < runs; ++i) {
    Eigen::Matrix<double, 7, 1> w;
    for (int k = 0; k < 7; ++k) w[k] = rng.Normal();
    const Eigen::Matrix<double, 7, 1> x = Eigen::Matrix<double, 7, 1>(s.x) + L * w;
    double t = 0.0;
    Eigen::Vector2d p;
    ASSERT_TRUE(predictor.FlyToGround(x, 0.0, t, p));
    sum += p;
    sum2 += p * p.transpose();
  }
  const Eigen::Vector2d mc_mean = sum / runs;
  const Eigen::Matrix2d mc_cov = sum2 / runs - mc_mean * mc_mean.transpose();
  EXPECT_LT((ut.mean_EN - mc_mean).norm(), 0.1 * std::sqrt(mc_cov.trace()));
  EXPECT_NEAR(ut.cov_EN(0, 0), mc_cov(0, 0), 0.1 * mc_cov(0, 0));
  EXPECT_NEAR(ut.cov_EN(1, 1), mc_cov(1, 1), 0.1 * mc_cov(1, 1));
}

}  // namespace
}  // namespace cupola

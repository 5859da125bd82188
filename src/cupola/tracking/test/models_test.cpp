#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/tracking/filters.h"

namespace cupola {
namespace {

// Central finite differences of f about x, column by column.
template <typename F>
Eigen::MatrixXd NumericJacobian(F f, const StateVector& x, double step) {
  const auto f0 = f(x);
  Eigen::MatrixXd J(f0.size(), x.size());
  for (int j = 0; j < x.size(); ++j) {
    StateVector hi = x, lo = x;
    const double h = step * std::max(1.0, std::abs(x[j]));
    hi[j] += h;
    lo[j] -= h;
    J.col(j) = (f(hi) - f(lo)) / (2 * h);
  }
  return J;
}

void ExpectJacobian(const MotionModel& model, const StateVector& x, double dt, double tolerance) {
  const Eigen::MatrixXd numeric =
      NumericJacobian([&](const StateVector& s) { return Eigen::VectorXd(model.Propagate(s, dt)); }, x, 1e-6);
  const Eigen::MatrixXd analytic = model.Jacobian(x, dt);
  // Column by column, relative to the column's size (columns differ by 1e7
  // in scale: metres per metre against metres per unit drag parameter).
  for (int j = 0; j < analytic.cols(); ++j) {
    const double scale = std::max(1.0, analytic.col(j).norm());
    EXPECT_LT((numeric.col(j) - analytic.col(j)).norm(), tolerance * scale)
        << model.name() << " column " << j << "\nnumeric\n" << numeric << "\nanalytic\n" << analytic;
  }
}

StateVector State(std::initializer_list<double> values) {
  StateVector x(static_cast<int>(values.size()));
  int i = 0;
  for (double v : values) x[i++] = v;
  return x;
}

TEST(MotionModels, JacobiansMatchFiniteDifferences) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  ExpectJacobian(ConstantVelocity(1.0), State({1e3, 2e3, 3e3, 100, -50, 20}), 1.3, 1e-7);
  ExpectJacobian(ConstantAcceleration(1.0, 10.0), State({1e3, 2e3, 3e3, 100, -50, 20, 1, 2, -9}), 1.3, 1e-7);
  // The ballistic Jacobian leaves out gravity's gradient (see
  // motion_models.cpp), worth about 1e-5 over these steps.
  ExpectJacobian(Ballistic(&env, 1.0, 1e-8, 1e-3, 1e-3), State({5e3, -2e3, 4e3, 250, 120, 180, 2e-3}), 2.0, 2e-5);
  ExpectJacobian(Ballistic(&env, 1.0, 1e-8, 1e-3, 1e-3), State({5e3, -2e3, 1e3, -300, 80, -250, 4e-3}), 0.7, 2e-5);
  ExpectJacobian(CoordinatedTurn(1.0, 1e-4, 0.1), State({1e3, 2e3, 300, 40, 30, -1, 0.1}), 3.0, 1e-6);
  // Near omega = 0 the small-angle branch is first order in omega T.
  ExpectJacobian(CoordinatedTurn(1.0, 1e-4, 0.1), State({1e3, 2e3, 300, 40, 30, -1, 1e-9}), 3.0, 1e-5);
}

// The EKF's one-pass prediction is the state and the Jacobian it replaces, exactly.
TEST(MotionModels, PropagateWithJacobianIsPropagateAndJacobian) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  const Ballistic ballistic(&env, 1.0, 1e-8, 1e-3, 1e-3);
  const ConstantVelocity cv(1.0);
  for (const MotionModel* model : {static_cast<const MotionModel*>(&ballistic), static_cast<const MotionModel*>(&cv)}) {
    StateVector x = State({5e3, -2e3, 4e3, 250, 120, 180, 2e-3});
    x.conservativeResize(model->dim());
    for (const double dt : {0.4, 1.0, 2.7}) {
      StateVector propagated;
      const StateMatrix F = model->PropagateWithJacobian(x, dt, propagated);
      EXPECT_EQ(propagated, model->Propagate(x, dt)) << model->name() << " " << dt;
      EXPECT_EQ(F, model->Jacobian(x, dt)) << model->name() << " " << dt;
    }
  }
}

TEST(MotionModels, CoordinatedTurnKeepsSpeedAndTurnsByOmegaT) {
  const CoordinatedTurn ct(0.0, 0.0, 0.1);
  const StateVector x = State({0, 0, 100, 50, 0, 0, 0.1});
  const StateVector y = ct.Propagate(x, kPi / 0.1 / 2);  // a quarter turn
  EXPECT_NEAR(y.segment<2>(3).norm(), 50.0, 1e-9);
  EXPECT_NEAR(y[3], 0.0, 1e-9);   // heading east -> north (counter-clockwise for omega > 0)
  EXPECT_NEAR(y[4], 50.0, 1e-9);
  EXPECT_NEAR(y[0], 500.0, 1e-9);  // radius v / omega
  EXPECT_NEAR(y[1], 500.0, 1e-9);
}

TEST(MotionModels, BallisticMatchesTheFlightModelInVacuum) {
  // Without air the ballistic model is a parabola under normal gravity.
  const LocalFrame frame({31.5, 34.6, 0.0});
  FlightEnvironment env = FlightEnvironment::Vacuum(frame);
  const Ballistic model(&env, 0.0, 0.0, 0.0, 1.0);
  const StateVector y = model.Propagate(State({0, 0, 1000, 100, 0, 50, 0.0}), 4.0);
  EXPECT_NEAR(y[0], 400.0, 1e-9);
  EXPECT_NEAR(y[2], 1000 + 200 - 0.5 * kStandardGravity * 16, 1e-9);
  EXPECT_NEAR(y[5], 50 - kStandardGravity * 4, 1e-9);
}

// Found by fuzz/fuzz_detections_csv: a detection days after the last one made
// the ballistic model integrate millions of RK4 steps (and overflow the step
// count beyond 17 years). Beyond an hour it now answers NaN, at once.
TEST(MotionModels, BallisticPredictionBeyondAnHourIsNaN) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  const Ballistic model(&env, 0.1, 1e-9, 2e-4, 2e-4);
  const StateVector x = State({0, 0, 1000, 100, 0, 50, 2e-4});
  EXPECT_TRUE(model.Propagate(x, 3600.0).allFinite());
  for (const double dt : {3600.5, -1e6, 1e9, std::numeric_limits<double>::infinity()}) {
    EXPECT_TRUE(model.Propagate(x, dt).array().isNaN().all()) << dt;
    EXPECT_TRUE(model.Jacobian(x, dt).array().isNaN().all()) << dt;
  }
}

TEST(MeasurementModel, JacobianMatchesFiniteDifferences) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  RadarSpec spec;
  spec.site = {31.45, 34.62, 120.0};
  spec.sigma_radial_velocity_mps = 1.0;
  const RadarModel radar = RadarModel::FromSpec(spec, frame);
  const SphericalMeasurementModel sensor(&radar);
  const StateVector x = State({8e3, 9e3, 2500, -200, 150, 90, 0.003});
  const Eigen::MatrixXd numeric =
      NumericJacobian([&](const StateVector& s) { return Eigen::VectorXd(sensor.Predict(s)); }, x, 1e-7);
  const Eigen::MatrixXd analytic = sensor.Jacobian(x);
  EXPECT_LT((numeric - analytic).cwiseAbs().maxCoeff(), 1e-6) << numeric << "\n\n" << analytic;
}

// Kalata's closed form for the steady-state alpha-beta filter: a constant-
// velocity model with discrete white acceleration (variance sigma_a^2 per
// step T) and position measurements of variance sigma_w^2. With tracking
// index lambda = sigma_a T^2 / sigma_w:
//   alpha = -(lambda^2 + 8 lambda - (lambda + 4) sqrt(lambda^2 + 8 lambda)) / 8
//   beta  = (lambda^2 + 4 lambda - lambda sqrt(lambda^2 + 8 lambda)) / 4
// and the updated covariance P11 = alpha sigma_w^2, P12 = beta sigma_w^2 / T,
// P22 = beta (alpha - beta / 2) / (1 - alpha) sigma_w^2 / T^2
// (Bar-Shalom et al. 2001, sec. 6.5.3).
TEST(Filters, KalmanFilterReachesTheAlphaBetaSteadyState) {
  const double T = 0.5, sigma_a = 3.0, sigma_w = 20.0;
  const double lambda = sigma_a * T * T / sigma_w;
  const double root = std::sqrt(lambda * lambda + 8 * lambda);
  const double alpha = -(lambda * lambda + 8 * lambda - (lambda + 4) * root) / 8;
  const double beta = (lambda * lambda + 4 * lambda - lambda * root) / 4;

  const ConstantVelocity model(sigma_a * sigma_a, ConstantVelocity::Noise::kDiscrete);
  const ExtendedKalmanFilter filter;
  GaussianState s;
  s.x = StateVector::Zero(6);
  s.P = 1e6 * StateMatrix::Identity(6, 6);
  Innovation last;
  for (int k = 1; k <= 500; ++k) {
    const GaussianState predicted = filter.Predict(model, s, k * T);
    // A linear position measurement of the east coordinate only.
    Innovation in;
    in.H = MeasStateMatrix::Zero(1, 6);
    in.H(0, 0) = 1.0;
    in.R = MeasMatrix::Constant(1, 1, sigma_w * sigma_w);
    in.y = MeasVector::Constant(1, 0.0);
    in.P_xz = predicted.P * in.H.transpose();
    in.S = in.H * in.P_xz + in.R;
    FinishInnovation(in);
    ASSERT_TRUE(filter.Update(predicted, in, s));
    last = in;
  }
  const double gain_position = last.P_xz(0, 0) / last.S(0, 0);
  const double gain_velocity = last.P_xz(3, 0) / last.S(0, 0);
  EXPECT_NEAR(gain_position, alpha, 1e-9);
  EXPECT_NEAR(gain_velocity * T, beta, 1e-9);
  const double w2 = sigma_w * sigma_w;
  EXPECT_NEAR(s.P(0, 0), alpha * w2, 1e-6 * w2);
  EXPECT_NEAR(s.P(0, 3), beta * w2 / T, 1e-6 * w2);
  EXPECT_NEAR(s.P(3, 3), beta * (alpha - beta / 2) / (1 - alpha) * w2 / (T * T), 1e-6 * w2);
}

// The fixed-size update (states of 6, 7, 9; 3 or 4 measurements) multiplies
// the Joseph form out through H P = P_xz^T and H's zero columns beyond
// position and velocity: it must equal the textbook form.
TEST(Filters, FixedSizeJosephUpdateEqualsTheTextbookForm) {
  Rng rng(5);
  for (const int n : {6, 7, 9}) {
    for (const int m : {3, 4}) {
      const StateMatrix A = StateMatrix::NullaryExpr(n, n, [&] { return rng.Normal(); });
      GaussianState predicted;
      predicted.x = StateVector::Zero(n);
      predicted.P = A * A.transpose() + StateMatrix::Identity(n, n);
      Innovation in;
      in.H = MeasStateMatrix::Zero(m, n);
      in.H.leftCols(6) = MeasStateMatrix::NullaryExpr(m, 6, [&] { return rng.Normal(); });
      in.R = MeasMatrix::Identity(m, m) * 0.5;
      in.y = MeasVector::Constant(m, 0.3);
      in.P_xz = predicted.P * in.H.transpose();
      in.S = in.H * in.P_xz + in.R;
      FinishInnovation(in);
      GaussianState updated;
      ASSERT_TRUE(ExtendedKalmanFilter().Update(predicted, in, updated)) << n << "x" << m;
      const StateMeasMatrix K = in.P_xz * MeasMatrix(in.S.inverse());
      const StateMatrix I_KH = StateMatrix::Identity(n, n) - K * in.H;
      const StateMatrix joseph = I_KH * predicted.P * I_KH.transpose() + K * in.R * K.transpose();
      const StateMatrix P_error = updated.P - joseph;
      const StateVector x_error = updated.x - K * in.y;
      EXPECT_LT(P_error.norm(), 1e-12 * joseph.norm()) << n << "x" << m;
      EXPECT_LT(x_error.norm(), 1e-12) << n << "x" << m;
    }
  }
}

TEST(Filters, UkfAndEkfAgreeWhenTheMeasurementIsNearlyLinear) {
  // Far from the radar, with a small covariance, h is nearly linear over the
  // spread of the sigma points, so the two filters must give the same update.
  const LocalFrame frame({31.5, 34.6, 0.0});
  RadarSpec spec;
  spec.site = {31.45, 34.62, 120.0};
  const RadarModel radar = RadarModel::FromSpec(spec, frame);
  const SphericalMeasurementModel sensor(&radar);
  const ConstantVelocity model(1.0);
  GaussianState s;
  s.x = State({20e3, 25e3, 3000, -200, 100, 50});
  s.P = StateMatrix::Identity(6, 6) * 25.0;
  const ExtendedKalmanFilter ekf;
  const UnscentedKalmanFilter ukf;
  const GaussianState pe = ekf.Predict(model, s, 1.0), pu = ukf.Predict(model, s, 1.0);
  EXPECT_LT((pe.x - pu.x).norm(), 1e-9);
  EXPECT_LT((pe.P - pu.P).norm(), 1e-6 * pe.P.norm());  // f is linear: identical
  MeasVector z = sensor.Predict(pe.x);
  z[0] += 15.0;
  z[1] += 1e-3;
  const Innovation ie = ekf.Innovate(sensor, pe, z), iu = ukf.Innovate(sensor, pu, z);
  GaussianState ue, uu;
  ASSERT_TRUE(ekf.Update(pe, ie, ue));
  ASSERT_TRUE(ukf.Update(pu, iu, uu));
  EXPECT_LT((ue.x - uu.x).head<3>().norm(), 0.05);  // metres
  EXPECT_NEAR(ie.nis, iu.nis, 0.01 * ie.nis);
}

TEST(State, EnforceCovarianceRepairsRoundOffAndFlagsNaN) {
  StateMatrix P(2, 2);
  P << 1.0, 1.0 + 1e-12, 1.0, 1.0;  // singular and slightly asymmetric
  ASSERT_TRUE(EnforceCovariance(P, 1e-9));
  EXPECT_EQ(P(0, 1), P(1, 0));
  EXPECT_GT(P.determinant(), 0.0);
  P(0, 0) = std::nan("");
  EXPECT_FALSE(EnforceCovariance(P));
}

}  // namespace
}  // namespace cupola

#include "cupola/tracking/filters.h"

#include <Eigen/Cholesky>
#include <array>
#include <cmath>

#include "cupola/core/error.h"
#include "cupola/core/units.h"
#include "cupola/tracking/fixed_size.h"

namespace cupola {

namespace {

// NIS and log det S in fixed sizes (fixed_size.h).
template <int M>
void FinishInnovationFixed(Innovation& in) {
  const Eigen::LDLT<Eigen::Matrix<double, M, M>> ldlt(Eigen::Matrix<double, M, M>(in.S));
  const Eigen::Matrix<double, M, 1> y = in.y;
  in.nis = y.dot(ldlt.solve(y));
  in.log_det_S = ldlt.vectorD().array().log().sum();
}

// The EKF update in fixed sizes (fixed_size.h): K = P_xz S^-1, computed as
// (S^-1 P_xz^T)^T since S is symmetric, and the Joseph form
// A P A^T + K R K^T with A = I - K H, multiplied out in the order that uses
// H P = P_xz^T (already at hand) and H's zero columns beyond position and
// velocity (h does not depend on the rest):
//   A P = P - K P_xz^T,   A P A^T = A P - ((A P) H^T) K^T.
template <int N, int M>
void JosephUpdateFixed(const GaussianState& predicted, const Innovation& in, GaussianState& updated) {
  using StateN = Eigen::Matrix<double, N, N>;
  const Eigen::Matrix<double, M, M> S = in.S;
  const Eigen::Matrix<double, N, M> P_xz = in.P_xz;
  const Eigen::Matrix<double, M, 6> H_pv = in.H.leftCols(6);
  const Eigen::Matrix<double, N, M> K = Eigen::LDLT<Eigen::Matrix<double, M, M>>(S).solve(P_xz.transpose()).transpose();
  updated.x = predicted.x + K * Eigen::Matrix<double, M, 1>(in.y);
  const StateN AP = StateN(predicted.P) - K.lazyProduct(P_xz.transpose());
  const Eigen::Matrix<double, N, M> APHt = Eigen::Matrix<double, N, 6>(AP.template leftCols<6>()).lazyProduct(H_pv.transpose());
  const Eigen::Matrix<double, N, M> KR = K.lazyProduct(Eigen::Matrix<double, M, M>(in.R));
  updated.P = AP - APHt.lazyProduct(K.transpose()) + KR.lazyProduct(K.transpose());
}

}  // namespace

void FinishInnovation(Innovation& in) {
  if (in.y.size() == 3) return FinishInnovationFixed<3>(in);
  if (in.y.size() == 4) return FinishInnovationFixed<4>(in);
  const Eigen::LDLT<MeasMatrix> ldlt(in.S);
  in.nis = in.y.dot(ldlt.solve(in.y));
  in.log_det_S = ldlt.vectorD().array().log().sum();
}

bool Filter::Update(const GaussianState& predicted, const Innovation& in, GaussianState& updated) const {
  updated.t_s = predicted.t_s;
  const int n = static_cast<int>(predicted.x.size()), m = static_cast<int>(in.y.size());
  CUPOLA_CHECK(in.H.size() == 0 || n <= 6 || in.H.rightCols(n - 6).isZero(0.0),
               "a measurement Jacobian beyond position and velocity");
  if (in.H.size() > 0 &&
      WithFixedSizes(n, m, [&]<int N, int M>() { JosephUpdateFixed<N, M>(predicted, in, updated); }))
    return updated.x.allFinite() && EnforceCovariance(updated.P);
  const Eigen::LDLT<MeasMatrix> ldlt(in.S);
  const StateMeasMatrix K = ldlt.solve(in.P_xz.transpose()).transpose();
  updated.x = predicted.x + K * in.y;
  if (in.H.size() > 0) {
    // lazyProduct: at 7x7, Eigen's blocked GEMM for run-time sizes costs more
    // than the arithmetic; the coefficient-wise product gives the same numbers.
    const StateMatrix I_KH = StateMatrix::Identity(n, n) - K.lazyProduct(in.H);
    const StateMatrix I_KH_P = I_KH.lazyProduct(predicted.P);
    const StateMeasMatrix KR = K.lazyProduct(in.R);
    updated.P = I_KH_P.lazyProduct(I_KH.transpose()) + KR.lazyProduct(K.transpose());
  } else {
    updated.P = predicted.P - K * in.S * K.transpose();
  }
  return updated.x.allFinite() && EnforceCovariance(updated.P);
}

bool PdaUpdate(const GaussianState& predicted, const std::vector<const Innovation*>& innovations,
               const std::vector<double>& beta, double beta_miss, GaussianState& updated) {
  const Innovation& first = *innovations.front();
  const Eigen::LDLT<MeasMatrix> ldlt(first.S);
  const StateMeasMatrix K = ldlt.solve(first.P_xz.transpose()).transpose();
  const int m = static_cast<int>(first.y.size());
  MeasVector y = MeasVector::Zero(m);
  MeasMatrix spread = MeasMatrix::Zero(m, m);
  for (std::size_t j = 0; j < innovations.size(); ++j) {
    y += beta[j] * innovations[j]->y;
    spread += beta[j] * innovations[j]->y * innovations[j]->y.transpose();
  }
  spread -= y * y.transpose();
  updated.t_s = predicted.t_s;
  updated.x = predicted.x + K * y;
  const StateMatrix P_updated = predicted.P - K * first.S * K.transpose();
  updated.P = beta_miss * predicted.P + (1.0 - beta_miss) * P_updated + K * spread * K.transpose();
  return updated.x.allFinite() && EnforceCovariance(updated.P);
}

// ---- EKF ----

GaussianState ExtendedKalmanFilter::Predict(const MotionModel& model, const GaussianState& s, double t_s) const {
  const double dt = t_s - s.t_s;
  if (dt == 0.0) return s;
  GaussianState out;
  out.t_s = t_s;
  const StateMatrix F = model.PropagateWithJacobian(s.x, dt, out.x);
  const StateMatrix Q = model.ProcessNoise(s.x, dt);
  if (!WithFixedStateSize(static_cast<int>(F.rows()), [&]<int N>() {
        const Eigen::Matrix<double, N, N> F_fixed = F;
        const Eigen::Matrix<double, N, N> FP = F_fixed.lazyProduct(Eigen::Matrix<double, N, N>(s.P));
        out.P = FP.lazyProduct(F_fixed.transpose()) + Eigen::Matrix<double, N, N>(Q);
      })) {
    const StateMatrix FP = F.lazyProduct(s.P);  // small: see Filter::Update
    out.P = FP.lazyProduct(F.transpose()) + Q;
  }
  EnforceCovariance(out.P);
  return out;
}

Innovation ExtendedKalmanFilter::Innovate(const SphericalMeasurementModel& sensor, const GaussianState& predicted,
                                          const MeasVector& z) const {
  Innovation in;
  in.H = sensor.Jacobian(predicted.x);
  in.R = sensor.Noise();
  in.y = sensor.Residual(z, sensor.Predict(predicted.x));
  // h depends on position and velocity alone: H is zero beyond column 6.
  if (!WithFixedSizes(static_cast<int>(predicted.x.size()), sensor.dim(), [&]<int N, int M>() {
        const Eigen::Matrix<double, M, 6> H_pv = in.H.leftCols(6);
        const Eigen::Matrix<double, N, M> P_xz = Eigen::Matrix<double, N, 6>(predicted.P.leftCols(6)).lazyProduct(H_pv.transpose());
        in.P_xz = P_xz;
        in.S = H_pv.lazyProduct(P_xz.template topRows<6>()) + Eigen::Matrix<double, M, M>(in.R);
      })) {
    in.P_xz = predicted.P * in.H.transpose();
    in.S = in.H * in.P_xz + in.R;
  }
  FinishInnovation(in);
  return in;
}

// ---- UKF ----

namespace {

struct SigmaPoints {
  int n = 0;
  std::array<StateVector, 2 * kMaxStateDim + 1> points;
};

// alpha = 1, kappa = 0: lambda = 0, points x +- sqrt(n) L e_i, mean weights
// 0 (centre) and 1/2n, covariance weights 2 (centre, beta = 2) and 1/2n.
SigmaPoints MakeSigmaPoints(const StateVector& x, const StateMatrix& P) {
  SigmaPoints sp;
  sp.n = static_cast<int>(x.size());
  // P is kept positive definite by EnforceCovariance; if round-off still
  // defeats the factorisation, repair a copy rather than spread NaN.
  Eigen::LLT<StateMatrix> llt(static_cast<double>(sp.n) * P);
  if (llt.info() != Eigen::Success) {
    StateMatrix repaired = static_cast<double>(sp.n) * P;
    EnforceCovariance(repaired, 1e-9);
    llt.compute(repaired);
  }
  const StateMatrix L = llt.matrixL();
  sp.points[0] = x;
  for (int i = 0; i < sp.n; ++i) {
    sp.points[1 + i] = x + L.col(i);
    sp.points[1 + sp.n + i] = x - L.col(i);
  }
  return sp;
}

double MeanWeight(int i, int n) { return i == 0 ? 0.0 : 0.5 / n; }
double CovWeight(int i, int n) { return i == 0 ? 2.0 : 0.5 / n; }

}  // namespace

GaussianState UnscentedKalmanFilter::Predict(const MotionModel& model, const GaussianState& s, double t_s) const {
  const double dt = t_s - s.t_s;
  if (dt == 0.0) return s;
  GaussianState out;
  out.t_s = t_s;
  SigmaPoints sp = MakeSigmaPoints(s.x, s.P);
  const int n = sp.n, count = 2 * n + 1;
  for (int i = 0; i < count; ++i) sp.points[i] = model.Propagate(sp.points[i], dt);
  out.x = StateVector::Zero(n);
  for (int i = 0; i < count; ++i) out.x += MeanWeight(i, n) * sp.points[i];
  out.P = model.ProcessNoise(s.x, dt);
  for (int i = 0; i < count; ++i) {
    const StateVector d = sp.points[i] - out.x;
    out.P += CovWeight(i, n) * d * d.transpose();
  }
  EnforceCovariance(out.P);
  return out;
}

Innovation UnscentedKalmanFilter::Innovate(const SphericalMeasurementModel& sensor, const GaussianState& predicted,
                                           const MeasVector& z) const {
  const SigmaPoints sp = MakeSigmaPoints(predicted.x, predicted.P);
  const int n = sp.n, count = 2 * n + 1, m = sensor.dim();
  std::array<MeasVector, 2 * kMaxStateDim + 1> zs;
  MeasVector z_hat = MeasVector::Zero(m);
  double sin_sum = 0.0, cos_sum = 0.0;
  for (int i = 0; i < count; ++i) {
    zs[i] = sensor.Predict(sp.points[i]);
    z_hat += MeanWeight(i, n) * zs[i];
    sin_sum += MeanWeight(i, n) * std::sin(zs[i][1]);
    cos_sum += MeanWeight(i, n) * std::cos(zs[i][1]);
  }
  z_hat[1] = std::atan2(sin_sum, cos_sum);  // circular mean of the azimuths
  Innovation in;
  in.R = sensor.Noise();
  in.S = in.R;
  in.P_xz = StateMeasMatrix::Zero(n, m);
  for (int i = 0; i < count; ++i) {
    const MeasVector dz = sensor.Residual(zs[i], z_hat);
    in.S += CovWeight(i, n) * dz * dz.transpose();
    in.P_xz += CovWeight(i, n) * (sp.points[i] - predicted.x) * dz.transpose();
  }
  in.y = sensor.Residual(z, z_hat);
  FinishInnovation(in);
  return in;
}

}  // namespace cupola

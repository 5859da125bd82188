#include "cupola/tracking/measurement_model.h"

#include "cupola/core/units.h"

namespace cupola {

MeasVector SphericalMeasurementModel::Predict(const StateVector& x) const {
  return radar_->Measure(x.head<3>(), x.segment<3>(3)).head(dim());
}

MeasStateMatrix SphericalMeasurementModel::Jacobian(const StateVector& x) const {
  const Eigen::Matrix3d& R_WR = radar_->R_WR;
  const Eigen::Vector3d r = R_WR.transpose() * (x.head<3>() - radar_->p_WR);
  const Eigen::Vector3d v = R_WR.transpose() * x.segment<3>(3);
  const double e = r.x(), n = r.y(), u = r.z();
  const double rho2 = e * e + n * n, rho = std::sqrt(rho2), range2 = rho2 + u * u, range = std::sqrt(range2);
  // Derivatives with respect to r in the radar frame R.
  Eigen::Matrix<double, 4, 3> d_dr = Eigen::Matrix<double, 4, 3>::Zero();
  d_dr.row(0) = r.transpose() / range;
  d_dr.row(1) << n / rho2, -e / rho2, 0.0;
  d_dr.row(2) << -e * u / (range2 * rho), -n * u / (range2 * rho), rho / range2;
  const double range_rate = r.dot(v) / range;
  d_dr.row(3) = (v.transpose() - range_rate * r.transpose() / range) / range;
  const int m = dim();
  MeasStateMatrix H = MeasStateMatrix::Zero(m, x.size());
  H.block(0, 0, m, 3) = d_dr.topRows(m) * R_WR.transpose();
  if (m == 4) H.block<1, 3>(3, 3) = (r.transpose() / range) * R_WR.transpose();
  return H;
}

MeasMatrix SphericalMeasurementModel::Noise() const { return radar_->Covariance().topLeftCorner(dim(), dim()); }

MeasVector SphericalMeasurementModel::Residual(const MeasVector& z, const MeasVector& z_hat) const {
  MeasVector y = z - z_hat;
  y[1] = WrapToPi(y[1]);
  return y;
}

}  // namespace cupola

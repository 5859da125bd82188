#include "cupola/tracking/estimator.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "cupola/core/error.h"
#include "cupola/core/units.h"

namespace cupola {

// ---- one model ----

Estimate SingleModelEstimator::Initiate(const GaussianState& pv) const {
  Estimate e;
  e.state = pv;
  model_->Extend(e.state);
  EnforceCovariance(e.state.P);
  return e;
}

Estimate SingleModelEstimator::Predict(const Estimate& estimate, double t_s) const {
  return {filter_->Predict(*model_, estimate.state, t_s), {}, {}};
}

Innovation SingleModelEstimator::Innovate(const SphericalMeasurementModel& sensor, const Estimate& predicted,
                                          const MeasVector& z) const {
  return filter_->Innovate(sensor, predicted.state, z);
}

bool SingleModelEstimator::Update(const SphericalMeasurementModel&, const Estimate& predicted, const MeasVector&,
                                  const Innovation& innovation, Estimate& updated) const {
  updated.modes.clear();
  updated.mode_probabilities.clear();
  return filter_->Update(predicted.state, innovation, updated.state);
}

// ---- IMM ----

namespace {
constexpr int kCommon = 6;  // position and velocity: what every model shares
using CommonVector = Eigen::Matrix<double, kCommon, 1>;  // fixed size: mixing runs per track per scan
using CommonMatrix = Eigen::Matrix<double, kCommon, kCommon>;
}

ImmEstimator::ImmEstimator(std::vector<std::unique_ptr<MotionModel>> models, std::unique_ptr<Filter> filter,
                           double switch_probability)
    : models_(std::move(models)), filter_(std::move(filter)) {
  const int n = static_cast<int>(models_.size());
  CUPOLA_CHECK(n >= 2 && n <= kMaxImmModels, "IMM needs two to four models");
  transition_ = Eigen::MatrixXd::Constant(n, n, switch_probability / (n - 1));
  transition_.diagonal().setConstant(1.0 - switch_probability);
}

std::string ImmEstimator::name() const {
  std::string out = "imm(";
  for (std::size_t i = 0; i < models_.size(); ++i) out += (i ? "," : "") + models_[i]->name();
  return out + ")/" + filter_->name();
}

GaussianState ImmEstimator::Combine(const std::vector<GaussianState>& modes, const std::vector<double>& w) const {
  GaussianState out;
  out.t_s = modes.front().t_s;
  CommonVector x = CommonVector::Zero();
  for (std::size_t j = 0; j < modes.size(); ++j) x += w[j] * modes[j].x.head<kCommon>();
  CommonMatrix P = CommonMatrix::Zero();
  for (std::size_t j = 0; j < modes.size(); ++j) {
    const CommonVector d = modes[j].x.head<kCommon>() - x;
    P += w[j] * (modes[j].P.topLeftCorner<kCommon, kCommon>() + d * d.transpose());
  }
  // A positively weighted sum of positive definite blocks and outer products:
  // positive definite and exactly symmetric as computed, so no guard.
  out.x = x;
  out.P = P;
  return out;
}

Estimate ImmEstimator::Initiate(const GaussianState& pv) const {
  Estimate e;
  for (const auto& model : models_) {
    GaussianState s = pv;
    model->Extend(s);
    EnforceCovariance(s.P);
    e.modes.push_back(s);
  }
  e.mode_probabilities.assign(models_.size(), 1.0 / static_cast<double>(models_.size()));
  e.state = Combine(e.modes, e.mode_probabilities);
  return e;
}

Estimate ImmEstimator::Predict(const Estimate& estimate, double t_s) const {
  // Mixing belongs to a step between scans: an estimate already at t_s
  // (predicted for gating, then asked again for a detection) is not mixed twice.
  if (t_s == estimate.state.t_s) return estimate;
  const int n = static_cast<int>(models_.size());
  const auto& mu = estimate.mode_probabilities;
  Estimate out;
  out.modes.reserve(n);
  out.mode_probabilities.resize(n);
  for (int j = 0; j < n; ++j) {
    // Mixing weights for target model j.
    double c_j = 0.0;
    for (int i = 0; i < n; ++i) c_j += transition_(i, j) * mu[i];
    out.mode_probabilities[j] = c_j;
    GaussianState mixed = estimate.modes[j];  // keeps model j's own components
    CommonVector common = CommonVector::Zero();
    for (int i = 0; i < n; ++i) common += (transition_(i, j) * mu[i] / c_j) * estimate.modes[i].x.head<kCommon>();
    CommonMatrix P_common = CommonMatrix::Zero();
    for (int i = 0; i < n; ++i) {
      const CommonVector d = estimate.modes[i].x.head<kCommon>() - common;
      P_common += (transition_(i, j) * mu[i] / c_j) * (estimate.modes[i].P.topLeftCorner<kCommon, kCommon>() + d * d.transpose());
    }
    mixed.x.head<kCommon>() = common;
    mixed.P.topLeftCorner<kCommon, kCommon>() = P_common;
    EnforceCovariance(mixed.P);
    out.modes.push_back(filter_->Predict(*models_[j], mixed, t_s));
  }
  out.state = Combine(out.modes, out.mode_probabilities);
  return out;
}

Innovation ImmEstimator::Innovate(const SphericalMeasurementModel& sensor, const Estimate& predicted,
                                  const MeasVector& z) const {
  return filter_->Innovate(sensor, predicted.state, z);
}

bool ImmEstimator::Update(const SphericalMeasurementModel& sensor, const Estimate& predicted, const MeasVector& z,
                          const Innovation&, Estimate& updated) const {
  const int n = static_cast<int>(models_.size());
  updated.modes.resize(n);
  updated.mode_probabilities.resize(n);
  // Log-likelihoods, normalised through their maximum to avoid underflow.
  std::array<double, kMaxImmModels> log_weight{};  // no allocation per update
  for (int j = 0; j < n; ++j) {
    const Innovation in = filter_->Innovate(sensor, predicted.modes[j], z);
    if (!std::isfinite(in.nis) || !filter_->Update(predicted.modes[j], in, updated.modes[j])) {
      // One model failing does not end the track: it keeps its prediction
      // and gets no weight from this detection.
      updated.modes[j] = predicted.modes[j];
      log_weight[j] = -std::numeric_limits<double>::infinity();
      continue;
    }
    log_weight[j] = std::log(std::max(predicted.mode_probabilities[j], 1e-300)) - 0.5 * (in.nis + in.log_det_S);
  }
  const double top = *std::max_element(log_weight.begin(), log_weight.begin() + n);
  if (!std::isfinite(top)) return false;  // every model failed
  double total = 0.0;
  for (int j = 0; j < n; ++j) total += updated.mode_probabilities[j] = std::exp(log_weight[j] - top);
  for (double& m : updated.mode_probabilities) m = std::max(m / total, 1e-6);  // no model dies for good
  double renorm = 0.0;
  for (double m : updated.mode_probabilities) renorm += m;
  for (double& m : updated.mode_probabilities) m /= renorm;
  updated.state = Combine(updated.modes, updated.mode_probabilities);
  return updated.state.x.allFinite();
}

}  // namespace cupola

// cupola/tracking/estimator.h -- what a track's state estimator does between
// and at detections: one motion model with one filter, or an Interacting
// Multiple Model (IMM) mixture of several.
//
// IMM (Blom & Bar-Shalom 1988; Bar-Shalom et al. 2001, sec. 11.6.6), for
// models j with probabilities mu_j and switching matrix p_ij:
//   mix:      c_j = sum_i p_ij mu_i,  mu_i|j = p_ij mu_i / c_j,
//             x0_j = sum_i mu_i|j x_i,  P0_j = sum_i mu_i|j (P_i + (x_i - x0_j)(x_i - x0_j)^T)
//   predict:  each model's own filter
//   update:   each model's filter; mu_j proportional to c_j N(y_j; 0, S_j)
//   output:   the moment-matched mixture.
// The models have different states ([p, v] plus a drag parameter, a turn
// rate, an acceleration): position and velocity are mixed across models,
// each model keeps its own extra components (and their cross-covariances),
// the "unbiased mixing" of Granstrom, Willett & Bar-Shalom, IEEE TAES 51(4), 2015.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "cupola/tracking/filters.h"

namespace cupola {

/// An IMM mixes each motion model at most once (the scenario loader checks).
inline constexpr int kMaxImmModels = 4;

struct Estimate {
  GaussianState state;                     // what the tracker reads: [p, v, ...], combined for IMM
  std::vector<GaussianState> modes;        // IMM: each model's estimate
  std::vector<double> mode_probabilities;  // IMM: mu_j
};

class Estimator {
 public:
  virtual ~Estimator() = default;
  virtual std::string name() const = 0;
  /// A new track's estimate from a [p, v] state.
  virtual Estimate Initiate(const GaussianState& pv) const = 0;
  virtual Estimate Predict(const Estimate& estimate, double t_s) const = 0;
  /// The innovation of the (combined) predicted state: gating and cost.
  virtual Innovation Innovate(const SphericalMeasurementModel& sensor, const Estimate& predicted,
                              const MeasVector& z) const = 0;
  /// Update with z, whose combined innovation is `innovation`; false if the filter diverged.
  virtual bool Update(const SphericalMeasurementModel& sensor, const Estimate& predicted, const MeasVector& z,
                      const Innovation& innovation, Estimate& updated) const = 0;
};

class SingleModelEstimator : public Estimator {
 public:
  SingleModelEstimator(std::unique_ptr<MotionModel> model, std::unique_ptr<Filter> filter)
      : model_(std::move(model)), filter_(std::move(filter)) {}
  std::string name() const override { return model_->name() + "/" + filter_->name(); }
  Estimate Initiate(const GaussianState& pv) const override;
  Estimate Predict(const Estimate& estimate, double t_s) const override;
  Innovation Innovate(const SphericalMeasurementModel& sensor, const Estimate& predicted,
                      const MeasVector& z) const override;
  bool Update(const SphericalMeasurementModel& sensor, const Estimate& predicted, const MeasVector& z,
              const Innovation& innovation, Estimate& updated) const override;

 private:
  std::unique_ptr<MotionModel> model_;
  std::unique_ptr<Filter> filter_;
};

class ImmEstimator : public Estimator {
 public:
  /// `switch_probability`: chance per step of leaving the current model,
  /// split evenly over the others.
  ImmEstimator(std::vector<std::unique_ptr<MotionModel>> models, std::unique_ptr<Filter> filter,
               double switch_probability);
  std::string name() const override;
  Estimate Initiate(const GaussianState& pv) const override;
  Estimate Predict(const Estimate& estimate, double t_s) const override;
  Innovation Innovate(const SphericalMeasurementModel& sensor, const Estimate& predicted,
                      const MeasVector& z) const override;
  bool Update(const SphericalMeasurementModel& sensor, const Estimate& predicted, const MeasVector& z,
              const Innovation& innovation, Estimate& updated) const override;

 private:
  // The moment-matched [p, v] mixture of the modes.
  GaussianState Combine(const std::vector<GaussianState>& modes, const std::vector<double>& weights) const;

  std::vector<std::unique_ptr<MotionModel>> models_;
  std::unique_ptr<Filter> filter_;
  Eigen::MatrixXd transition_;  // p_ij
};

}  // namespace cupola

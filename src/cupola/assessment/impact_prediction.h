// cupola/assessment/impact_prediction.h -- where a tracked rocket or mortar
// bomb will come down, and how sure we are.
//
// The track's state [p, v, kappa] and covariance are pushed through the
// full ballistic dynamics (gravity, air density, drag with the track's own
// drag parameter, Coriolis: the tracker's Ballistic model) to the ground by
// the unscented transform: 2n + 1 sigma points, each flown by RK4 to its own
// ground crossing, give the mean impact point, its 2x2 covariance in the
// horizontal plane and the mean time of impact. A track without a drag
// parameter (a constant-velocity track) gets the prior kappa and its sigma.
// Cost: 2n + 1 = 15 trajectories per track; accuracy against plain Monte
// Carlo with the same dynamics: bench/impact_bench.cpp.
#pragma once

#include <Eigen/Core>
#include <span>
#include <vector>

#include "cupola/physics/ballistic.h"
#include "cupola/tracking/motion_models.h"

namespace cupola {

struct ImpactPrediction {
  bool valid = false;                  // false: does not come down within the horizon
  double t_impact_s = 0.0;             // mean time of impact (scenario time)
  Eigen::Vector2d mean_EN = Eigen::Vector2d::Zero();  // mean impact point (east, north) in W [m]
  Eigen::Matrix2d cov_EN = Eigen::Matrix2d::Zero();   // its covariance [m^2]
  std::vector<Eigen::Vector2d> points_EN;             // the sigma points' impacts
  std::vector<double> weights;                        // their mean weights (sum 1)

  double TimeToImpact(double now_s) const { return t_impact_s - now_s; }
};

struct ImpactPredictorOptions {
  // RK4 step of each sigma-point trajectory: 2 s is within 0.5 m and 4e-4
  // of the covariance of 0.05 s for rockets in coast up to 650 m/s (200
  // states, bench/impact_bench), a fiftieth of a prediction's own error, at
  // a quarter of the cost of 0.5 s; 4 s would be 12 m off.
  double step_s = 2.0;
  double horizon_s = 300.0;      // give up beyond this
  double prior_kappa_m2pkg = 2e-4;
  double prior_sigma_kappa_m2pkg = 2e-4;
};

class ImpactPredictor {
 public:
  ImpactPredictor(const FlightEnvironment* env, ImpactPredictorOptions options = {});
  /// Predicts from a track state (first six components p, v; a seventh, if
  /// present, the drag parameter kappa).
  ImpactPrediction Predict(const GaussianState& state) const;
  /// Impact of one state [p, v, kappa] (no uncertainty): time, point; false if none within the horizon.
  /// With `path`, also the states along the way, one per step, the impact last.
  bool FlyToGround(const Eigen::Matrix<double, 7, 1>& x, double t_s, double& t_impact_s, Eigen::Vector2d& p_EN,
                   std::vector<TrajectoryPoint>* path = nullptr) const;
  /// The mean path of a track state to the ground (the battle manager aims at
  /// it); empty if it does not come down within the horizon.
  std::vector<TrajectoryPoint> PredictPath(const GaussianState& state) const;

 private:
  struct GroundImpact {
    bool landed = false;  // false: not within the horizon
    double t_s = 0.0;
    Eigen::Vector2d p_EN = Eigen::Vector2d::Zero();
  };
  /// Up to 15 states flown to the ground together (the sigma points); with
  /// `path`, one state's path.
  void FlyAllToGround(std::span<const Eigen::Matrix<double, 7, 1>> starts, double t_s, std::span<GroundImpact> impacts,
                      std::vector<TrajectoryPoint>* path = nullptr) const;
  const FlightEnvironment* env_;
  ImpactPredictorOptions options_;
  Ballistic dynamics_;
};

}  // namespace cupola

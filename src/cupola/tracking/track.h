// cupola/tracking/track.h -- a track: its state, its life and its history.
#pragma once

#include <array>
#include <cmath>
#include <limits>
#include <vector>

#include "cupola/tracking/estimator.h"

namespace cupola {

enum class TrackStatus { kTentative, kConfirmed, kDeleted };
const char* ToString(TrackStatus status);

struct Track {
  int id = 0;
  TrackStatus status = TrackStatus::kTentative;
  Estimate estimate;            // after the last update (or coast); estimate.state is [p, v, ...]
  int updates = 0;              // detections assigned
  int update_times = 0;         // distinct scan times among them: what M-of-N confirmation counts
  int looks = 0;                // distinct scan times at which some radar could have detected it
  int consecutive_misses = 0;
  double born_t_s = 0.0;
  double last_update_t_s = 0.0;
  double last_update_scan_t_s = 0.0;  // scan time (not detection time) of the last update
  double last_look_t_s = 0.0;         // scan time of the last look
  int last_radar = -1;          // radar of the last assigned detection
  double last_nis = 0.0;
};

/// Entries in the upper triangle of a 6x6 covariance.
inline constexpr int kCovPvEntries = 21;

/// One row of a track history: what the tracker believed at a time.
struct TrackReport {
  double t_s = 0.0;
  int track_id = 0;
  TrackStatus status = TrackStatus::kTentative;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_W = Eigen::Vector3d::Zero();
  // Covariance of [p_W, v_W] (m^2, m^2/s, m^2/s^2), upper triangle row by
  // row: (0,0), (0,1), ..., (0,5), (1,1), ..., (5,5). Enough for NEES.
  std::array<double, kCovPvEntries> cov_pv{};
  // Variance of the drag parameter kappa [(m^2/kg)^2] where the tracker
  // estimates it (ballistic, or an IMM's ballistic mode), else NaN.
  double var_kappa = std::numeric_limits<double>::quiet_NaN();
  double nis = 0.0;   // of the detection that produced it (0 for a coast)
  int radar = -1;     // radar of that detection (-1 for a coast)

  /// Entry (i, j) of the [p, v] covariance, 0 <= i, j < 6.
  double Cov(int i, int j) const;
  /// The 6x6 covariance of [p_W, v_W].
  Eigen::Matrix<double, 6, 6> CovPv() const;
  /// sqrt of the position covariance diagonal [m].
  Eigen::Vector3d SigmaP() const { return {std::sqrt(Cov(0, 0)), std::sqrt(Cov(1, 1)), std::sqrt(Cov(2, 2))}; }
  /// Stores the [p, v] block of a state covariance.
  void SetCovPv(const StateMatrix& P);
};

}  // namespace cupola

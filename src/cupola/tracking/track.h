// cupola/tracking/track.h -- a track: its state, its life and its history.
#pragma once

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

/// One row of a track history: what the tracker believed at a time.
struct TrackReport {
  double t_s = 0.0;
  int track_id = 0;
  TrackStatus status = TrackStatus::kTentative;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d sigma_p_W = Eigen::Vector3d::Zero();  // sqrt of the position covariance diagonal
  double nis = 0.0;   // of the detection that produced it (0 for a coast)
  int radar = -1;     // radar of that detection (-1 for a coast)
};

}  // namespace cupola

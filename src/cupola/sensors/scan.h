// cupola/sensors/scan.h -- one scan of one radar: detections with noise,
// missed detections and false alarms.
//
// What reaches the tracker is a Detection: time, radar, measurement. The
// truth identity of each detection (or -1 for a false alarm) is returned
// beside it, for scoring only, and never enters the tracker.
#pragma once

#include <Eigen/Core>
#include <vector>

#include "cupola/core/random.h"
#include "cupola/sensors/radar.h"

namespace cupola {

struct Detection {
  double t_s = 0.0;
  int radar = 0;  // index of the radar in the scenario
  Spherical z = Spherical::Zero();      // range_m, azimuth_rad, elevation_rad, range_rate_mps
  Spherical sigma = Spherical::Zero();  // 1-sigma of each (covariance diag(sigma^2)); range-rate 0 = not measured
};

struct TargetState {
  int id = -1;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_W = Eigen::Vector3d::Zero();
  double rcs_m2 = 0.0;
};

/// Where the targets are: implemented by the simulation's truth.
class TargetSource {
 public:
  virtual ~TargetSource() = default;
  /// Ids of the targets flying at time t, in increasing order.
  virtual void AliveAt(double t_s, std::vector<int>& ids) const = 0;
  /// State of target `id` at time t.
  virtual TargetState StateAt(int id, double t_s) const = 0;
};

struct ScanOutput {
  std::vector<Detection> detections;
  std::vector<int> truth_ids;  // parallel to detections; -1 = false alarm
};

/// Everything one scan produced: what a detection log holds.
struct ScanRecord {
  int radar = 0;
  int scan = 0;          // scan number of this radar, from 0
  double t_s = 0.0;      // scan start
  std::vector<Detection> detections;
  std::vector<int> truth_ids;  // parallel; -1 false alarm (scoring only)
};

/// Scans once at t_scan and appends to `out`. For a rotating radar each
/// target is seen when the beam passes its azimuth, within one revisit.
/// `frame` gives target heights for the line-of-sight test. Randomness comes
/// from `scan_seed` (the radar's stream, sub-stream of the scan number): each
/// target draws from its own sub-stream (by id) and the clutter from another,
/// so a target killed or added elsewhere moves no other draw.
void ScanOnce(const RadarModel& radar, int radar_index, const LocalFrame& frame, double t_scan_s,
              const TargetSource& targets, std::uint64_t scan_seed, ScanOutput& out);

}  // namespace cupola

// cupola/sensors/sensor.h -- a sensor as the engine's clock drives it.
//
// A Sensor looks at the truth on its own schedule (scan k at ScanTime(k))
// and reports detections; it is one of the two kinds of stage allowed to
// read the truth (the other is scoring). The radar (radar_sensor.h) is the
// first kind. A new kind (a passive EO/IR sensor, an acoustic array, an
// allied early-warning feed) is a new implementation plus a line in
// MakeSensor (sensor.cpp); the loop, the network and the pictures do not
// change. Its detections must be measurements a tracker's measurement model
// knows (today: spherical, per radar index).
#pragma once

#include <cstdint>
#include <memory>
#include <string>

#include "cupola/sensors/scan.h"

namespace cupola {

class Sensor {
 public:
  virtual ~Sensor() = default;
  virtual const std::string& name() const = 0;
  /// Start of scan k (k = 0, 1, ...), increasing in k.
  virtual double ScanTime(int k) const = 0;
  /// Scan k: detections of `targets` (truth ids aside), every draw from `scan_seed`.
  virtual void Scan(int k, const TargetSource& targets, std::uint64_t scan_seed, ScanOutput& out) const = 0;
};

/// The sensor for the scenario's radar `index` (today every sensor is a radar).
std::unique_ptr<Sensor> MakeSensor(const RadarModel& radar, int index, const LocalFrame& frame);

}  // namespace cupola

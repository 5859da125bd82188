// cupola/sensors/radar_sensor.h -- the radar as a Sensor: a scan every
// revisit_s from t = 0 (scan.h does the looking).
#pragma once

#include "cupola/sensors/sensor.h"

namespace cupola {

class RadarSensor : public Sensor {
 public:
  /// `radar` and `frame` must outlive the sensor.
  RadarSensor(const RadarModel* radar, int index, const LocalFrame* frame) : radar_(radar), index_(index), frame_(frame) {}
  const std::string& name() const override { return radar_->name; }
  double ScanTime(int k) const override { return k * radar_->spec.revisit_s; }
  void Scan(int k, const TargetSource& targets, std::uint64_t scan_seed, ScanOutput& out) const override {
    ScanOnce(*radar_, index_, *frame_, ScanTime(k), targets, scan_seed, out);
  }

 private:
  const RadarModel* radar_;
  int index_;
  const LocalFrame* frame_;
};

}  // namespace cupola

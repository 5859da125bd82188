#include "cupola/io/detections_csv.h"

#include <gtest/gtest.h>

#include <cmath>

namespace cupola {
namespace {

// Two radars whose scans interleave, one rotating (detections after the
// scan start, in time order), an empty scan, and range rate: the file the
// run writes must read back to the same log.
TEST(DetectionsCsv, RoundTripsInterleavedRotatingScans) {
  DetectionLog log;
  RadarSpec a, b;
  a.site = {31.47, 34.65, 120.0};
  a.max_range_m = 50e3;
  a.sigma_radial_velocity_mps = 1.0;
  a.false_alarms_per_scan = 120.0;  // carried by a `#! clutter` line; b has none
  b.site = {31.40, 34.60, 80.0};
  b.max_range_m = 80e3;
  log.radars = {a, b};
  auto detection = [](double t, int radar, double range) {
    Detection d;
    d.t_s = t;
    d.radar = radar;
    d.z = Spherical(range, 0.5, 0.1, radar == 0 ? -120.5 : 0.0);
    return d;
  };
  log.scans.push_back({1, 0, 0.0, {detection(0.3, 1, 9000), detection(1.7, 1, 9500)}, {4, -1}});  // rotating
  log.scans.push_back({0, 0, 1.0, {detection(1.0, 0, 12000)}, {4}});
  log.scans.push_back({0, 1, 2.0, {}, {}});  // saw nothing
  log.scans.push_back({1, 1, 2.0, {detection(2.2, 1, 9900)}, {4}});
  const DetectionLog back = ParseDetectionsCsv(DetectionsCsv(log), "mem.csv");
  ASSERT_EQ(back.radars.size(), 2u);
  EXPECT_EQ(back.radars[1].site.alt_m, 80.0);
  EXPECT_EQ(back.radars[0].sigma_radial_velocity_mps, 1.0);
  EXPECT_EQ(back.radars[0].false_alarms_per_scan, 120.0);
  EXPECT_EQ(back.radars[1].false_alarms_per_scan, 0.0);
  ASSERT_EQ(back.scans.size(), log.scans.size());
  for (std::size_t i = 0; i < log.scans.size(); ++i) {
    EXPECT_EQ(back.scans[i].radar, log.scans[i].radar);
    EXPECT_EQ(back.scans[i].scan, log.scans[i].scan);
    EXPECT_EQ(back.scans[i].t_s, log.scans[i].t_s);  // the scan start, not the first detection
    ASSERT_EQ(back.scans[i].detections.size(), log.scans[i].detections.size());
    EXPECT_EQ(back.scans[i].truth_ids, log.scans[i].truth_ids);
    for (std::size_t k = 0; k < log.scans[i].detections.size(); ++k) {
      const Detection& d0 = log.scans[i].detections[k];
      const Detection& d1 = back.scans[i].detections[k];
      EXPECT_EQ(d1.t_s, d0.t_s);
      EXPECT_NEAR(d1.z[0], d0.z[0], 1e-3);
      EXPECT_NEAR(d1.z[1], d0.z[1], 1e-9);
      EXPECT_NEAR(d1.z[3], d0.z[3], 1e-4);
    }
  }
}

// Clutter from Pfa and resolution cells: their product is the false alarms
// per scan; a file without the line keeps the radar clutter-free.
TEST(DetectionsCsv, ClutterLineGivesFalseAlarmsFromPfaAndCells) {
  const std::string rows =
      "t_s,scan_t_s,radar,scan,radar_lat_deg,radar_lon_deg,radar_alt_m,max_range_m,range_m,azimuth_deg,"
      "elevation_deg,range_rate_mps,sigma_range_m,sigma_azimuth_mrad,sigma_elevation_mrad,sigma_range_rate_mps,"
      "truth_id\n0.0,0.0,0,0,31.47,34.65,120.000,50000.000,9000,10.0,5.0,0,10,2,2,0,-1\n";
  const DetectionLog log = ParseDetectionsCsv("#! clutter radar=0 pfa=1e-6 resolution_cells=2.5e7\n" + rows, "mem.csv");
  EXPECT_DOUBLE_EQ(log.radars[0].false_alarms_per_scan, 25.0);
  EXPECT_DOUBLE_EQ(log.radars[0].false_alarm_probability, 1e-6);
  EXPECT_EQ(ParseDetectionsCsv(rows, "mem.csv").radars[0].false_alarms_per_scan, 0.0);
}

}  // namespace
}  // namespace cupola

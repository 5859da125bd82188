#include "cupola/sensors/radar.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cupola/core/units.h"
#include "cupola/sensors/scan.h"

namespace cupola {
namespace {

RadarSpec Spec() {
  RadarSpec s;
  s.name = "r";
  s.site = {31.45, 34.60, 100.0};
  s.max_range_m = 60e3;
  s.detection_probability = 0.9;
  s.reference_range_m = 40e3;
  s.reference_rcs_m2 = 0.1;
  s.sigma_range_m = 10.0;
  s.sigma_azimuth_rad = 2e-3;
  s.sigma_elevation_rad = 2e-3;
  s.sigma_radial_velocity_mps = 1.0;
  return s;
}

TEST(Radar, MeasureAndPositionOfAreInverse) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  const RadarModel radar = RadarModel::FromSpec(Spec(), frame);
  const Eigen::Vector3d p(12e3, -3e3, 4e3), v(-300, 50, -100);
  const Spherical z = radar.Measure(p, v);
  EXPECT_LT((radar.PositionOf(z) - p).norm(), 1e-6);
  EXPECT_NEAR(z[0], (p - radar.p_WR).norm(), 1e-6);
  EXPECT_NEAR(z[3], (p - radar.p_WR).normalized().dot(v), 1e-9);
  // The radar's axes are orthonormal and its up is the ellipsoid normal at its site.
  EXPECT_LT((radar.R_WR.transpose() * radar.R_WR - Eigen::Matrix3d::Identity()).norm(), 1e-12);
  EXPECT_LT((radar.R_WR.col(2) - frame.FastUp(radar.p_WR)).norm(), 1e-6);
}

TEST(Radar, AzimuthIsClockwiseFromNorth) {
  const LocalFrame frame({31.45, 34.60, 100.0});
  const RadarModel radar = RadarModel::FromSpec(Spec(), frame);
  EXPECT_NEAR(radar.Measure(Eigen::Vector3d(0, 10e3, 100), Eigen::Vector3d::Zero())[1], 0.0, 1e-6);
  EXPECT_NEAR(radar.Measure(Eigen::Vector3d(10e3, 0, 100), Eigen::Vector3d::Zero())[1], kPi / 2, 1e-3);
}

TEST(Radar, DetectionProbabilityFollowsSwerlingOne) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  const RadarModel radar = RadarModel::FromSpec(Spec(), frame);
  EXPECT_NEAR(radar.DetectionProbability(40e3, 0.1), 0.9, 1e-12);  // the reference point
  // SNR falls as R^-4 and rises with RCS.
  EXPECT_NEAR(radar.Snr(20e3, 0.1) / radar.Snr(40e3, 0.1), 16.0, 1e-9);
  EXPECT_NEAR(radar.Snr(40e3, 0.4) / radar.Snr(40e3, 0.1), 4.0, 1e-9);
  EXPECT_GT(radar.DetectionProbability(20e3, 0.1), 0.9);
  EXPECT_LT(radar.DetectionProbability(60e3, 0.1), 0.9);
  // Swerling 1 closed form: Pd = Pfa^(1 / (1 + SNR)).
  const double snr = radar.Snr(50e3, 0.05);
  EXPECT_NEAR(radar.DetectionProbability(50e3, 0.05), std::pow(1e-6, 1.0 / (1.0 + snr)), 1e-15);
}

TEST(Radar, RangeEquationMatchesHandCalculation) {
  // Pt 1 MW, G 30 dB, f 2.998 GHz (lambda 0.1 m), tau 1 us, F = L = 0 dB, 1 m^2
  // at 100 km: SNR = Pt G^2 lambda^2 sigma tau / ((4 pi)^3 R^4 k T0) = 12.585.
  RadarSpec s = Spec();
  s.reference_range_m = 100e3;
  s.reference_rcs_m2 = 1.0;
  s.range_equation = RadarSpec::RangeEquation{1e6, 30.0, 2.998e9, 1e-6, 1, 0.0, 0.0};
  const LocalFrame frame({31.5, 34.6, 0.0});
  const RadarModel radar = RadarModel::FromSpec(s, frame);
  EXPECT_NEAR(radar.Snr(100e3, 1.0), 12.5854, 1e-3);
}

TEST(Radar, FourThirdsEarthHorizon) {
  // Radar on the ground, target at 100 m: radio horizon sqrt(2 k R h) = 41.2 km.
  EXPECT_TRUE(ClearsEffectiveEarth(0.0, 100.0, 40e3));
  EXPECT_FALSE(ClearsEffectiveEarth(0.0, 100.0, 42.5e3));
  EXPECT_TRUE(ClearsEffectiveEarth(100.0, 100.0, 80e3));  // two horizons add
  EXPECT_FALSE(ClearsEffectiveEarth(100.0, 100.0, 84e3));
}

TEST(Radar, SectorCoverageWrapsThroughNorth) {
  RadarSpec s = Spec();
  s.azimuth_center_rad = DegToRad(350);
  s.azimuth_width_rad = DegToRad(40);
  const LocalFrame frame({31.5, 34.6, 0.0});
  const RadarModel radar = RadarModel::FromSpec(s, frame);
  EXPECT_TRUE(radar.Covers(Spherical(10e3, DegToRad(5), 0.1, 0)));
  EXPECT_TRUE(radar.Covers(Spherical(10e3, DegToRad(-25), 0.1, 0)));
  EXPECT_FALSE(radar.Covers(Spherical(10e3, DegToRad(15), 0.1, 0)));
  EXPECT_FALSE(radar.Covers(Spherical(70e3, DegToRad(0), 0.1, 0)));  // beyond max range
  EXPECT_FALSE(radar.Covers(Spherical(10e3, DegToRad(0), -0.1, 0)));  // below min elevation
}

// A few fixed targets for statistical scan tests.
class FixedTargets : public TargetSource {
 public:
  std::vector<TargetState> states;
  void AliveAt(double, std::vector<int>& ids) const override {
    ids.clear();
    for (const auto& s : states) ids.push_back(s.id);
  }
  TargetState StateAt(int id, double t) const override {
    TargetState s = states[id];
    s.p_W += t * s.v_W;
    return s;
  }
};

TEST(Scan, DetectionRateNoiseAndFalseAlarmsMatchTheModel) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  RadarSpec spec = Spec();
  spec.false_alarms_per_scan = 2.0;
  const RadarModel radar = RadarModel::FromSpec(spec, frame);
  FixedTargets targets;
  targets.states.push_back({0, Eigen::Vector3d(0, 30e3, 3000), Eigen::Vector3d::Zero(), 0.1});
  targets.states.push_back({1, Eigen::Vector3d(0, 50e3, 3000), Eigen::Vector3d::Zero(), 0.1});
  Rng rng(3);
  const int scans = 20000;
  int detected[2] = {0, 0}, false_alarms = 0;
  double sum_range_error2 = 0.0;
  for (int k = 0; k < scans; ++k) {
    ScanOutput out;
    ScanOnce(radar, 0, frame, 0.0, targets, rng.NextU64(), out);
    for (std::size_t i = 0; i < out.detections.size(); ++i) {
      const int id = out.truth_ids[i];
      if (id < 0) {
        ++false_alarms;
        EXPECT_TRUE(radar.Covers(out.detections[i].z));
        continue;
      }
      ++detected[id];
      EXPECT_EQ(out.detections[i].sigma, Spherical(10.0, 2e-3, 2e-3, 1.0));  // each detection carries its covariance
      if (id == 0) {
        const double e = out.detections[i].z[0] - radar.Measure(targets.states[0].p_W, Eigen::Vector3d::Zero())[0];
        sum_range_error2 += e * e;
      }
    }
  }
  for (int id : {0, 1}) {
    const double range = radar.Measure(targets.states[id].p_W, Eigen::Vector3d::Zero())[0];
    const double pd = radar.DetectionProbability(range, 0.1);
    EXPECT_NEAR(detected[id] / double(scans), pd, 5 * std::sqrt(pd * (1 - pd) / scans)) << id;
  }
  EXPECT_NEAR(false_alarms / double(scans), 2.0, 5 * std::sqrt(2.0 / scans));
  EXPECT_NEAR(std::sqrt(sum_range_error2 / detected[0]), 10.0, 0.2);
}

TEST(Scan, TargetBelowTheHorizonIsNeverSeen) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  RadarSpec spec = Spec();
  spec.site.alt_m = 0.0;
  spec.min_elevation_rad = -0.1;
  const RadarModel radar = RadarModel::FromSpec(spec, frame);
  FixedTargets targets;
  // 30 m above the ground 50 km away: the 4/3-Earth horizon for 30 m is 22.6 km.
  GeodeticPoint low = frame.ToGeodetic(radar.p_WR + Eigen::Vector3d(0, 50e3, 0.0));
  low.alt_m = 30.0;
  targets.states.push_back({0, frame.ToLocal(low), Eigen::Vector3d::Zero(), 100.0});
  Rng rng(5);
  ScanOutput out;
  for (int k = 0; k < 100; ++k) ScanOnce(radar, 0, frame, 0.0, targets, rng.NextU64(), out);
  EXPECT_TRUE(out.detections.empty());
}

TEST(Scan, RotatingRadarSeesEachTargetWhenTheBeamPasses) {
  const LocalFrame frame({31.5, 34.6, 0.0});
  RadarSpec spec = Spec();
  spec.scan = RadarScan::kRotating;
  spec.revisit_s = 4.0;
  spec.detection_probability = 0.999999;
  const RadarModel radar = RadarModel::FromSpec(spec, frame);
  FixedTargets targets;
  targets.states.push_back({0, radar.p_WR + Eigen::Vector3d(20e3, 0, 3000), Eigen::Vector3d::Zero(), 10.0});  // east
  Rng rng(5);
  ScanOutput out;
  ScanOnce(radar, 0, frame, 100.0, targets, rng.NextU64(), out);
  ASSERT_EQ(out.detections.size(), 1u);
  EXPECT_NEAR(out.detections[0].t_s, 101.0, 0.01);  // a quarter turn after north
}

}  // namespace
}  // namespace cupola

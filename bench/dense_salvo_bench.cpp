// dense_salvo_bench -- association in dense salvos: GNN, JPDA and MHT on the
// same ripple-fired rockets (docs/tracking.md, "Multiple hypothesis
// tracking", shows the results; README's performance table quotes them).
//
// Scene (src/cupola/tracking/test/dense_scenes.h, Salvo): frame W at
// (31.5 N, 34.6 E, 0 m); one radar at W's origin, 50 m up, 1 s revisit,
// sigma 10 m in range and `sigma_mrad` in azimuth and elevation, Pd 0.9 per
// target and scan. A salvo of n rockets leaves one launcher 25 km east and
// 12 km north, `interval` seconds apart, on near-identical paths: burn-out at
// 1.5 km up, velocity (-450, -250, 350) m/s times (1 + 0.5 % normal), drag
// parameter 1e-4 m^2/kg, flown by the tracker's own Ballistic model; scans
// for 60 s plus the salvo's length.
// False alarms: 10 per scan, uniform in the 30 km x 20 km x 10 km box over
// the salvo; every tracker is told that density (as
// clutter_false_alarms_per_scan over the radar's covered volume).
//
// Trackers: ballistic motion model, EKF, defaults but the association
// (mht: mht_n_scan 3, mht_max_hypotheses 20). Scored per scan on the
// confirmed tracks, by metrics/track_scoring.h with GOSPA c = 100 m, p = 2,
// alpha = 2: mean GOSPA [m], identity switches and track breaks (summed over
// the runs), coverage; and the tracker's thread-CPU time per scan [ms]
// (ProcessScan only).
//
// Usage: dense_salvo_bench [runs per row, default 20]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "cupola/core/units.h"
#include "cupola/tracking/test/dense_scenes.h"

namespace cupola {
namespace {

constexpr double kPd = 0.9;
constexpr int kFalseAlarms = 10;

struct Row {
  double gospa_sum_m = 0.0, coverage_sum = 0.0, cpu_s = 0.0;
  int switches = 0, breaks = 0, runs = 0, scans = 0;
};

void RunOne(const test::Scene& s, AssociationKind association, Row& row) {
  TrackerConfig config;
  config.motion_model = MotionModelKind::kBallistic;
  config.association = association;
  // The box's clutter density, as false alarms over the radar's covered volume.
  const RadarSpec& spec = s.radars[0].spec;
  const double radar_volume = (std::pow(spec.max_range_m, 3) - std::pow(spec.min_range_m, 3)) / 3.0 *
                              spec.azimuth_width_rad *
                              (std::sin(std::min(spec.max_elevation_rad, kPi / 2)) - std::sin(spec.min_elevation_rad));
  config.clutter_false_alarms_per_scan = kFalseAlarms * radar_volume / test::kClutterBoxSize.prod();
  config.jpda_detection_probability = kPd;
  const test::Outcome out = test::RunTracker(s, config);
  row.gospa_sum_m += out.score.mean_gospa_m;
  row.coverage_sum += out.score.coverage;
  row.switches += out.score.identity_switches;
  row.breaks += out.score.track_breaks;
  row.cpu_s += out.cpu_s;
  row.scans += static_cast<int>(s.scans.size());
  ++row.runs;
}

}  // namespace
}  // namespace cupola

int main(int argc, char** argv) {
  using namespace cupola;
  const int runs = argc > 1 ? std::atoi(argv[1]) : 20;
  std::printf("rockets interval_s sigma_mrad association  mean_GOSPA_m  id_switches  breaks  coverage  cpu_ms_per_scan\n");
  for (const int n : {6, 12}) {
    for (const double interval : {1.0, 1.5, 2.0}) {
      for (const double sigma_mrad : {1.0, 3.0}) {
        Row rows[3];
        for (int run = 0; run < runs; ++run) {
          const test::Scene s = test::Salvo(static_cast<std::uint64_t>(1000 * n + 100 * static_cast<int>(interval * 10) + run),
                                            n, interval, sigma_mrad * 1e-3, kPd, kFalseAlarms);
          for (int a = 0; a < 3; ++a) RunOne(s, static_cast<AssociationKind>(a), rows[a]);
        }
        for (int a = 0; a < 3; ++a) {
          const Row& r = rows[a];
          std::printf("%7d %10.1f %10.1f %-11s %13.1f %12d %7d %9.3f %16.3f\n", n, interval, sigma_mrad,
                      ToString(static_cast<AssociationKind>(a)).c_str(), r.gospa_sum_m / r.runs, r.switches, r.breaks,
                      r.coverage_sum / r.runs, 1e3 * r.cpu_s / r.scans);
        }
      }
    }
  }
  return 0;
}

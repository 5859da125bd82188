// dense_salvo_bench -- association in dense salvos: GNN, JPDA and MHT on the
// same ripple-fired rockets (docs/tracking.md, "Multiple hypothesis
// tracking", shows the results; README's performance table quotes them).
//
// Scene: frame W at (31.5 N, 34.6 E, 0 m); one radar at W's origin, 50 m up,
// 1 s revisit, sigma 10 m in range and `sigma_mrad` in azimuth and elevation,
// Pd 0.9 per target and scan. A salvo of n rockets leaves one launcher
// 25 km east and 12 km north, `interval` seconds apart, on near-identical
// paths: burn-out at 1.5 km up, velocity (-450, -250, 350) m/s times
// (1 + 0.5 % normal), drag parameter 1e-4 m^2/kg, flown by the tracker's own
// Ballistic model (gravity, drag, Earth rotation) until they reach the ground.
// False alarms: 10 per scan, uniform in the 30 km x 20 km x 10 km box over
// the salvo; every tracker is told that density (as
// clutter_false_alarms_per_scan over the radar's covered volume).
//
// Trackers: ballistic motion model, EKF, defaults but the association
// (mht: mht_n_scan 3, mht_max_hypotheses 20). Scored per scan on the
// confirmed tracks, by metrics/track_scoring.h with GOSPA c = 100 m, p = 2,
// alpha = 2: mean GOSPA [m], identity switches and track breaks (summed over
// the runs), coverage; and the tracker's CPU time per scan [ms] (thread CPU,
// this process, scans of the timed runs only).
//
// Usage: dense_salvo_bench [runs per row, default 20]
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <vector>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/geo/local_frame.h"
#include "cupola/metrics/track_scoring.h"
#include "cupola/physics/environment.h"
#include "cupola/sensors/radar.h"
#include "cupola/tracking/tracker.h"

namespace cupola {
namespace {

constexpr double kPd = 0.9;
constexpr int kFalseAlarms = 10;
const Eigen::Vector3d kBoxMin(5e3, -5e3, 0.0), kBoxSize(30e3, 20e3, 10e3);

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

struct Salvo {
  LocalFrame frame{GeodeticPoint{31.5, 34.6, 0.0}};
  FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  std::vector<RadarModel> radars;
  std::vector<std::vector<Detection>> scans;       // scan k at t = k s
  std::vector<std::vector<ScoredObject>> truths;   // alive rockets per scan

  Salvo(int n, double interval_s, double sigma_rad, std::uint64_t seed) {
    RadarSpec spec;
    spec.name = "r";
    spec.site = {31.5, 34.6, 50.0};
    spec.max_range_m = 100e3;
    spec.sigma_range_m = 10.0;
    spec.sigma_azimuth_rad = sigma_rad;
    spec.sigma_elevation_rad = sigma_rad;
    radars.push_back(RadarModel::FromSpec(spec, frame));
    const RadarModel& r = radars[0];
    const Ballistic truth_model(&env, 0.0, 0.0, 1e-4, 1e-4);
    Rng rng(seed);
    std::vector<StateVector> x0;
    for (int i = 0; i < n; ++i) {
      StateVector x = StateVector::Zero(7);
      x.head<3>() = Eigen::Vector3d(25e3, 12e3, 1500);
      x.segment<3>(3) = Eigen::Vector3d(-450, -250, 350) * (1.0 + 0.005 * rng.Normal());
      x[6] = 1e-4;
      x0.push_back(x);
    }
    for (int k = 0;; ++k) {
      std::vector<Detection> dets;
      std::vector<ScoredObject> alive;
      bool any_ahead = false;
      for (int i = 0; i < n; ++i) {
        const double age = k - i * interval_s;
        if (age < 0) {
          any_ahead = true;
          continue;
        }
        const StateVector x = truth_model.Propagate(x0[i], age);
        if (x[2] <= 0) continue;
        any_ahead = true;
        alive.push_back({i, x.head<3>(), x.segment<3>(3)});
        if (rng.Uniform() >= kPd) continue;
        Detection d;
        d.t_s = k;
        d.z = r.Measure(x.head<3>(), Eigen::Vector3d::Zero());
        d.z += Eigen::Vector4d(10.0 * rng.Normal(), sigma_rad * rng.Normal(), sigma_rad * rng.Normal(), 0.0);
        d.z[3] = 0.0;
        dets.push_back(d);
      }
      if (!any_ahead) break;
      for (int f = 0; f < kFalseAlarms; ++f) {
        const Eigen::Vector3d p =
            kBoxMin + Eigen::Vector3d(rng.Uniform(), rng.Uniform(), rng.Uniform()).cwiseProduct(kBoxSize);
        Detection d;
        d.t_s = k;
        d.z = r.Measure(p, Eigen::Vector3d::Zero());
        d.z[3] = 0.0;
        dets.push_back(d);
      }
      scans.push_back(dets);
      truths.push_back(alive);
    }
  }
};

struct Row {
  double gospa_sum_m = 0.0, coverage_sum = 0.0, cpu_s = 0.0;
  int switches = 0, breaks = 0, runs = 0, scans = 0;
};

void RunOne(const Salvo& s, AssociationKind association, Row& row) {
  TrackerConfig config;
  config.motion_model = MotionModelKind::kBallistic;
  config.association = association;
  // The box's clutter density, as false alarms over the radar's covered volume.
  const RadarSpec& spec = s.radars[0].spec;
  const double radar_volume = (std::pow(spec.max_range_m, 3) - std::pow(spec.min_range_m, 3)) / 3.0 *
                              spec.azimuth_width_rad *
                              (std::sin(std::min(spec.max_elevation_rad, kPi / 2)) - std::sin(spec.min_elevation_rad));
  config.clutter_false_alarms_per_scan = kFalseAlarms * radar_volume / kBoxSize.prod();
  config.jpda_detection_probability = kPd;
  Tracker tracker(config, &s.radars, &s.env);
  TrackScoringOptions options;
  options.gate_m = 100.0;
  TrackScorer scorer(options);
  for (std::size_t k = 0; k < s.scans.size(); ++k) {
    const double c0 = ThreadCpuSeconds();
    tracker.ProcessScan(0, static_cast<double>(k), s.scans[k]);
    row.cpu_s += ThreadCpuSeconds() - c0;
    std::vector<ScoredObject> tracks;
    for (const Track& t : tracker.tracks())
      if (t.status == TrackStatus::kConfirmed)
        tracks.push_back({t.id, t.estimate.state.Position(), t.estimate.state.Velocity()});
    scorer.AddScan(static_cast<double>(k), s.truths[k], tracks);
  }
  const TrackScore score = scorer.Result();
  row.gospa_sum_m += score.mean_gospa_m;
  row.coverage_sum += score.coverage;
  row.switches += score.identity_switches;
  row.breaks += score.track_breaks;
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
          const Salvo s(n, interval, sigma_mrad * 1e-3, 1000 * n + 100 * static_cast<int>(interval * 10) + run);
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

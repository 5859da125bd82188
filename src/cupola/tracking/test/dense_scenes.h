// cupola/tracking/test/dense_scenes.h -- dense scenes for association tests
// and benchmarks (test/mht_test.cpp, bench/dense_salvo_bench.cpp): two
// targets crossing, and ripple salvos of rockets on near-identical paths,
// seen by one radar, scored against their truth.
#pragma once

#include <cmath>
#include <ctime>
#include <functional>
#include <vector>

#include "cupola/core/random.h"
#include "cupola/metrics/track_scoring.h"
#include "cupola/tracking/tracker.h"

namespace cupola::test {

// False alarms fall uniformly in this box over the salvos [m, in W].
inline const Eigen::Vector3d kClutterBoxMin(5e3, -5e3, 0.0), kClutterBoxSize(30e3, 20e3, 10e3);

// A radar at the frame origin measuring truths with Gaussian noise.
struct Scene {
  LocalFrame frame{GeodeticPoint{31.5, 34.6, 0.0}};
  FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  std::vector<RadarModel> radars;
  std::vector<std::vector<Detection>> scans;              // one per second
  std::vector<std::vector<ScoredObject>> truths;          // per scan

  explicit Scene(double sigma_azimuth_rad) {
    RadarSpec spec;
    spec.name = "r";
    spec.site = {31.5, 34.6, 50.0};
    spec.max_range_m = 100e3;
    spec.sigma_range_m = 10.0;
    spec.sigma_azimuth_rad = sigma_azimuth_rad;
    spec.sigma_elevation_rad = sigma_azimuth_rad;
    radars.push_back(RadarModel::FromSpec(spec, frame));
  }
  // Scans 0..n-1 of the targets positions(t) gives (NaN rows: not there),
  // each detected with probability pd, with `false_alarms` a scan in the
  // clutter box.
  void Observe(int n, std::uint64_t seed, const std::function<std::vector<Eigen::Vector3d>(double)>& positions,
               double pd = 1.0, int false_alarms = 0) {
    Rng rng(seed);
    const RadarModel& r = radars[0];
    for (int k = 0; k < n; ++k) {
      std::vector<Detection> dets;
      std::vector<ScoredObject> alive;
      const std::vector<Eigen::Vector3d> p = positions(k);
      for (std::size_t i = 0; i < p.size(); ++i) {
        if (!p[i].allFinite()) continue;
        alive.push_back({static_cast<int>(i), p[i], Eigen::Vector3d::Zero()});
        if (rng.Uniform() >= pd) continue;
        Detection d;
        d.t_s = k;
        d.z = r.Measure(p[i], Eigen::Vector3d::Zero());
        d.z += Eigen::Vector4d(r.spec.sigma_range_m * rng.Normal(), r.spec.sigma_azimuth_rad * rng.Normal(),
                               r.spec.sigma_elevation_rad * rng.Normal(), 0.0);
        d.z[3] = 0.0;
        dets.push_back(d);
      }
      for (int f = 0; f < false_alarms; ++f) {
        const Eigen::Vector3d u(rng.Uniform(), rng.Uniform(), rng.Uniform());
        Detection d;
        d.t_s = k;
        d.z = r.Measure(kClutterBoxMin + u.cwiseProduct(kClutterBoxSize), Eigen::Vector3d::Zero());
        d.z[3] = 0.0;
        dets.push_back(d);
      }
      scans.push_back(dets);
      truths.push_back(alive);
    }
  }
};

struct Outcome {
  TrackScore score;
  std::vector<TrackReport> reports;
  double cpu_s = 0.0;  // thread CPU time in ProcessScan
};

inline double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + 1e-9 * static_cast<double>(ts.tv_nsec);
}

// Runs the tracker over the scene and scores its confirmed tracks (GOSPA c = 100 m, p = 2).
inline Outcome RunTracker(const Scene& s, const TrackerConfig& config) {
  Tracker tracker(config, &s.radars, &s.env);
  TrackScoringOptions options;
  options.gate_m = 100.0;
  TrackScorer scorer(options);
  double cpu_s = 0.0;
  for (std::size_t k = 0; k < s.scans.size(); ++k) {
    const double c0 = ThreadCpuSeconds();
    tracker.ProcessScan(0, static_cast<double>(k), s.scans[k]);
    cpu_s += ThreadCpuSeconds() - c0;
    std::vector<ScoredObject> tracks;
    for (const Track& t : tracker.tracks())
      if (t.status == TrackStatus::kConfirmed)
        tracks.push_back({t.id, t.estimate.state.Position(), t.estimate.state.Velocity()});
    scorer.AddScan(static_cast<double>(k), s.truths[k], tracks);
  }
  return {scorer.Result(), tracker.reports(), cpu_s};
}

// Two constant-velocity targets crossing at a shallow angle: 150 m/s east,
// closing at 24 m/s across the radar's line of sight (18 m cross-range sigma
// at 18 km); they meet at t = 20 s.
inline Scene Crossing(std::uint64_t seed) {
  Scene s(1e-3);
  s.Observe(40, seed, [](double t) {
    return std::vector<Eigen::Vector3d>{{15e3 + 150 * t, 12 * (t - 20), 3000}, {15e3 + 150 * t, -12 * (t - 20), 3000}};
  });
  return s;
}

// A ripple salvo: n rockets from one launcher, `interval_s` apart, on
// near-identical ballistic paths (speeds within 0.5 %), seen after burn-out
// (1.5 km up, (-450, -250, 350) m/s, drag parameter 1e-4 m^2/kg, flown by the
// tracker's Ballistic model) from 25 km east and 12 km north of the radar.
inline Scene Salvo(std::uint64_t seed, int n, double interval_s, double sigma_azimuth_rad, double pd,
                   int false_alarms = 0) {
  Scene s(sigma_azimuth_rad);
  const Ballistic model(&s.env, 0.0, 0.0, 1e-4, 1e-4);
  Rng rng(seed + 1000);
  std::vector<StateVector> x0;
  for (int i = 0; i < n; ++i) {
    StateVector x = StateVector::Zero(7);
    x.head<3>() = Eigen::Vector3d(25e3, 12e3, 1500);
    x.segment<3>(3) = Eigen::Vector3d(-450, -250, 350) * (1.0 + 0.005 * rng.Normal());
    x[6] = 1e-4;
    x0.push_back(x);
  }
  s.Observe(static_cast<int>(60 + n * interval_s), seed, [&](double t) {
    std::vector<Eigen::Vector3d> p;
    for (int i = 0; i < n; ++i) {
      const double age = t - i * interval_s;
      const Eigen::Vector3d q = age < 0 ? Eigen::Vector3d::Constant(NAN) : Eigen::Vector3d(model.Propagate(x0[i], age).head<3>());
      p.push_back(q.z() > 0 ? q : Eigen::Vector3d::Constant(NAN));
    }
    return p;
  }, pd, false_alarms);
  return s;
}

}  // namespace cupola::test

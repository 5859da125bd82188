// tracker_bench -- milliseconds per scan of the multi-target tracker on one
// core, with 1,000 to 10,000 simultaneous targets plus clutter, and the ratio
// to the same tracker with plain all-pairs gating (TrackerConfig::
// spatial_index = false), both constant velocity and GNN; then each option
// (the default IMM of ballistic, cv and ct; ballistic; cv with JPDA; cv with MHT) at
// 1,000 and 10,000 targets (tracker_scan/option/N/K, K indexing kOptions).
// Goal: 10,000 targets at <= 100 ms per scan per core, the default included.
//
// Scene: one electronically scanned radar at the origin of a frame at
// (31.5 N, 34.5 E), 150 km range, 1 s revisit, sigma 10 m / 1 mrad / 1 mrad,
// Pd >= 0.99 everywhere in the scene. N targets fly straight lines at
// constant velocity (100-600 m/s, random headings, 1-10 km up), started on a
// jittered grid over 100 km x 100 km (distinct, well separated positions);
// 100 false alarms per scan uniform over the same region. Every scan's
// detections (noise-free RadarModel::Measure plus Gaussian noise of the
// radar's sigmas, shuffled with the clutter) are generated before timing.
//
// Each benchmark iteration is one steady-state scan: the tracker is first
// run untimed over kWarmupScans scans (two-point initiation, then 3-of-5
// confirmation), so Time/CPU are per scan. Counters:
//   ms_per_scan, cpu_ms_per_scan  wall and thread-CPU time per timed scan (mean)
//   max_ms_per_scan               slowest timed scan (wall)
//   targets, detections_per_scan, pairs_tested (per scan, Tracker::last_pairs_tested)
//   confirmed_tracks              after the last timed scan
//   targets_tracked               targets with a confirmed track within 300 m of the truth
//   false_confirmed               confirmed tracks with no target within 300 m
//   all_pairs_ms_per_scan, speedup_vs_all_pairs   (grid rows) all-pairs time for the same
//                                 N, measured in this process (run on demand if needed);
//                                 both from thread-CPU time (robust on shared cores)
//   all_pairs_us_per_pair         (all-pairs rows) CPU time per scan / pairs tested
// All-pairs gating tests every live track against every detection, about
// N x (N + clutter) filter innovations per scan, so it is measured only up to
// kMaxAllPairsN targets (its CPU time per tested pair is flat from 1,000 to
// 3,000: the growth is quadratic). For larger N the grid row reports
// all_pairs_ms_EXTRAPOLATED = (all-pairs CPU time per pair at the largest
// measured N) x (the pairs all-pairs would test: live tracks x detections in
// the grid run's timed scans; grid and all-pairs gating keep the same tracks)
// and speedup_vs_all_pairs_EXTRAPOLATED -- estimates, not measurements.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <ctime>
#include <map>
#include <memory>
#include <unordered_map>
#include <vector>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/geo/local_frame.h"
#include "cupola/physics/environment.h"
#include "cupola/sensors/radar.h"
#include "cupola/sensors/scan.h"
#include "cupola/scenario/tracker_config.h"
#include "cupola/tracking/tracker.h"

namespace cupola {
namespace {

constexpr int kWarmupScans = 6;         // untimed: initiation and confirmation
constexpr int kGridTimedScans = 10;     // timed steady-state scans, grid gating
constexpr int kMaxAllPairsN = 3000;     // largest N measured with all-pairs gating
constexpr double kClutterPerScan = 100.0;
constexpr double kHalfWidth_m = 50e3;   // targets start in [-50, 50] km east and north
constexpr double kMatchRadius_m = 300.0;
constexpr std::uint64_t kSeed = 20240611;

constexpr int AllPairsTimedScans(int n) { return n <= 1000 ? 5 : 2; }

struct Scene {
  LocalFrame frame{GeodeticPoint{31.5, 34.5, 0.0}};
  FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  std::vector<RadarModel> radars;
  std::vector<Eigen::Vector3d> p0, v;               // truth at t = 0 and velocity (W)
  std::vector<std::vector<Detection>> scans;        // detections of scan k at t = k revisit
  double revisit_s = 1.0;
  double detections = 0.0;                          // mean per scan

  Eigen::Vector3d TruthAt(int i, double t) const { return p0[i] + v[i] * t; }
};

RadarSpec BenchRadar() {
  RadarSpec spec;
  spec.name = "bench_esa";
  spec.site = {31.5, 34.5, 0.0};
  spec.revisit_s = 1.0;
  spec.max_range_m = 150e3;
  spec.sigma_range_m = 10.0;
  spec.sigma_azimuth_rad = 1e-3;
  spec.sigma_elevation_rad = 1e-3;
  spec.scan = RadarScan::kElectronic;
  spec.detection_probability = 0.99;  // at 150 km for the targets' RCS: Pd >= 0.99 in the scene
  spec.reference_range_m = 150e3;
  spec.reference_rcs_m2 = 1.0;
  return spec;
}

std::unique_ptr<Scene> MakeScene(int n, int n_scans) {
  auto scene = std::make_unique<Scene>();
  Scene& s = *scene;
  s.radars.push_back(RadarModel::FromSpec(BenchRadar(), s.frame));
  const RadarModel& radar = s.radars[0];
  s.revisit_s = radar.spec.revisit_s;
  constexpr double kRcs = 1.0;

  // Targets: one per cell of a side x side grid over the region, jittered
  // within the middle half of its cell, so start positions are distinct.
  Rng target_rng(StreamSeed(kSeed, "targets"));
  const int side = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(n))));
  const double cell = 2.0 * kHalfWidth_m / side;
  for (int i = 0; i < n; ++i) {
    const int cx = i % side, cy = i / side;
    const double x = -kHalfWidth_m + cell * (cx + target_rng.Uniform(0.25, 0.75));
    const double y = -kHalfWidth_m + cell * (cy + target_rng.Uniform(0.25, 0.75));
    const double z = target_rng.Uniform(1e3, 10e3);
    const double speed = target_rng.Uniform(100.0, 600.0);
    const double heading = target_rng.Uniform(0.0, 2.0 * kPi);
    s.p0.emplace_back(x, y, z);
    s.v.emplace_back(speed * std::sin(heading), speed * std::cos(heading), 0.0);
  }

  // Detections, generated once, outside any timing.
  Rng det_rng(StreamSeed(kSeed, "detections"));
  const double sr = radar.spec.sigma_range_m, sa = radar.spec.sigma_azimuth_rad, se = radar.spec.sigma_elevation_rad;
  const double sd = radar.spec.sigma_radial_velocity_mps;
  auto noisy = [&](Spherical z) {
    z[0] += det_rng.Normal(0.0, sr);
    z[1] = WrapToPi(z[1] + det_rng.Normal(0.0, sa));
    z[2] += det_rng.Normal(0.0, se);
    z[3] = radar.has_range_rate ? z[3] + det_rng.Normal(0.0, sd) : 0.0;
    return z;
  };
  std::size_t total = 0;
  for (int k = 0; k < n_scans; ++k) {
    const double t = k * s.revisit_s;
    std::vector<Detection> dets;
    dets.reserve(n + 2 * static_cast<int>(kClutterPerScan));
    for (int i = 0; i < n; ++i) {
      const Spherical z = radar.Measure(s.TruthAt(i, t), s.v[i]);
      if (!radar.Covers(z)) continue;
      if (det_rng.Uniform() >= radar.DetectionProbability(z[0], kRcs)) continue;
      dets.push_back({t, 0, noisy(z)});
    }
    const int clutter = det_rng.Poisson(kClutterPerScan);
    for (int c = 0; c < clutter; ++c) {
      const Eigen::Vector3d p(det_rng.Uniform(-kHalfWidth_m - 10e3, kHalfWidth_m + 10e3),
                              det_rng.Uniform(-kHalfWidth_m - 10e3, kHalfWidth_m + 10e3), det_rng.Uniform(0.5e3, 11e3));
      const Spherical z = radar.Measure(p, Eigen::Vector3d::Zero());
      if (radar.Covers(z)) dets.push_back({t, 0, z});  // a false alarm: no added noise needed
    }
    // Shuffle so neither truth order nor clutter position leaks into the tracker.
    for (std::size_t j = dets.size(); j > 1; --j) std::swap(dets[j - 1], dets[det_rng.NextU64() % j]);
    total += dets.size();
    s.scans.push_back(std::move(dets));
  }
  s.detections = static_cast<double>(total) / n_scans;
  return scene;
}

const Scene& GetScene(int n) {
  static std::map<int, std::unique_ptr<Scene>> cache;
  auto& slot = cache[n];
  if (!slot) slot = MakeScene(n, kWarmupScans + std::max(kGridTimedScans, AllPairsTimedScans(n)));
  return *slot;
}

double ThreadCpuSeconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec + 1e-9 * ts.tv_nsec;
}

// A track's [p, v, ...] state, whichever way Track holds it (a GaussianState
// `state`, or an Estimate `estimate` whose `state` is the combined one).
template <typename T>
const GaussianState& StateOf(const T& track) {
  if constexpr (requires { track.estimate.state; }) {
    return track.estimate.state;
  } else {
    return track.state;
  }
}

struct Score {
  int confirmed = 0, targets_tracked = 0, false_confirmed = 0;
};

// Confirmed tracks against the truth at time t: a target counts as tracked
// if some confirmed track is within kMatchRadius_m of it (3-D).
Score ScoreTracks(const Scene& s, const Tracker& tracker, double t) {
  auto key = [](const Eigen::Vector3d& p) {
    return (static_cast<std::int64_t>(std::floor(p.x() / kMatchRadius_m)) << 32) ^
           (static_cast<std::int64_t>(std::floor(p.y() / kMatchRadius_m)) & 0xffffffff);
  };
  std::unordered_map<std::int64_t, std::vector<int>> cells;
  std::vector<Eigen::Vector3d> truth(s.p0.size());
  for (std::size_t i = 0; i < s.p0.size(); ++i) {
    truth[i] = s.TruthAt(static_cast<int>(i), t);
    cells[key(truth[i])].push_back(static_cast<int>(i));
  }
  Score score;
  std::vector<bool> tracked(s.p0.size(), false);
  for (const Track& track : tracker.tracks()) {
    if (track.status != TrackStatus::kConfirmed) continue;
    ++score.confirmed;
    // Tracks updated or coasted in the last scan are at t; others are extrapolated to it.
    const GaussianState& x = StateOf(track);
    const Eigen::Vector3d p = x.Position() + x.Velocity() * (t - x.t_s);
    bool matched = false;
    for (int dx = -1; dx <= 1; ++dx) {
      for (int dy = -1; dy <= 1; ++dy) {
        const Eigen::Vector3d q = p + Eigen::Vector3d(dx * kMatchRadius_m, dy * kMatchRadius_m, 0.0);
        const auto it = cells.find(key(q));
        if (it == cells.end()) continue;
        for (const int i : it->second) {
          if ((truth[i] - p).norm() <= kMatchRadius_m) matched = true, tracked[i] = true;
        }
      }
    }
    if (!matched) ++score.false_confirmed;
  }
  score.targets_tracked = static_cast<int>(std::count(tracked.begin(), tracked.end(), true));
  return score;
}

// The tracker options the bench compares, by index (benchmark argument).
struct BenchOption {
  const char* name;
  MotionModelKind model;
  AssociationKind association;
};
constexpr BenchOption kOptions[] = {
    {"cv_gnn", MotionModelKind::kCv, AssociationKind::kGnn},
    {"default_imm_gnn", MotionModelKind::kImm, AssociationKind::kGnn},  // ballistic, cv, ct
    {"ballistic_gnn", MotionModelKind::kBallistic, AssociationKind::kGnn},
    {"cv_jpda", MotionModelKind::kCv, AssociationKind::kJpda},
    {"cv_mht", MotionModelKind::kCv, AssociationKind::kMht},  // mht_n_scan 3, 20 hypotheses per cluster
};

TrackerConfig BenchConfig(bool spatial_index, int option = 0) {
  TrackerConfig config;  // defaults but the motion model and association: ekf, 3 of 5, 2 km grid cells
  config.motion_model = kOptions[option].model;
  config.association = kOptions[option].association;
  config.spatial_index = spatial_index;
  return config;
}

struct RunResult {
  double ms_per_scan = 0.0, cpu_ms_per_scan = 0.0, max_ms_per_scan = 0.0, pairs_per_scan = 0.0;
  double all_pairs_per_scan = 0.0;  // live tracks x detections: what all-pairs gating tests
  Score score;
};

// Warm-up untimed, then one benchmark iteration per steady-state scan.
RunResult RunScans(benchmark::State* state, const Scene& s, bool spatial_index, int timed_scans, int option = 0) {
  const TrackerConfig config = BenchConfig(spatial_index, option);
  Tracker tracker(config, &s.radars, &s.env);
  for (int k = 0; k < kWarmupScans; ++k) tracker.ProcessScan(0, k * s.revisit_s, s.scans[k]);
  int k = kWarmupScans;
  double wall = 0.0, cpu = 0.0, pairs = 0.0, worst = 0.0, all_pairs = 0.0;
  auto one_scan = [&] {
    all_pairs += static_cast<double>(tracker.tracks().size()) * static_cast<double>(s.scans[k].size());
    const auto w0 = std::chrono::steady_clock::now();
    const double c0 = ThreadCpuSeconds();
    tracker.ProcessScan(0, k * s.revisit_s, s.scans[k]);
    cpu += ThreadCpuSeconds() - c0;
    const double w = std::chrono::duration<double>(std::chrono::steady_clock::now() - w0).count();
    wall += w;
    worst = std::max(worst, w);
    pairs += static_cast<double>(tracker.last_pairs_tested());
    ++k;
  };
  if (state != nullptr) {
    for (auto _ : *state) one_scan();
  } else {
    for (int j = 0; j < timed_scans; ++j) one_scan();
  }
  const int timed = k - kWarmupScans;
  RunResult r;
  r.ms_per_scan = 1e3 * wall / timed;
  r.cpu_ms_per_scan = 1e3 * cpu / timed;
  r.max_ms_per_scan = 1e3 * worst;
  r.pairs_per_scan = pairs / timed;
  r.all_pairs_per_scan = all_pairs / timed;
  r.score = ScoreTracks(s, tracker, (k - 1) * s.revisit_s);
  return r;
}

// All-pairs results by N, shared by the all_pairs rows and the grid rows.
std::map<int, RunResult>& AllPairsResults() {
  static std::map<int, RunResult> results;
  return results;
}

void Report(benchmark::State& state, const Scene& s, int n, const RunResult& r) {
  state.counters["ms_per_scan"] = r.ms_per_scan;
  state.counters["cpu_ms_per_scan"] = r.cpu_ms_per_scan;
  state.counters["max_ms_per_scan"] = r.max_ms_per_scan;
  state.counters["targets"] = n;
  state.counters["detections_per_scan"] = s.detections;
  state.counters["pairs_tested"] = r.pairs_per_scan;
  state.counters["confirmed_tracks"] = r.score.confirmed;
  state.counters["targets_tracked"] = r.score.targets_tracked;
  state.counters["false_confirmed"] = r.score.false_confirmed;
}

void AllPairs(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Scene& s = GetScene(n);
  const RunResult r = RunScans(&state, s, /*spatial_index=*/false, 0);
  AllPairsResults()[n] = r;
  Report(state, s, n, r);
  state.counters["all_pairs_us_per_pair"] = 1e3 * r.cpu_ms_per_scan / r.pairs_per_scan;
}

void Grid(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const Scene& s = GetScene(n);
  // The all-pairs time for this N, measured earlier in this process or now
  // (untimed by the framework); beyond kMaxAllPairsN, extrapolated from the
  // largest measured N.
  auto& all_pairs = AllPairsResults();
  const int measured_n = std::min(n, kMaxAllPairsN);
  if (!all_pairs.count(measured_n))
    all_pairs[measured_n] = RunScans(nullptr, GetScene(measured_n), false, AllPairsTimedScans(measured_n));
  const RunResult r = RunScans(&state, s, /*spatial_index=*/true, 0);
  Report(state, s, n, r);
  const RunResult& ap = all_pairs.at(measured_n);
  if (measured_n == n) {
    state.counters["all_pairs_ms_per_scan"] = ap.cpu_ms_per_scan;
    state.counters["speedup_vs_all_pairs"] = ap.cpu_ms_per_scan / r.cpu_ms_per_scan;
  } else {
    const double extrapolated = ap.cpu_ms_per_scan / ap.pairs_per_scan * r.all_pairs_per_scan;
    state.counters["all_pairs_ms_EXTRAPOLATED"] = extrapolated;
    state.counters["speedup_vs_all_pairs_EXTRAPOLATED"] = extrapolated / r.cpu_ms_per_scan;
  }
}

// One tracker option (kOptions[range(1)]) with grid gating at range(0) targets.
void Option(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const int option = static_cast<int>(state.range(1));
  state.SetLabel(kOptions[option].name);
  const Scene& s = GetScene(n);
  Report(state, s, n, RunScans(&state, s, /*spatial_index=*/true, 0, option));
}

// All-pairs rows first, so the grid rows reuse their measurements.
BENCHMARK(AllPairs)->Name("tracker_scan/all_pairs")->Arg(1000)->Iterations(AllPairsTimedScans(1000))
    ->Unit(benchmark::kMillisecond);
BENCHMARK(AllPairs)->Name("tracker_scan/all_pairs")->Arg(kMaxAllPairsN)->Iterations(AllPairsTimedScans(kMaxAllPairsN))
    ->Unit(benchmark::kMillisecond);
BENCHMARK(Grid)->Name("tracker_scan/grid")->Arg(1000)->Arg(kMaxAllPairsN)->Arg(10000)->Iterations(kGridTimedScans)
    ->Unit(benchmark::kMillisecond);

// Each option at 1,000 and 10,000 targets (cv_gnn is the grid rows above).
BENCHMARK(Option)->Name("tracker_scan/option")->ArgsProduct({{1000, 10000}, {1, 2, 3, 4}})->Iterations(kGridTimedScans)
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace cupola

BENCHMARK_MAIN();

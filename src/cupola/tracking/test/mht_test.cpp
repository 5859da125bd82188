#include "cupola/tracking/mht.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <limits>

#include "cupola/core/random.h"
#include "cupola/metrics/track_scoring.h"
#include "cupola/tracking/mht_hypotheses.h"
#include "cupola/tracking/tracker.h"

namespace cupola {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Every partial matching of a problem, by brute force: the reference for the k best.
void AllMatchings(const HypothesisProblem& p, int row, std::vector<int>& a, std::vector<bool>& used, double cost,
                  std::vector<double>& out) {
  if (row == p.cost.rows()) {
    out.push_back(p.parent_cost + cost);
    return;
  }
  a[row] = -1;
  AllMatchings(p, row + 1, a, used, cost + p.miss_cost, out);
  for (int c = 0; c < p.cost.cols(); ++c) {
    if (used[c] || !std::isfinite(p.cost(row, c))) continue;
    used[c] = true, a[row] = c;
    AllMatchings(p, row + 1, a, used, cost + p.cost(row, c), out);
    used[c] = false;
  }
}

TEST(KBestHypotheses, AreTheKCheapestOverAllParentsInOrder) {
  Rng rng(5);
  for (int trial = 0; trial < 30; ++trial) {
    std::vector<HypothesisProblem> problems(1 + trial % 3);
    std::vector<double> all;
    for (auto& p : problems) {
      const int n = 1 + static_cast<int>(rng.Uniform() * 4), m = 1 + static_cast<int>(rng.Uniform() * 4);
      p.cost = Eigen::MatrixXd::Constant(n, m, kInf);
      for (int i = 0; i < n; ++i)
        for (int j = 0; j < m; ++j)
          if (rng.Uniform() < 0.7) p.cost(i, j) = -10.0 + 12.0 * rng.Uniform();
      p.miss_cost = 1.0;
      p.parent_cost = 3.0 * rng.Uniform();
      std::vector<int> a(n);
      std::vector<bool> used(m, false);
      AllMatchings(p, 0, a, used, 0.0, all);
    }
    std::sort(all.begin(), all.end());
    const int k = 7;
    const std::vector<RankedHypothesis> best = KBestHypotheses(problems, k);
    ASSERT_EQ(best.size(), std::min<std::size_t>(k, all.size()));
    for (std::size_t r = 0; r < best.size(); ++r) {
      EXPECT_NEAR(best[r].cost, all[r], 1e-9) << "trial " << trial << " rank " << r;
      // The cost is that of the matching it names.
      const HypothesisProblem& p = problems[best[r].parent];
      double cost = p.parent_cost;
      for (int i = 0; i < p.cost.rows(); ++i)
        cost += best[r].row_to_col[i] < 0 ? p.miss_cost : p.cost(i, best[r].row_to_col[i]);
      EXPECT_NEAR(best[r].cost, cost, 1e-9);
    }
  }
}

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
  // each detected with probability pd.
  void Observe(int n, std::uint64_t seed, const std::function<std::vector<Eigen::Vector3d>(double)>& positions,
               double pd = 1.0) {
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
      scans.push_back(dets);
      truths.push_back(alive);
    }
  }
};

struct Outcome {
  TrackScore score;
  std::vector<TrackReport> reports;
};

// Runs the tracker over the scene and scores its confirmed tracks (GOSPA c = 100 m, p = 2).
Outcome RunTracker(const Scene& s, TrackerConfig config) {
  Tracker tracker(config, &s.radars, &s.env);
  TrackScoringOptions options;
  options.gate_m = 100.0;
  TrackScorer scorer(options);
  for (std::size_t k = 0; k < s.scans.size(); ++k) {
    tracker.ProcessScan(0, static_cast<double>(k), s.scans[k]);
    if (tracker.mht() && getenv("MHT_DEBUG")) std::printf(" k=%d hyps=%zu tracks=%zu\n", (int)k, tracker.mht()->hypothesis_count(), tracker.tracks().size());
    std::vector<ScoredObject> tracks;
    for (const Track& t : tracker.tracks())
      if (t.status == TrackStatus::kConfirmed)
        tracks.push_back({t.id, t.estimate.state.Position(), t.estimate.state.Velocity()});
    scorer.AddScan(static_cast<double>(k), s.truths[k], tracks);
  }
  return {scorer.Result(), tracker.reports()};
}

// Whether the track on target 0 at scan `before` is on target 1 at the last
// scan (both targets far apart then): a swap, whatever the scorer's pairing
// did while they were closer than the noise.
bool Swapped(const Scene& s, const TrackerConfig& config, int before) {
  Tracker tracker(config, &s.radars, &s.env);
  auto nearest = [&](const Eigen::Vector3d& p) {
    int id = -1;
    double best = 200.0;
    for (const Track& t : tracker.tracks())
      if (const double d = (t.estimate.state.Position() - p).norm(); d < best) best = d, id = t.id;
    return id;
  };
  int on_0 = -1;
  for (std::size_t k = 0; k < s.scans.size(); ++k) {
    tracker.ProcessScan(0, static_cast<double>(k), s.scans[k]);
    if (static_cast<int>(k) == before) on_0 = nearest(s.truths[k][0].p_W);
  }
  return on_0 >= 0 && on_0 == nearest(s.truths.back()[1].p_W);
}

TrackerConfig Config(MotionModelKind model, AssociationKind association) {
  TrackerConfig c;
  c.motion_model = model;
  c.association = association;
  return c;
}

// Two constant-velocity targets crossing at a shallow angle: 150 m/s east,
// closing at 24 m/s across the radar's line of sight (18 m cross-range sigma
// at 18 km); they meet at t = 20 s.
Scene Crossing(std::uint64_t seed) {
  Scene s(1e-3);
  s.Observe(40, seed, [](double t) {
    return std::vector<Eigen::Vector3d>{{15e3 + 150 * t, 12 * (t - 20), 3000}, {15e3 + 150 * t, -12 * (t - 20), 3000}};
  });
  return s;
}

// A ripple salvo: n rockets from one launcher, `interval_s` apart, on
// near-identical ballistic paths (speeds within 0.5 %), seen after burn-out.
Scene Salvo(std::uint64_t seed, int n, double interval_s, double sigma_azimuth_rad, double pd) {
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
  }, pd);
  return s;
}

TEST(Mht, Explore) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const Scene s = Crossing(seed);
    TrackerConfig g = Config(MotionModelKind::kCv, AssociationKind::kGnn), m = Config(MotionModelKind::kCv, AssociationKind::kMht);
    g.q_velocity_m2ps3 = m.q_velocity_m2ps3 = 1.0;
    std::printf("crossing seed %d: gnn swapped %d mht swapped %d\n", (int)seed, Swapped(s, g, 12), Swapped(s, m, 12));
  }
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    for (const double interval : {1.0, 1.5, 2.0}) {
      const Scene s = Salvo(seed, 6, interval, 3e-3, 0.9);
      const TrackScore gnn = RunTracker(s, Config(MotionModelKind::kBallistic, AssociationKind::kGnn)).score;
      const TrackScore mht = RunTracker(s, Config(MotionModelKind::kBallistic, AssociationKind::kMht)).score;
      std::printf("salvo seed %d interval %.1f: gnn switches %d gospa %.1f cov %.2f | mht switches %d gospa %.1f cov %.2f\n",
                  (int)seed, interval, gnn.identity_switches, gnn.mean_gospa_m, gnn.coverage, mht.identity_switches,
                  mht.mean_gospa_m, mht.coverage);
    }
  }
}

}  // namespace
}  // namespace cupola

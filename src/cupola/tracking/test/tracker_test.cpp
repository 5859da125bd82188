#include "cupola/tracking/tracker.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <limits>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/metrics/consistency.h"

namespace cupola {
namespace {

// A radar at the frame origin and straight-line targets it measures with
// Gaussian noise; everything a tracker test needs without the simulator.
struct Bench {
  LocalFrame frame{GeodeticPoint{31.5, 34.6, 0.0}};
  FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  std::vector<RadarModel> radars;
  Rng rng{17};

  Bench() {
    RadarSpec spec;
    spec.name = "r";
    spec.site = {31.5, 34.6, 50.0};
    spec.max_range_m = 100e3;
    spec.sigma_range_m = 10.0;
    spec.sigma_azimuth_rad = 1e-3;
    spec.sigma_elevation_rad = 1e-3;
    radars.push_back(RadarModel::FromSpec(spec, frame));
  }
  Detection Measure(const Eigen::Vector3d& p, double t, int radar = 0) {
    const RadarModel& r = radars[radar];
    Detection d;
    d.t_s = t;
    d.radar = radar;
    d.z = r.Measure(p, Eigen::Vector3d::Zero());
    d.z += Eigen::Vector4d(r.spec.sigma_range_m * rng.Normal(), r.spec.sigma_azimuth_rad * rng.Normal(),
                           r.spec.sigma_elevation_rad * rng.Normal(), 0.0);
    d.z[3] = 0.0;
    return d;
  }
};

TEST(Tracker, ConfirmsOneTrackOnOneTargetAndFollowsIt) {
  Bench b;
  Tracker tracker(TrackerConfig{}, &b.radars, &b.env);
  const Eigen::Vector3d p0(20e3, 15e3, 3000), v(-250, 100, 0);
  for (int k = 0; k < 40; ++k) {
    const double t = k;
    const std::vector<Detection> dets = {b.Measure(p0 + t * v, t)};
    tracker.ProcessScan(0, t, dets);
  }
  ASSERT_EQ(tracker.tracks().size(), 1u);
  const Track& track = tracker.tracks()[0];
  EXPECT_EQ(track.status, TrackStatus::kConfirmed);
  EXPECT_EQ(track.updates, 40);  // every detection, the two that started it included
  EXPECT_LT((track.estimate.state.Position() - (p0 + 39.0 * v)).norm(), 60.0);  // cross-range sigma is 25 m at 25 km
  EXPECT_LT((track.estimate.state.Velocity() - v).norm(), 15.0);
  int confirmations = 0;
  for (const auto& e : tracker.events()) confirmations += e.kind == TrackEvent::Kind::kConfirmed;
  EXPECT_EQ(confirmations, 1);
}

// Two radars looking at the same scan give two detections but no second look
// in time: M-of-N counts scans (by their start times), so a track started at
// t = 1 from t = 0 and t = 1 is confirmed at t = 2, not by the other radar's
// detection of scan 1 (two rockets of a stream, paired at initiation, would
// confirm each other). The same when the second radar rotates and sees the
// target 0.3 s after the scans' common start: the instant is the scan's.
// The report carries the track's whole [p, v] covariance, and the drag
// parameter's variance exactly where the tracker estimates one.
TEST(Tracker, ReportsCarryTheFullCovarianceAndTheDragVariance) {
  for (const MotionModelKind kind : {MotionModelKind::kCv, MotionModelKind::kBallistic, MotionModelKind::kImm}) {
    Bench b;
    TrackerConfig config;
    config.motion_model = kind;
    config.imm_models = {MotionModelKind::kCv, MotionModelKind::kBallistic};
    Tracker tracker(config, &b.radars, &b.env);
    const Eigen::Vector3d p0(20e3, 15e3, 3000), v(-250, 100, 0);
    for (int k = 0; k < 10; ++k) {
      const std::vector<Detection> dets = {b.Measure(p0 + k * v, k)};
      tracker.ProcessScan(0, k, dets);
    }
    ASSERT_EQ(tracker.tracks().size(), 1u);
    const Estimate& e = tracker.tracks()[0].estimate;
    const TrackReport& r = tracker.reports().back();
    ASSERT_EQ(r.t_s, e.state.t_s);
    EXPECT_EQ(r.CovPv(), (e.state.P.topLeftCorner<6, 6>())) << ToString(kind);
    if (kind == MotionModelKind::kCv) {
      EXPECT_TRUE(std::isnan(r.var_kappa));
      continue;
    }
    EXPECT_EQ(r.var_kappa, kind == MotionModelKind::kBallistic ? e.state.P(6, 6) : e.modes[1].P(6, 6));
    // No larger than its prior (2e-4 m^2/kg)^2 and the random walk since.
    EXPECT_LE(r.var_kappa, 4e-8 + 10 * config.q_kappa) << ToString(kind);
  }
}

TEST(Tracker, DetectionsOfOneScanInstantConfirmNothing) {
  for (const double late_s : {0.0, 0.3}) {
    SCOPED_TRACE(late_s);
    Bench b;
    RadarSpec spec = b.radars[0].spec;
    spec.name = "r2";
    spec.site = {31.6, 34.7, 80.0};
    b.radars.push_back(RadarModel::FromSpec(spec, b.frame));
    Tracker tracker(TrackerConfig{}, &b.radars, &b.env);  // 3 of 5
    const Eigen::Vector3d p0(20e3, 15e3, 3000), v(-250, 100, 0);
    auto Scan = [&](int radar, double t_scan) {
      const double t = t_scan + (radar == 1 ? late_s : 0.0);
      tracker.ProcessScan(radar, t_scan, std::vector<Detection>{b.Measure(p0 + t * v, t, radar)});
    };
    Scan(0, 0.0), Scan(1, 0.0), Scan(0, 1.0), Scan(1, 1.0);
    ASSERT_EQ(tracker.tracks().size(), 1u);
    EXPECT_EQ(tracker.tracks()[0].updates, 3);       // both radars' detections of scan 1 taken
    EXPECT_EQ(tracker.tracks()[0].update_times, 2);  // but only two scans
    EXPECT_EQ(tracker.tracks()[0].looks, 2);
    EXPECT_EQ(tracker.tracks()[0].status, TrackStatus::kTentative);
    Scan(0, 2.0);
    EXPECT_EQ(tracker.tracks()[0].status, TrackStatus::kConfirmed);
  }
}

TEST(Tracker, DeletesATrackWhoseTargetVanishes) {
  Bench b;
  TrackerConfig config;
  config.max_misses = 3;
  Tracker tracker(config, &b.radars, &b.env);
  const Eigen::Vector3d p0(20e3, 15e3, 3000), v(-250, 100, 0);
  for (int k = 0; k < 10; ++k) tracker.ProcessScan(0, k, std::vector<Detection>{b.Measure(p0 + k * v, k)});
  ASSERT_EQ(tracker.tracks().size(), 1u);
  for (int k = 10; k < 12; ++k) tracker.ProcessScan(0, k, {});
  EXPECT_EQ(tracker.tracks().size(), 1u);  // two misses: coasting
  tracker.ProcessScan(0, 12, {});
  EXPECT_TRUE(tracker.tracks().empty());   // the third: deleted
  EXPECT_EQ(tracker.events().back().kind, TrackEvent::Kind::kDeleted);
  EXPECT_TRUE(tracker.events().back().was_confirmed);
}

TEST(Tracker, KeepsTwoCrossingTargetsApart) {
  // Two targets 300 m apart in height cross in the horizontal plane: GNN on
  // the full 3-D innovation must keep their identities.
  Bench b;
  Tracker tracker(TrackerConfig{}, &b.radars, &b.env);
  const Eigen::Vector3d a0(15e3, 10e3, 2000), va(200, 0, 0);
  const Eigen::Vector3d c0(25e3, 10e3, 2300), vc(-200, 0, 0);
  int id_a = -1, id_c = -1;
  for (int k = 0; k < 50; ++k) {
    tracker.ProcessScan(0, k, std::vector<Detection>{b.Measure(a0 + k * va, k), b.Measure(c0 + k * vc, k)});
    if (k == 10) {
      ASSERT_EQ(tracker.tracks().size(), 2u);
      for (const auto& t : tracker.tracks()) (t.estimate.state.Velocity().x() > 0 ? id_a : id_c) = t.id;
    }
  }
  ASSERT_EQ(tracker.tracks().size(), 2u);
  for (const auto& t : tracker.tracks()) {
    ASSERT_TRUE(t.id == id_a || t.id == id_c);
    EXPECT_NEAR(t.estimate.state.Velocity().x(), t.id == id_a ? 200.0 : -200.0, 20.0);
  }
}

TEST(Tracker, SpatialIndexChangesNothingButTheWork) {
  // Same detections, grid on and off: identical tracks, fewer pairs tested.
  std::vector<std::vector<Detection>> scans;
  {
    Bench b;
    for (int k = 0; k < 15; ++k) {
      std::vector<Detection> dets;
      for (int i = 0; i < 30; ++i)
        dets.push_back(b.Measure(Eigen::Vector3d(5e3 + 2e3 * i, 20e3 - 1e3 * i, 3000) + k * Eigen::Vector3d(150, 80, 0), k));
      scans.push_back(dets);
    }
  }
  Bench b;
  TrackerConfig grid, plain;
  plain.spatial_index = false;
  Tracker with_grid(grid, &b.radars, &b.env), without(plain, &b.radars, &b.env);
  for (int k = 0; k < 15; ++k) {
    with_grid.ProcessScan(0, k, scans[k]);
    without.ProcessScan(0, k, scans[k]);
  }
  ASSERT_EQ(with_grid.tracks().size(), 30u);
  ASSERT_EQ(without.tracks().size(), 30u);
  for (std::size_t i = 0; i < 30; ++i) EXPECT_EQ(with_grid.tracks()[i].estimate.state.x, without.tracks()[i].estimate.state.x);
  EXPECT_LT(with_grid.last_pairs_tested() * 5, without.last_pairs_tested());
}

// NEES consistency over Monte Carlo runs: a target that really moves with
// the constant-velocity model's continuous white-noise acceleration, tracked
// with the same q, must give an average NEES inside the 95 % chi-square
// interval for 6 degrees of freedom (Bar-Shalom et al. 2001, sec. 5.4).
TEST(Tracker, NeesIsConsistentOverMonteCarloRuns) {
  const int runs = 200, scans = 25;
  const double q = 4.0, T = 1.0;
  std::vector<double> nees_sum(scans, 0.0);
  std::vector<int> nees_count(scans, 0);
  Bench b;
  const ConstantVelocity truth_model(q);
  for (int run = 0; run < runs; ++run) {
    TrackerConfig config;
    config.motion_model = MotionModelKind::kCv;  // the truth's own model
    config.q_velocity_m2ps3 = q;
    Tracker tracker(config, &b.radars, &b.env);
    StateVector x = StateVector::Zero(6);
    x << 18e3, 22e3, 4000, -150, 60, 5;
    // Exact discretisation of the truth: x += F x + w, w ~ N(0, Q).
    const StateMatrix L = Eigen::LLT<StateMatrix>(truth_model.ProcessNoise(x, T)).matrixL();
    for (int k = 0; k < scans; ++k) {
      if (k > 0) {
        StateVector w(6);
        for (int i = 0; i < 6; ++i) w[i] = b.rng.Normal();
        x = truth_model.Propagate(x, T) + L * w;
      }
      tracker.ProcessScan(0, k * T, std::vector<Detection>{b.Measure(x.head<3>(), k * T)});
      if (tracker.tracks().size() == 1 && k >= 5) {
        const GaussianState& s = tracker.tracks()[0].estimate.state;
        nees_sum[k] += Nees(Eigen::VectorXd(s.x - x), Eigen::MatrixXd(s.P));
        ++nees_count[k];
      }
    }
  }
  int inside = 0, checked = 0;
  for (int k = 5; k < scans; ++k) {
    ASSERT_EQ(nees_count[k], runs);
    const ConsistencyInterval interval = AverageNeesInterval(6, runs, 0.95);
    inside += interval.Contains(nees_sum[k] / runs);
    ++checked;
  }
  // Each scan is inside with probability 0.95; allow for the odd excursion.
  EXPECT_GE(inside, checked - 3) << inside << " of " << checked;
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

// A drone-like target flies straight, then turns at 3 deg/s for a minute.
// IMM(cv, ct) must follow the turn better than cv alone, and its turn
// model must take over while the target turns.
TEST(Tracker, ImmFollowsATurnBetterThanConstantVelocity) {
  const double speed = 50.0, omega = DegToRad(3.0);
  auto truth = [&](double t) {
    const Eigen::Vector3d start(15e3, 10e3, 300);
    if (t < 60) return Eigen::Vector3d(start + Eigen::Vector3d(speed * t, 0, 0));
    const double a = omega * (t - 60), r = speed / omega;  // counter-clockwise from heading east
    const Eigen::Vector3d turn_start = start + Eigen::Vector3d(speed * 60, 0, 0);
    if (t < 120) return Eigen::Vector3d(turn_start + Eigen::Vector3d(r * std::sin(a), r * (1 - std::cos(a)), 0));
    const double a_end = omega * 60;
    const Eigen::Vector3d end = turn_start + Eigen::Vector3d(r * std::sin(a_end), r * (1 - std::cos(a_end)), 0);
    return Eigen::Vector3d(end + speed * (t - 120) * Eigen::Vector3d(std::cos(a_end), std::sin(a_end), 0));
  };
  auto run = [&](const TrackerConfig& config, double* turn_probability) {
    Bench b;
    Tracker tracker(config, &b.radars, &b.env);
    double sum2 = 0.0;
    int n = 0;
    *turn_probability = 0.0;
    for (int k = 0; k < 150; ++k) {
      tracker.ProcessScan(0, k, std::vector<Detection>{b.Measure(truth(k), k)});
      if (tracker.tracks().size() != 1) continue;
      const Track& track = tracker.tracks()[0];
      if (k >= 70 && k < 120) {  // inside the turn
        sum2 += (track.estimate.state.Position() - truth(k)).squaredNorm();
        ++n;
        if (!track.estimate.mode_probabilities.empty()) *turn_probability += track.estimate.mode_probabilities[1] / 50.0;
      }
    }
    return n == 50 ? std::sqrt(sum2 / n) : 1e9;
  };
  TrackerConfig cv;
  cv.motion_model = MotionModelKind::kCv;
  cv.q_velocity_m2ps3 = 0.1;  // a cv tuned for straight flight
  TrackerConfig imm = cv;
  imm.motion_model = MotionModelKind::kImm;
  imm.imm_models = {MotionModelKind::kCv, MotionModelKind::kCt};
  imm.q_turn_rate = 1e-5;
  double unused = 0.0, turn_probability = 0.0;
  const double rmse_cv = run(cv, &unused);
  const double rmse_imm = run(imm, &turn_probability);
  EXPECT_LT(rmse_imm, 0.7 * rmse_cv) << "imm " << rmse_imm << " m, cv " << rmse_cv << " m";
  EXPECT_GT(turn_probability, 0.5);
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

// JPDA on clean data behaves like GNN (one detection per gate: beta close to
// 1), and in clutter it still holds the target.
TEST(Tracker, JpdaTracksLikeGnnOnCleanDataAndHoldsInClutter) {
  const Eigen::Vector3d p0(20e3, 15e3, 3000), v(-250, 100, 0);
  auto final_error = [&](AssociationKind association, int clutter_per_scan, int* tracks) {
    Bench b;
    b.radars[0].spec.false_alarms_per_scan = clutter_per_scan;
    TrackerConfig config;
    config.motion_model = MotionModelKind::kCv;  // JPDA runs with one motion model
    config.association = association;
    Tracker tracker(config, &b.radars, &b.env);
    for (int k = 0; k < 40; ++k) {
      std::vector<Detection> dets = {b.Measure(p0 + k * v, k)};
      for (int c = 0; c < clutter_per_scan; ++c)  // clutter near the target: the hard case
        dets.push_back(b.Measure(p0 + k * v + Eigen::Vector3d(b.rng.Uniform(-600, 600), b.rng.Uniform(-600, 600), 0), k));
      tracker.ProcessScan(0, k, dets);
    }
    *tracks = 0;
    double error = 1e9;
    for (const auto& t : tracker.tracks()) {
      if (t.status != TrackStatus::kConfirmed) continue;
      ++*tracks;
      error = std::min(error, (t.estimate.state.Position() - (p0 + 39.0 * v)).norm());
    }
    return error;
  };
  int tracks_gnn = 0, tracks_jpda = 0, tracks_clutter = 0;
  const double gnn = final_error(AssociationKind::kGnn, 0, &tracks_gnn);
  const double jpda = final_error(AssociationKind::kJpda, 0, &tracks_jpda);
  EXPECT_EQ(tracks_gnn, 1);
  EXPECT_EQ(tracks_jpda, 1);
  EXPECT_NEAR(jpda, gnn, 10.0);
  const double in_clutter = final_error(AssociationKind::kJpda, 2, &tracks_clutter);
  EXPECT_GE(tracks_clutter, 1);
  EXPECT_LT(in_clutter, 200.0);
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

// Fault injection: corrupted detections (a NaN azimuth, an infinite range, a
// range of 1e300 m) next to a tracked target never put NaN or Inf into a
// track or a report; the tracker goes on and holds the second target as
// before. (A filter that does diverge is dropped with a "filter diverged"
// deletion event: tracker.cpp; covariance repair: models_test.cpp.)
TEST(Tracker, CorruptDetectionsNeverReachTheTracksAndTheRunGoesOn) {
  for (int fault = 0; fault < 3; ++fault) {
    Bench b;
    Tracker tracker(TrackerConfig{}, &b.radars, &b.env);
    const Eigen::Vector3d p0(20e3, 15e3, 3000), v(-250, 100, 0), q0(-20e3, 10e3, 2000), w(200, 0, 0);
    for (int k = 0; k < 10; ++k)
      tracker.ProcessScan(0, k, std::vector<Detection>{b.Measure(p0 + k * v, k), b.Measure(q0 + k * w, k)});
    ASSERT_EQ(tracker.tracks().size(), 2u);
    for (int k = 10; k < 14; ++k) {
      Detection bad = b.Measure(p0 + k * v, k);
      if (fault == 0) bad.z[1] = std::numeric_limits<double>::quiet_NaN();
      if (fault == 1) bad.z[0] = std::numeric_limits<double>::infinity();
      if (fault == 2) bad.z[0] = 1e300;
      tracker.ProcessScan(0, k, std::vector<Detection>{bad, b.Measure(q0 + k * w, k)});
    }
    for (int k = 14; k < 30; ++k) tracker.ProcessScan(0, k, std::vector<Detection>{b.Measure(q0 + k * w, k)});
    for (const Track& t : tracker.tracks()) {
      EXPECT_TRUE(t.estimate.state.x.allFinite()) << "fault " << fault << " track " << t.id;
      EXPECT_TRUE(t.estimate.state.P.allFinite()) << "fault " << fault << " track " << t.id;
    }
    for (const auto& r : tracker.reports())
      EXPECT_TRUE(r.p_W.allFinite() && r.v_W.allFinite() && r.SigmaP().allFinite()) << "fault " << fault;
    int on_second = 0;
    for (const Track& t : tracker.tracks())
      on_second += t.status == TrackStatus::kConfirmed && (t.estimate.state.Position() - (q0 + 29.0 * w)).norm() < 200.0;
    EXPECT_EQ(on_second, 1) << "fault " << fault;
    for (const auto& e : tracker.events())
      if (e.kind == TrackEvent::Kind::kDeleted) {
        EXPECT_NE(e.reason, Reason::kNone);
      }
  }
}

// Found by fuzz/fuzz_detections_csv: a detection stamped long after its
// scan's start (recorded files allow it) made the gating query of the spatial
// grid sweep billions of cells; it must take no longer than any other scan.
TEST(Tracker, DetectionLongAfterItsScanStartIsGatedQuickly) {
  Bench b;
  Tracker tracker(TrackerConfig{}, &b.radars, &b.env);
  const Eigen::Vector3d p0(20e3, 15e3, 3000), v(-250, 100, 0), q0(-20e3, 10e3, 2000), w(200, 0, 0);
  for (int k = 0; k < 5; ++k)
    tracker.ProcessScan(0, k, std::vector<Detection>{b.Measure(p0 + k * v, k), b.Measure(q0 + k * w, k)});
  ASSERT_EQ(tracker.tracks().size(), 2u);
  const Detection late = b.Measure(p0 + 5 * v, 5.0 + 1e7);
  const auto start = std::chrono::steady_clock::now();
  tracker.ProcessScan(0, 5, std::vector<Detection>{late});
  EXPECT_LT(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), 1.0);
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

// Fault injection: a filter that diverges. A ballistic track initiated on a
// corrupt target moving at 200 km/s through the dense air at 500 m makes the
// drag term stiff, so the model's integration overflows within a scan. The
// tracker must drop that track with a "filter diverged" deletion event, never
// report a non-finite state, and keep tracking the sound target next to it.
TEST(Tracker, DivergingFilterIsDroppedWithAnEventAndTheRunGoesOn) {
  Bench b;
  TrackerConfig config;
  config.motion_model = MotionModelKind::kBallistic;
  config.max_speed_mps = 1e6;  // let the corrupt target initiate a track
  Tracker tracker(config, &b.radars, &b.env);
  const Eigen::Vector3d g(0, 0, -9.80665);
  const auto sound = [&](double t) -> Eigen::Vector3d { return Eigen::Vector3d(20e3, 15e3, 6000) + t * Eigen::Vector3d(-250, 100, 300) + 0.5 * t * t * g; };
  const auto corrupt = [&](double t) -> Eigen::Vector3d { return Eigen::Vector3d(-30e3, 10e3, 500) + t * Eigen::Vector3d(2e5, 0, 0); };
  bool dropped = false;
  for (int k = 0; k < 30; ++k) {
    std::vector<Detection> scan{b.Measure(sound(k), k)};
    if (k < 3) scan.push_back(b.Measure(corrupt(k), k));
    tracker.ProcessScan(0, k, scan);
    for (const auto& r : tracker.reports())
      ASSERT_TRUE(r.p_W.allFinite() && r.v_W.allFinite() && r.SigmaP().allFinite()) << "scan " << k;
  }
  for (const TrackEvent& e : tracker.events()) {
    if (e.kind == TrackEvent::Kind::kDeleted && e.reason == Reason::kFilterDiverged) dropped = true;
  }
  EXPECT_TRUE(dropped);
  ASSERT_EQ(tracker.tracks().size(), 1u);
  EXPECT_LT((tracker.tracks()[0].estimate.state.Position() - sound(29)).norm(), 100.0);
}

// JPDA weighs a detection against the clutter density it is given. A
// settled track misses its target; one false alarm lies 3 sigma off in
// azimuth. The PDA update moves the track by (1 - beta_0) of the Kalman
// step GNN takes, beta_0 = b / (b + Pd N(y; 0, S) / lambda), b = 1 - Pd Pg,
// lambda = N_FA r^2 cos(el) / V over the radar's covered volume V
// (Bar-Shalom et al. 2001, sec. 6.4). Without a clutter level JPDA moves as
// GNN does; with a dense one (a 20 x 20 deg sector to 30 km, 1e6 false
// alarms a scan) it keeps most of its prediction.
TEST(Tracker, JpdaWeighsALoneDetectionAgainstTheGivenClutterDensity) {
  RadarSpec spec = Bench().radars[0].spec;
  spec.max_range_m = 30e3;
  spec.azimuth_center_rad = DegToRad(45.0);
  spec.azimuth_width_rad = DegToRad(20.0);
  spec.min_elevation_rad = 0.0;
  spec.max_elevation_rad = DegToRad(20.0);
  const Eigen::Vector3d p0(15e3, 15e3, 2000), v(-100, -100, 0);
  // The track's move in the missed scan; the Kalman step from the same
  // prediction, and the fraction of it the formula above expects.
  auto run = [&](AssociationKind association, double clutter, Eigen::Vector3d* kalman_step, double* expected_fraction) {
    Bench b;
    b.radars = {RadarModel::FromSpec(spec, b.frame)};
    TrackerConfig config;
    config.motion_model = MotionModelKind::kCv;
    config.association = association;
    config.clutter_false_alarms_per_scan = clutter;
    Tracker tracker(config, &b.radars, &b.env);
    for (int k = 0; k < 10; ++k) tracker.ProcessScan(0, k, std::vector<Detection>{b.Measure(p0 + k * v, k)});
    EXPECT_EQ(tracker.tracks().size(), 1u);
    const Estimate predicted = tracker.estimator().Predict(tracker.tracks()[0].estimate, 10.0);
    const SphericalMeasurementModel sensor(&b.radars[0]);
    const MeasVector z_hat = sensor.Predict(predicted.state.x);
    const Innovation at_prediction = tracker.estimator().Innovate(sensor, predicted, z_hat);
    Detection stray;
    stray.t_s = 10.0;
    stray.radar = 0;
    stray.z = Spherical(z_hat[0], z_hat[1] + 3.0 * std::sqrt(at_prediction.S(1, 1)), z_hat[2], 0.0);
    stray.sigma = Spherical(spec.sigma_range_m, spec.sigma_azimuth_rad, spec.sigma_elevation_rad, 0.0);
    const Innovation in = tracker.estimator().Innovate(sensor, predicted, sensor.FromDetection(stray.z));
    const double volume = std::pow(spec.max_range_m, 3) / 3.0 * spec.azimuth_width_rad *
                          (std::sin(spec.max_elevation_rad) - std::sin(spec.min_elevation_rad));
    const double lambda = std::max(clutter, kMinFalseAlarmsPerScan) * stray.z[0] * stray.z[0] * std::cos(stray.z[2]) / volume;
    const double pd = config.jpda_detection_probability, miss = 1.0 - pd * config.gate_probability;
    const double likelihood = pd * std::exp(-0.5 * (in.nis + in.log_det_S) - 1.5 * std::log(2.0 * kPi)) / lambda;
    *expected_fraction = likelihood / (miss + likelihood);
    Estimate kalman;
    EXPECT_TRUE(tracker.estimator().Update(sensor, predicted, sensor.FromDetection(stray.z), in, kalman));
    *kalman_step = kalman.state.Position() - predicted.state.Position();
    tracker.ProcessScan(0, 10.0, std::vector<Detection>{stray});
    return Eigen::Vector3d(tracker.tracks()[0].estimate.state.Position() - predicted.state.Position());
  };
  Eigen::Vector3d step_gnn, step_unset, step_dense;
  double unused = 0.0, fraction_unset = 0.0, fraction_dense = 0.0;
  const Eigen::Vector3d gnn = run(AssociationKind::kGnn, 0.0, &step_gnn, &unused);
  const Eigen::Vector3d jpda_unset = run(AssociationKind::kJpda, 0.0, &step_unset, &fraction_unset);
  const Eigen::Vector3d jpda_dense = run(AssociationKind::kJpda, 1e6, &step_dense, &fraction_dense);
  ASSERT_GT(gnn.norm(), 10.0);  // GNN takes the false alarm: a whole Kalman step
  EXPECT_LT((gnn - step_gnn).norm(), 1e-6 * gnn.norm());
  EXPECT_GT(fraction_unset, 0.999);
  EXPECT_LT((jpda_unset - gnn).norm(), 1e-3 * gnn.norm());
  EXPECT_TRUE(fraction_dense > 0.1 && fraction_dense < 0.9) << fraction_dense;
  EXPECT_LT((jpda_dense - fraction_dense * step_dense).norm(), 1e-6 * step_dense.norm())
      << jpda_dense.transpose() << " against " << (fraction_dense * step_dense).transpose();
}

// Thousands of detections at one spot, scan after scan (#22: 3.7 GB of
// association clusters in `cupola track`): each detection is gated against
// its nearest tracks only, clusters too large are associated by GNN or
// greedily, and all of it is counted; one target alone reaches no bound.
TEST(Tracker, ThousandsOfDetectionsAtOneSpotStayBounded) {
  for (const AssociationKind association : {AssociationKind::kGnn, AssociationKind::kJpda}) {
    SCOPED_TRACE(ToString(association));
    Bench b;
    TrackerConfig config;
    config.motion_model = MotionModelKind::kCv;  // JPDA runs with one motion model
    config.association = association;
    Tracker tracker(config, &b.radars, &b.env);
    constexpr int kDetections = 1000;
    for (int scan = 0; scan < 3; ++scan) {
      std::vector<Detection> dets;
      for (int k = 0; k < kDetections; ++k) {
        Detection d = b.Measure(Eigen::Vector3d(14e3 + 15.0 * scan, 14e3, 3000), scan);
        d.z[0] += 20.0 * b.rng.Normal();  // a 100 m blob: every pair two-point plausible, all gated together
        dets.push_back(d);
      }
      tracker.ProcessScan(0, scan, dets);
      EXPECT_LE(tracker.last_pairs_tested(), kDetections * kMaxTracksTestedPerDetection);
    }
    const TrackerLimitCounts& limits = tracker.limit_counts();
    EXPECT_GT(limits.gating_limited, 0u);
    EXPECT_GT(limits.greedy_clusters, 0u);
    if (association == AssociationKind::kJpda) {
      EXPECT_GT(limits.jpda_clusters_as_gnn, 0u);
    }
    EXPECT_FALSE(tracker.tracks().empty());
    EXPECT_NE(limits.ToString().find("clusters associated greedily"), std::string::npos) << limits.ToString();
  }
  Bench b;
  Tracker alone(TrackerConfig{}, &b.radars, &b.env);
  for (int k = 0; k < 10; ++k) alone.ProcessScan(0, k, std::vector<Detection>{b.Measure({20e3 - 200.0 * k, 15e3, 3000}, k)});
  EXPECT_FALSE(alone.limit_counts().Any());
}

TEST(Tracker, AScanBeyondTheLimitIsCutAndCounted) {
  Bench b;
  Tracker tracker(TrackerConfig{}, &b.radars, &b.env);
  std::vector<Detection> dets;
  for (std::size_t k = 0; k < kMaxDetectionsPerScan + 50; ++k)
    dets.push_back(b.Measure({5e3 + 5.0 * static_cast<double>(k), 20e3, 2000}, 0.0));
  tracker.ProcessScan(0, 0.0, dets);
  EXPECT_EQ(tracker.limit_counts().detections_dropped, 50u);
  EXPECT_EQ(tracker.limit_counts().ToString(), "50 detections dropped (scan too large)");
}

}  // namespace
}  // namespace cupola

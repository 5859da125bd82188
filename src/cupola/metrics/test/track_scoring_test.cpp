#include "cupola/metrics/track_scoring.h"

#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "cupola/core/error.h"

namespace cupola {
namespace {

using Objects = std::vector<ScoredObject>;

// Two targets flying east at 100 m/s, 1 km apart in north; scans every second.
ScoredObject TruthA(double t_s) { return {1, {100.0 * t_s, 0, 1000}, {100, 0, 0}}; }
ScoredObject TruthB(double t_s) { return {2, {100.0 * t_s, 1000, 1000}, {100, 0, 0}}; }

// A track with id `id` sitting exactly on `truth`.
ScoredObject On(int id, const ScoredObject& truth) { return {id, truth.p_W, truth.v_W}; }

TEST(TrackScoring, PerfectTracker) {
  TrackScorer scorer;
  for (int k = 0; k < 10; ++k) {
    const double t = k;
    const Objects truths = {TruthA(t), TruthB(t)};
    scorer.AddScan(t, truths, Objects{On(10, truths[0]), On(11, truths[1])});
  }
  const TrackScore s = scorer.Result();
  EXPECT_EQ(s.scans, 10);
  EXPECT_EQ(s.truth_scans, 20);
  EXPECT_EQ(s.paired, 20);
  EXPECT_EQ(s.position_rmse_m, 0.0);
  EXPECT_EQ(s.velocity_rmse_mps, 0.0);
  EXPECT_EQ(s.coverage, 1.0);
  EXPECT_EQ(s.track_breaks, 0);
  EXPECT_EQ(s.identity_switches, 0);
  EXPECT_EQ(s.false_track_scans, 0);
  EXPECT_EQ(s.mean_gospa_m, 0.0);
}

TEST(TrackScoring, SwapOfTwoTracksIsTwoSwitchesAndTwoBreaks) {
  // Tracks 10 and 11 trade targets at scan 5: each truth changes track once.
  TrackScorer scorer;
  for (int k = 0; k < 10; ++k) {
    const double t = k;
    const Objects truths = {TruthA(t), TruthB(t)};
    const bool swapped = k >= 5;
    scorer.AddScan(t, truths, Objects{On(swapped ? 11 : 10, truths[0]), On(swapped ? 10 : 11, truths[1])});
  }
  const TrackScore s = scorer.Result();
  EXPECT_EQ(s.identity_switches, 2);
  EXPECT_EQ(s.track_breaks, 2);
  EXPECT_EQ(s.coverage, 1.0);
  EXPECT_EQ(s.position_rmse_m, 0.0);
}

TEST(TrackScoring, DroppedAndReinitiatedTrackIsOneBreak) {
  // Track 10 on A for scans 0-3, nothing in scans 4-5, new track 12 from scan 6.
  TrackScorer scorer;
  for (int k = 0; k < 10; ++k) {
    const double t = k;
    const Objects truths = {TruthA(t)};
    Objects tracks;
    if (k <= 3) tracks.push_back(On(10, truths[0]));
    if (k >= 6) tracks.push_back(On(12, truths[0]));
    scorer.AddScan(t, truths, tracks);
  }
  const TrackScore s = scorer.Result();
  EXPECT_EQ(s.track_breaks, 1);       // at scan 4, when track 10 stops covering A
  EXPECT_EQ(s.identity_switches, 1);  // 10 -> 12 across the gap (CLEAR MOT rule)
  EXPECT_EQ(s.paired, 8);
  EXPECT_DOUBLE_EQ(s.coverage, 0.8);
  EXPECT_EQ(s.false_track_scans, 0);
}

TEST(TrackScoring, TrackThreeMetresOffInX) {
  TrackScorer scorer;
  for (int k = 0; k < 10; ++k) {
    const double t = k;
    const Objects truths = {TruthA(t), TruthB(t)};
    Objects tracks = {On(10, truths[0]), On(11, truths[1])};
    for (auto& track : tracks) {
      track.p_W.x() += 3.0;
      track.v_W.y() += 4.0;
    }
    scorer.AddScan(t, truths, tracks);
  }
  const TrackScore s = scorer.Result();
  EXPECT_DOUBLE_EQ(s.position_rmse_m, 3.0);
  EXPECT_DOUBLE_EQ(s.velocity_rmse_mps, 4.0);
  EXPECT_DOUBLE_EQ(s.mean_gospa_m, std::sqrt(9.0 + 9.0));  // GOSPA p = 2 sums the two targets
  EXPECT_EQ(s.track_breaks, 0);
}

TEST(TrackScoring, FalseTracksAndGate) {
  // Gate 500 m: track 20 sits 600 m from A, so it is false and A is uncovered.
  TrackScorer scorer(TrackScoringOptions{500.0});
  const Objects truths = {TruthA(0)};
  ScoredObject stray = On(20, truths[0]);
  stray.p_W.z() += 600.0;
  scorer.AddScan(0.0, truths, Objects{stray});
  const TrackScore s = scorer.Result();
  EXPECT_EQ(s.paired, 0);
  EXPECT_EQ(s.false_track_scans, 1);
  EXPECT_EQ(s.coverage, 0.0);
  EXPECT_EQ(s.position_rmse_m, 0.0);                           // no pairs: reported as 0
  EXPECT_DOUBLE_EQ(s.mean_gospa_m, std::sqrt(500.0 * 500.0));  // one missed + one false, c^2/2 each
}

TEST(TrackScoring, TrackStaysOnItsTarget) {
  // Truths at x = 0 and x = -90, tracks at x = 0 and x = 90, gate 100 m.
  // Pairing both (A-90, B-0) costs 2 * 90^2 = 16200; keeping A-0 and leaving
  // B and track 90 unpaired costs 100^2 / 2 * 2 = 10000, so A keeps its track.
  TrackScorer scorer(TrackScoringOptions{100.0});
  const Objects truths = {{1, {0, 0, 0}, {0, 0, 0}}, {2, {-90, 0, 0}, {0, 0, 0}}};
  const Objects tracks = {{10, {0, 0, 0}, {0, 0, 0}}, {11, {90, 0, 0}, {0, 0, 0}}};
  scorer.AddScan(0.0, truths, tracks);
  const TrackScore s = scorer.Result();
  EXPECT_EQ(s.paired, 1);
  EXPECT_EQ(s.position_rmse_m, 0.0);
  EXPECT_EQ(s.false_track_scans, 1);
  EXPECT_DOUBLE_EQ(s.coverage, 0.5);
}

TEST(TrackScoring, TruthThatEndsIsNotABreak) {
  // A is tracked for scans 0-4 and gone from scan 5; its track coasts on for
  // two more scans as a false track.
  TrackScorer scorer;
  for (int k = 0; k < 7; ++k) {
    const double t = k;
    Objects truths;
    if (k <= 4) truths.push_back(TruthA(t));
    scorer.AddScan(t, truths, Objects{On(10, TruthA(t))});
  }
  const TrackScore s = scorer.Result();
  EXPECT_EQ(s.track_breaks, 0);
  EXPECT_EQ(s.false_track_scans, 2);
  EXPECT_EQ(s.coverage, 1.0);
}

TEST(TrackScoring, OptionsAndInputChecks) {
  EXPECT_TRUE(TrackScoringOptions{}.Validate().empty());
  EXPECT_NE(TrackScoringOptions{0.0}.Validate().find("gate_m"), std::string::npos);
  EXPECT_THROW(TrackScorer(TrackScoringOptions{-1.0}), InternalError);
  TrackScorer scorer;
  scorer.AddScan(5.0, Objects{}, Objects{});
  EXPECT_THROW(scorer.AddScan(4.0, Objects{}, Objects{}), InternalError);  // time went back
  const Objects twice = {TruthA(6), TruthA(6)};
  EXPECT_THROW(scorer.AddScan(6.0, twice, Objects{}), InternalError);
  EXPECT_NE(scorer.Result().BriefReport().find("coverage"), std::string::npos);
}

}  // namespace
}  // namespace cupola

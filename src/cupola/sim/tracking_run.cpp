#include "cupola/sim/tracking_run.h"

#include <algorithm>
#include <tuple>

#include "cupola/core/random.h"

namespace cupola {

TrackingResult RunSensingAndTracking(const World& world, std::uint64_t replication_seed,
                                     const std::vector<TruthTrajectory>& truth) {
  TrackingResult result;
  const auto& radars = world.radars();
  const double duration = world.spec().duration_s;

  // The merged scan schedule: (time, radar, scan number), in time order.
  std::vector<std::tuple<double, int, int>> schedule;
  for (std::size_t r = 0; r < radars.size(); ++r)
    for (int k = 0; k * radars[r].spec.revisit_s < duration; ++k)
      schedule.emplace_back(k * radars[r].spec.revisit_s, static_cast<int>(r), k);
  std::sort(schedule.begin(), schedule.end());

  std::vector<Rng> streams;
  for (const auto& radar : radars) streams.emplace_back(StreamSeed(replication_seed, "radar/" + radar.name));
  const TruthSet targets(&truth);
  Tracker tracker(world.spec().tracker, &radars, &world.environment());
  TrackScorer scorer(TrackScoringOptions{});
  std::vector<int> alive;
  std::vector<ScoredObject> truths, tracks;

  for (const auto& [t, r, k] : schedule) {
    ScanOutput out;
    ScanOnce(radars[r], r, world.frame(), t, targets, streams[r], out);
    tracker.ProcessScan(r, t, out.detections);
    for (const int id : out.truth_ids) (id < 0 ? result.false_alarms : result.detections) += 1;
    result.scans.push_back({r, k, t, std::move(out.detections), std::move(out.truth_ids)});

    // Score the confirmed picture against every threat in flight.
    targets.AliveAt(t, alive);
    truths.clear();
    for (const int id : alive) {
      const TargetState s = targets.StateAt(id, t);
      truths.push_back({id, s.p_W, s.v_W});
    }
    tracks.clear();
    for (const Track& track : tracker.tracks()) {
      if (track.status != TrackStatus::kConfirmed) continue;
      const double dt = t - track.estimate.state.t_s;  // tracks not looked at this scan are a little older
      tracks.push_back({track.id, track.estimate.state.Position() + dt * track.estimate.state.Velocity(), track.estimate.state.Velocity()});
    }
    scorer.AddScan(t, truths, tracks);
  }
  result.reports = tracker.reports();
  result.events = tracker.events();
  result.score = scorer.Result();
  for (const auto& e : result.events) result.tracks_confirmed += e.kind == TrackEvent::Kind::kConfirmed;
  return result;
}

}  // namespace cupola

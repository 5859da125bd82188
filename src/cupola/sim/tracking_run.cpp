#include "cupola/sim/tracking_run.h"

#include <algorithm>
#include <map>
#include <memory>
#include <tuple>

#include "cupola/core/random.h"
#include "cupola/sim/clock.h"
#include "cupola/sim/effector_stage.h"
#include "cupola/sim/truth_labels.h"

namespace cupola {

namespace {

// The common picture, then one per distinct feed of the batteries that
// receive over links (batteries no radar reaches get none: they never fire).
std::vector<std::unique_ptr<Picture>> MakePictures(const World& world) {
  const Network& network = world.network();
  const std::size_t radars = world.radars().size(), batteries = world.batteries().size();
  std::vector<std::unique_ptr<Picture>> pictures;
  PictureRole common;
  common.index = 0;
  common.commands.assign(batteries, network.ideal() ? 1 : 0);
  common.decides = network.ideal() || batteries == 0;
  common.alerts = true;
  pictures.push_back(std::make_unique<Picture>(world, common));
  if (network.ideal()) return pictures;
  std::map<std::vector<std::vector<int>>, std::vector<char>> by_feed;  // ordered: deterministic
  std::vector<std::vector<std::vector<int>>> feed_order;
  for (std::size_t b = 0; b < batteries; ++b) {
    std::vector<std::vector<int>> feed;
    bool reached = false;
    for (std::size_t r = 0; r < radars; ++r) {
      feed.push_back(network.Path(static_cast<int>(r), static_cast<int>(b)));
      reached = reached || !feed.back().empty();
    }
    if (!reached) continue;
    auto [it, added] = by_feed.try_emplace(feed, std::vector<char>(batteries, 0));
    if (added) feed_order.push_back(feed);
    it->second[b] = 1;
  }
  for (const auto& feed : feed_order) {  // in the order of their first battery
    PictureRole role;
    role.index = static_cast<int>(pictures.size());
    role.commands = by_feed.at(feed);
    role.decides = true;
    pictures.push_back(std::make_unique<Picture>(world, role));
  }
  return pictures;
}


}  // namespace

void RunThreatsAlone(const World& world, ThreatStage& threats) {
  Clock clock;
  threats.ScheduleOn(clock, world.spec().duration_s);
  while (!clock.empty()) threats.Handle(clock.Pop());
  threats.Finish();
}

TrackingResult RunSensingAndTracking(const World& world, std::uint64_t replication_seed, ThreatStage& threats,
                                     const ScanProgress& on_scan) {
  // Where each threat would come down untouched (scoring only: decisions and
  // alerts are judged against it, whether or not an interceptor got there first).
  const NaturalEnds natural = NaturalEnds::Of(world, threats);
  const std::vector<TruthTrajectory>& truth = threats.truth();
  TrackingResult result;
  const auto& sensors = world.sensors();
  const double duration = world.spec().duration_s;
  const Network& network = world.network();

  // Each threat's launch and impact, and each sensor's first scan, are on
  // the clock; each scan schedules the next.
  Clock clock;
  threats.ScheduleOn(clock, duration);
  std::size_t total_scans = 0;
  std::vector<double> next_scan_t(sensors.size(), Network::kNever);
  for (std::size_t r = 0; r < sensors.size(); ++r) {
    for (int k = 0; sensors[r]->ScanTime(k) < duration; ++k) ++total_scans;
    if (sensors[r]->ScanTime(0) < duration) {
      next_scan_t[r] = sensors[r]->ScanTime(0);
      clock.Schedule({next_scan_t[r], Stage::kSensorScan, r, 0});
    }
  }

  std::vector<std::uint64_t> radar_seeds;  // each scan draws from its own sub-stream (by scan number)
  for (const auto& sensor : sensors) radar_seeds.push_back(StreamSeed(replication_seed, "radar/" + sensor->name()));
  std::vector<std::uint64_t> link_seeds;
  for (const auto& link : network.links()) {
    link_seeds.push_back(StreamSeed(replication_seed, "link/" + link.name));
    LinkCounts counts;
    counts.name = link.name;
    result.links.push_back(counts);
  }
  const TargetSource& targets = threats;  // what the sensors see: the threats in the air now

  std::vector<std::unique_ptr<Picture>> pictures = MakePictures(world);
  const std::uint64_t assessment_seed = StreamSeed(replication_seed, "kill_assessment");
  for (auto& picture : pictures)
    picture->SeedKillAssessment(SubstreamSeed(assessment_seed, static_cast<std::uint64_t>(picture->role().index)));
  std::vector<const Tracker*> trackers;
  for (const auto& p : pictures) trackers.push_back(&p->tracker());
  Picture& common = *pictures.front();
  // One effector stage per kind of weapon the batteries carry, in kind order.
  std::map<EffectorKind, std::unique_ptr<EffectorStage>> effectors;
  for (const BatteryModel& b : world.batteries())
    if (!effectors.count(b.weapon->Kind()))
      effectors.emplace(b.weapon->Kind(), MakeEffectorStage(b.weapon->Kind(), world, &threats, replication_seed));
  auto Fire = [&](const std::vector<PictureFireOrder>& orders, int picture) {
    for (const PictureFireOrder& o : orders) {
      const int target = effectors.at(world.batteries()[o.order.battery].weapon->Kind())->Fire(o, picture);
      result.fire_orders.push_back({o.order, target, picture});
    }
  };
  auto AdvanceEffectors = [&](double t_s) {
    for (auto& [kind, stage] : effectors) stage->AdvanceTo(t_s, trackers);
  };
  std::vector<long long> received(pictures.size(), 0);
  auto Receive = [&](int picture, const ScanRecord& scan, double t_now_s) {
    bool accepted = false;
    const auto orders = pictures[picture]->Receive(scan.radar, scan.t_s, scan.detections, t_now_s, &accepted);
    received[picture] += accepted;
    Fire(orders, picture);
  };

  // Scoring observer: the common picture against the threats in flight.
  TrackScorer scorer(TrackScoringOptions{});
  std::vector<int> alive;
  std::vector<ScoredObject> truths, tracks;
  auto ScorePicture = [&](double t) {
    targets.AliveAt(t, alive);
    truths.clear();
    for (const int id : alive) {
      const TargetState s = targets.StateAt(id, t);
      truths.push_back({id, s.p_W, s.v_W});
    }
    tracks.clear();
    for (const Track& track : common.tracker().tracks()) {
      if (track.status != TrackStatus::kConfirmed) continue;
      const double dt = t - track.estimate.state.t_s;  // tracks not looked at this scan are a little older
      tracks.push_back({track.id, track.estimate.state.Position() + dt * track.estimate.state.Velocity(), track.estimate.state.Velocity()});
    }
    scorer.AddScan(t, truths, tracks);
  };

  // The clock. Before anything happens every effector stage flies its shots up to its time,
  // so a kill ends a threat before a radar looks again.
  constexpr int kScanIndexBits = 40;
  while (!clock.empty()) {
    const Due due = clock.Pop();
    AdvanceEffectors(due.t_s);
    if (due.stage == Stage::kThreatLaunch || due.stage == Stage::kThreatEnd) {
      threats.Handle(due);
      continue;
    }
    if (due.stage == Stage::kDelivery) {
      const auto picture = static_cast<int>(due.key >> kScanIndexBits);
      Receive(picture, result.scans[static_cast<std::size_t>(due.payload)], due.t_s);
      continue;
    }
    const auto r = static_cast<int>(due.key);
    const auto k = static_cast<int>(due.payload);
    const double t = due.t_s;
    if (on_scan) on_scan(result.scans.size(), total_scans);
    next_scan_t[r] = sensors[r]->ScanTime(k + 1) < duration ? sensors[r]->ScanTime(k + 1) : Network::kNever;
    if (next_scan_t[r] < Network::kNever) clock.Schedule({next_scan_t[r], Stage::kSensorScan, due.key, k + 1});
    ScanOutput out;
    sensors[r]->Scan(k, targets, SubstreamSeed(radar_seeds[r], static_cast<std::uint64_t>(k)), out);
    for (const int id : out.truth_ids) (id < 0 ? result.false_alarms : result.detections) += 1;
    result.scans.push_back({r, k, t, std::move(out.detections), std::move(out.truth_ids)});
    const std::size_t scan = result.scans.size() - 1;
    Receive(0, result.scans.back(), t);
    // Radars that look at the same instant make one picture, scored once.
    if (*std::min_element(next_scan_t.begin(), next_scan_t.end()) != t) ScorePicture(t);
    if (pictures.size() == 1) continue;
    // Its report sets off towards the batteries' pictures.
    const std::vector<double> arrival =
        network.Deliver(r, k, t, ScanReportBits(result.scans.back().detections.size()), link_seeds, result.links);
    for (std::size_t p = 1; p < pictures.size(); ++p) {
      const auto& commands = pictures[p]->role().commands;
      const auto first = std::find(commands.begin(), commands.end(), 1) - commands.begin();
      if (arrival[first] <= duration)
        clock.Schedule({arrival[first], Stage::kDelivery, (std::uint64_t{p} << kScanIndexBits) | scan,
                        static_cast<std::int64_t>(scan)});
    }
  }
  if (on_scan) on_scan(total_scans, total_scans);
  AdvanceEffectors(duration);
  threats.Finish();
  for (const auto& [kind, stage] : effectors) stage->AddRecordsTo(result);

  // Each picture's records, the common picture's first.
  for (std::size_t p = 0; p < pictures.size(); ++p) {
    Picture& picture = *pictures[p];
    picture.Finish(duration);
    PictureRecords& records = picture.records();
    auto Append = [](auto& to, auto& from) { to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end())); };
    Append(result.assessments, records.assessments);
    Append(result.assessment_track_p_W, records.assessment_track_p_W);
    Append(result.decisions, records.decisions);
    Append(result.alerts, records.alerts);
    const auto& notes = picture.battle_manager().notes();
    result.engagement_notes.insert(result.engagement_notes.end(), notes.begin(), notes.end());
    std::vector<TrackReport> reports = picture.tracker().TakeReports();
    Append(result.reports, reports);
    const auto& events = picture.tracker().events();
    result.events.insert(result.events.end(), events.begin(), events.end());
    PictureSummary summary;
    for (std::size_t b = 0; b < picture.role().commands.size(); ++b)
      if (picture.role().commands[b]) summary.batteries.push_back(world.batteries()[b].name);
    summary.reports_received = received[p];
    summary.late_reports = records.late_reports;
    result.pictures.push_back(summary);
    const TrackerLimitCounts& limits = picture.tracker().limit_counts();
    result.tracker_limits.detections_dropped += limits.detections_dropped;
    result.tracker_limits.gating_limited += limits.gating_limited;
    result.tracker_limits.initiation_limited += limits.initiation_limited;
    result.tracker_limits.jpda_clusters_as_gnn += limits.jpda_clusters_as_gnn;
    result.tracker_limits.greedy_clusters += limits.greedy_clusters;
    result.tracker_limits.mht_clusters_capped += limits.mht_clusters_capped;
  }
  if (pictures.size() > 1) {  // one history in time order, as one tracker gives it
    std::stable_sort(result.reports.begin(), result.reports.end(),
                     [](const TrackReport& a, const TrackReport& b) { return a.t_s < b.t_s; });
    std::stable_sort(result.events.begin(), result.events.end(),
                     [](const TrackEvent& a, const TrackEvent& b) { return a.t_s < b.t_s; });
  }
  LabelWithTruth(world, truth, natural, result);
  result.zone_scores = ScoreAlertZones(world.alert_zones(), result.alerts, truth, natural.impacted, natural.impact_EN);
  result.score = scorer.Result();
  for (const auto& e : common.tracker().events()) result.tracks_confirmed += e.kind == TrackEvent::Kind::kConfirmed;
  return result;
}

}  // namespace cupola

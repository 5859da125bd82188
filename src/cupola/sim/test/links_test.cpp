// Links in a whole run: the bundled border-town scenario (one radar, one
// battery, one link) with the link changed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "cupola/scenario/loader.h"
#include "cupola/sim/replication.h"

namespace cupola {
namespace {

ScenarioSpec BorderTown() {
  ScenarioSpec spec = LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml");
  EXPECT_EQ(spec.links.size(), 1u);
  spec.links[0].latency_s = 0.0;
  return spec;
}

ReplicationResult RunOnce(const ScenarioSpec& spec) {
  const World world(spec);
  ReplicationResult result = RunReplication(world, spec.seed, 0);
  EXPECT_TRUE(result.tracking);
  return result;
}

double FirstFire(const ReplicationResult& r) {
  double t = 1e300;
  for (const auto& f : r.tracking->fire_orders) t = std::min(t, f.order.t_s);
  return t;
}

double FirstEngage(const ReplicationResult& r) {
  double t = 1e300;
  for (const auto& d : r.tracking->decisions)
    if (d.engage) t = std::min(t, d.t_s);
  return t;
}

// A perfect link gives the battery the common picture's reports at once: the
// same fight, only its tracks are numbered in the battery's own range.
TEST(Links, APerfectLinkChangesNothingButTheTrackNumbers) {
  ScenarioSpec linked = BorderTown();
  ScenarioSpec unlinked = linked;
  unlinked.links.clear();
  const ReplicationResult a = RunOnce(linked), b = RunOnce(unlinked);
  ASSERT_FALSE(b.tracking->fire_orders.empty());
  ASSERT_EQ(a.tracking->fire_orders.size(), b.tracking->fire_orders.size());
  for (std::size_t k = 0; k < a.tracking->fire_orders.size(); ++k) {
    const FireRecord &fa = a.tracking->fire_orders[k], &fb = b.tracking->fire_orders[k];
    EXPECT_EQ(fa.order.t_s, fb.order.t_s);
    EXPECT_EQ(fa.order.launcher, fb.order.launcher);
    EXPECT_EQ(fa.truth_id, fb.truth_id);
    EXPECT_EQ(fa.picture, 1);
    EXPECT_GE(fa.order.track_id, Picture::kTrackIdsPerPicture);
  }
  for (std::size_t i = 0; i < a.threats.size(); ++i) EXPECT_EQ(a.threats[i].killed, b.threats[i].killed) << i;
  EXPECT_EQ(a.tracking->links[0].sent, static_cast<long long>(a.tracking->scans.size()));
  EXPECT_EQ(a.tracking->links[0].delivered, a.tracking->links[0].sent);
}

// The battery's picture is the same picture, later: its decisions come at
// least the latency after the same decisions without it, and so its fire.
TEST(Links, LatencyDelaysTheFirstFireOrderByAtLeastTheLatency) {
  ScenarioSpec slow = BorderTown();
  const ReplicationResult fast = RunOnce(slow);
  slow.links[0].latency_s = 4.0;
  const ReplicationResult late = RunOnce(slow);
  ASSERT_FALSE(late.tracking->fire_orders.empty());
  EXPECT_GE(FirstFire(late), FirstFire(fast) + 4.0);
  EXPECT_GE(FirstFire(late), FirstEngage(fast) + 4.0);
  // First decisions are taken on the same measurements: the same times and
  // verdicts. (Revisions may differ: a decision is final once fired, and the
  // late battery fires later.)
  const auto first_decisions = [](const ReplicationResult& r) {
    std::vector<DecisionRecord> out;
    for (const DecisionRecord& d : r.tracking->decisions)
      if (!d.revises) out.push_back(d);
    return out;
  };
  const std::vector<DecisionRecord> a = first_decisions(late), b = first_decisions(fast);
  ASSERT_EQ(a.size(), b.size());
  for (std::size_t k = 0; k < a.size(); ++k) {
    EXPECT_EQ(a[k].t_s, b[k].t_s);
    EXPECT_EQ(a[k].engage, b[k].engage);
  }
}

TEST(Links, ABatteryWhoseOnlyLinkLosesEverythingNeverFires) {
  ScenarioSpec dead = BorderTown();
  dead.links[0].loss_probability = 1.0;
  const ReplicationResult r = RunOnce(dead);
  EXPECT_TRUE(r.tracking->fire_orders.empty());
  EXPECT_TRUE(r.tracking->decisions.empty());
  EXPECT_EQ(r.tracking->links[0].lost, r.tracking->links[0].sent);
  EXPECT_GT(r.tracking->links[0].sent, 0);
  EXPECT_FALSE(r.tracking->alerts.empty());  // civil defence has the common picture
  for (const auto& t : r.threats) EXPECT_FALSE(t.killed);
}

TEST(Links, ABatteryNoLinkReachesNeverFires) {
  ScenarioSpec spec = BorderTown();
  std::swap(spec.links[0].from, spec.links[0].to);  // battery -> radar: nothing reaches the battery
  const ReplicationResult r = RunOnce(spec);
  EXPECT_TRUE(r.tracking->fire_orders.empty());
  EXPECT_EQ(r.tracking->pictures.size(), 1u);  // the common picture alone
}

TEST(Links, NothingIsFiredOnReportsThatAnOutageStopped) {
  ScenarioSpec spec = BorderTown();
  const ReplicationResult open = RunOnce(spec);
  ASSERT_GE(open.tracking->fire_orders.size(), 4u);
  // An outage from the first fire order for 60 s.
  const double start = FirstFire(open), end = start + 60.0;
  spec.links[0].outages = {{start, end}};
  const ReplicationResult cut = RunOnce(spec);
  for (const auto& f : cut.tracking->fire_orders) EXPECT_FALSE(f.order.t_s > start && f.order.t_s < end) << f.order.t_s;
  EXPECT_EQ(cut.tracking->links[0].lost_in_outage, 60);  // one report a second
  EXPECT_LT(cut.tracking->fire_orders.size(), open.tracking->fire_orders.size());
  // The outage is in the log: down at its start, up at its end.
  std::vector<std::pair<double, EventType>> link_events;
  for (const Event& e : cut.events)
    if (e.type == EventType::kLinkDown || e.type == EventType::kLinkUp) link_events.emplace_back(e.t_s, e.type);
  EXPECT_EQ(link_events, (std::vector<std::pair<double, EventType>>{{start, EventType::kLinkDown}, {end, EventType::kLinkUp}}));
}

TEST(Links, ReportsOvertakenOnAJitteryLinkAreDiscardedAndCounted) {
  ScenarioSpec spec = BorderTown();
  spec.links[0].jitter_s = 3.0;  // three revisits
  const ReplicationResult r = RunOnce(spec);
  ASSERT_EQ(r.tracking->pictures.size(), 2u);
  const PictureSummary& battery = r.tracking->pictures[1];
  EXPECT_GT(battery.late_reports, 0);
  // Every delivered report is processed or discarded, but for the last few
  // (sent in the final 3 s, due after duration_s).
  EXPECT_LE(battery.reports_received + battery.late_reports, r.tracking->links[0].delivered);
  EXPECT_GE(battery.reports_received + battery.late_reports, r.tracking->links[0].delivered - 3);
  EXPECT_EQ(r.tracking->pictures[0].late_reports, 0);
}

// Same seed, same run: link draws are keyed by (link, radar, scan).
TEST(Links, SameSeedSameDeliveries) {
  ScenarioSpec spec = BorderTown();
  spec.links[0].jitter_s = 0.5;
  spec.links[0].loss_probability = 0.3;
  const ReplicationResult a = RunOnce(spec), b = RunOnce(spec);
  EXPECT_EQ(a.tracking->links[0].lost, b.tracking->links[0].lost);
  ASSERT_EQ(a.tracking->fire_orders.size(), b.tracking->fire_orders.size());
  for (std::size_t k = 0; k < a.tracking->fire_orders.size(); ++k)
    EXPECT_EQ(a.tracking->fire_orders[k].order.t_s, b.tracking->fire_orders[k].order.t_s);
}

}  // namespace
}  // namespace cupola

namespace cupola {
namespace {

// A lost uplink: the interceptor keeps the last estimate that reached it.
TEST(Links, UplinkRefreshesAreLostWithTheBatterysProbability) {
  ScenarioSpec spec = BorderTown();
  for (const double p : {0.0, 0.5, 1.0}) {
    spec.batteries[0].uplink_loss_probability = p;
    const ReplicationResult r = RunOnce(spec);
    ASSERT_FALSE(r.tracking->interceptors.empty());
    long long sent = 0, lost = 0;
    for (const auto& i : r.tracking->interceptors) {
      sent += i.uplink_refreshes, lost += i.uplink_lost;
      if (p == 1.0) {
        EXPECT_EQ(i.uplink_lost, i.uplink_refreshes);
      }
    }
    ASSERT_GT(sent, 200);  // 10 interceptors, 0.1 s each, flights of seconds
    if (p == 0.0) {
      EXPECT_EQ(lost, 0);
    }
    if (p == 0.5) {  // binomial: within 5 sd of half
      const auto n = static_cast<double>(sent);
      EXPECT_NEAR(static_cast<double>(lost), 0.5 * n, 5 * std::sqrt(0.25 * n));
    }
  }
}

// A link narrower than the radar's reports: each report waits behind the
// ones before, the battery's picture falls ever further behind, and it
// fires later than over a link as fast as needed.
TEST(Links, ALinkNarrowerThanTheReportsQueuesThemAndDelaysTheBattery) {
  ScenarioSpec wide = BorderTown();
  const ReplicationResult fast = RunOnce(wide);
  const LinkCounts& c = fast.tracking->links[0];
  ASSERT_GT(c.sent, 100);
  EXPECT_EQ(c.queued_s_max, 0.0);  // no bandwidth: no queue
  const double revisit_s = wide.radars[0].revisit_s;
  const double mean_kbit_per_s = c.bits_sent / static_cast<double>(c.sent) / revisit_s / 1000.0;
  ScenarioSpec narrow = wide;
  narrow.links[0].bandwidth_kbps = 0.8 * mean_kbit_per_s;  // 25 % more to send than it carries
  const ReplicationResult slow = RunOnce(narrow);
  const LinkCounts& q = slow.tracking->links[0];
  EXPECT_EQ(q.sent, c.sent);  // the same reports, each delivered late
  EXPECT_GT(q.queued_s_max, 10.0);
  EXPECT_GT(FirstFire(slow), FirstFire(fast) + 1.0);
}

// An uplink slower than every fly-out delivers no refresh before the end:
// the interceptors fly exactly as when every refresh is lost.
TEST(Links, AnUplinkSlowerThanTheFlyOutIsAnUplinkThatLosesEverything) {
  ScenarioSpec slow = BorderTown();
  slow.batteries[0].uplink_latency_s = 60.0;
  ScenarioSpec dead = BorderTown();
  dead.batteries[0].uplink_loss_probability = 1.0;
  ScenarioSpec prompt = BorderTown();
  const ReplicationResult a = RunOnce(slow), b = RunOnce(dead), c = RunOnce(prompt);
  const auto& ia = a.tracking->interceptors;
  const auto& ib = b.tracking->interceptors;
  ASSERT_FALSE(ia.empty());
  ASSERT_EQ(ia.size(), ib.size());
  for (std::size_t k = 0; k < ia.size(); ++k) {
    EXPECT_EQ(ia[k].outcome.t_s, ib[k].outcome.t_s) << k;
    EXPECT_EQ(ia[k].outcome.p_W, ib[k].outcome.p_W) << k;
  }
  // ... and differently from a prompt uplink (the comparison is not vacuous).
  const auto& ic = c.tracking->interceptors;
  bool differ = ic.size() != ia.size();
  for (std::size_t k = 0; !differ && k < ic.size(); ++k) differ = ic[k].outcome.p_W != ia[k].outcome.p_W;
  EXPECT_TRUE(differ);
}

}  // namespace
}  // namespace cupola

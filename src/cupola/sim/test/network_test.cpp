#include "cupola/sim/network.h"

#include <gtest/gtest.h>

#include <cmath>

#include "cupola/core/random.h"

namespace cupola {
namespace {

// Two radars, three batteries: r0 -> b0 (1 s) -> b1 (2 s); r0 -> b1 (5 s);
// r1 -> r0 (radars do not relay); b2 unreached.
ScenarioSpec Spec(std::vector<LinkSpec> links) {
  ScenarioSpec spec;
  spec.duration_s = 600;
  for (const char* name : {"r0", "r1"}) spec.radars.push_back({}), spec.radars.back().name = name;
  for (const char* name : {"b0", "b1", "b2"}) spec.batteries.push_back({}), spec.batteries.back().name = name;
  spec.links = std::move(links);
  return spec;
}

LinkSpec Link(const char* from, const char* to, double latency_s) {
  LinkSpec l;
  l.from = from, l.to = to, l.name = std::string(from) + "->" + to, l.latency_s = latency_s;
  return l;
}

std::vector<std::uint64_t> Seeds(const Network& n) {
  std::vector<std::uint64_t> seeds;
  for (const auto& l : n.links()) seeds.push_back(StreamSeed(7, "link/" + l.name));
  return seeds;
}

TEST(Network, WithoutLinksEveryRadarReachesEveryBatteryAtOnce) {
  const Network network(Spec({}));
  EXPECT_TRUE(network.ideal());
  std::vector<LinkCounts> counts;
  const auto arrival = network.Deliver(1, 3, 12.5, 1000.0, {}, counts);
  ASSERT_EQ(arrival.size(), 3u);
  for (const double t : arrival) EXPECT_EQ(t, 12.5);
}

TEST(Network, TheQuickestPathRelaysThroughBatteriesNotRadars) {
  const Network network(Spec({Link("r0", "b0", 1), Link("b0", "b1", 2), Link("r0", "b1", 5), Link("r1", "r0", 0.5)}));
  EXPECT_FALSE(network.ideal());
  EXPECT_EQ(network.Path(0, 0), (std::vector<int>{0}));
  EXPECT_EQ(network.Path(0, 1), (std::vector<int>{0, 1}));  // 3 s through b0 beats 5 s direct
  EXPECT_TRUE(network.Path(0, 2).empty());
  EXPECT_FALSE(network.Reaches(1, 0));  // r1's only link ends at a radar, which does not relay
  std::vector<LinkCounts> counts(4);
  const auto arrival = network.Deliver(0, 0, 10.0, 1000.0, Seeds(network), counts);
  EXPECT_DOUBLE_EQ(arrival[0], 11.0);
  EXPECT_DOUBLE_EQ(arrival[1], 13.0);
  EXPECT_EQ(arrival[2], Network::kNever);
  EXPECT_EQ(counts[0].sent, 1);
  EXPECT_EQ(counts[1].delivered, 1);
  EXPECT_EQ(counts[2].sent, 0);  // not on any quickest path
}

TEST(Network, JitterStaysWithinItsBoundAndLossMatchesItsProbability) {
  LinkSpec link = Link("r0", "b0", 0.5);
  link.jitter_s = 2.0;
  link.loss_probability = 0.25;
  const Network network(Spec({link}));
  std::vector<LinkCounts> counts(1);
  double min_delay = 1e9, max_delay = 0;
  const int n = 20000;
  for (int k = 0; k < n; ++k) {
    const double t = network.Deliver(0, k, 1.0 * k, 1000.0, Seeds(network), counts)[0];
    if (t == Network::kNever) continue;
    min_delay = std::min(min_delay, t - k), max_delay = std::max(max_delay, t - k);
  }
  EXPECT_GE(min_delay, 0.5);
  EXPECT_LT(min_delay, 0.52);
  EXPECT_LE(max_delay, 2.5);
  EXPECT_GT(max_delay, 2.48);
  EXPECT_EQ(counts[0].sent, n);
  EXPECT_EQ(counts[0].delivered + counts[0].lost, n);
  // Binomial(20000, 0.25): sd 61; 5 sd either side.
  EXPECT_NEAR(static_cast<double>(counts[0].lost), 0.25 * n, 5 * std::sqrt(n * 0.25 * 0.75));
}

TEST(Network, AnOutageLosesWhatIsSentDuringItAndNothingElse) {
  LinkSpec link = Link("r0", "b0", 0.1);
  link.outages = {{20.0, 60.0}};
  const Network network(Spec({link}));
  std::vector<LinkCounts> counts(1);
  for (int k = 0; k < 100; ++k) {
    const double t = network.Deliver(0, k, 1.0 * k, 1000.0, Seeds(network), counts)[0];
    EXPECT_EQ(t == Network::kNever, k >= 20 && k < 60) << k;
  }
  EXPECT_EQ(counts[0].lost_in_outage, 40);
  EXPECT_EQ(counts[0].delivered, 60);
}

TEST(Network, OneMessageCrossesEachLinkOnceWithTheSameFateForEveryBatteryBehindIt) {
  LinkSpec first = Link("r0", "b0", 1);
  first.loss_probability = 0.5;
  const Network network(Spec({first, Link("b0", "b1", 1), Link("b0", "b2", 1)}));
  std::vector<LinkCounts> counts(3);
  for (int k = 0; k < 200; ++k) {
    const auto arrival = network.Deliver(0, k, k, 1000.0, Seeds(network), counts);
    EXPECT_EQ(arrival[0] == Network::kNever, arrival[1] == Network::kNever);
    EXPECT_EQ(arrival[1] == Network::kNever, arrival[2] == Network::kNever);
  }
  EXPECT_EQ(counts[0].sent, 200);
  EXPECT_EQ(counts[1].sent, counts[0].delivered);
}

// A report of 100 detections is 8 (16 + 32 x 100) = 25,728 bits: 2.5728 s at
// 10 kbit/s. Sent once a second, each waits for the ones before: report k
// leaves the sender at (k + 1) x 2.5728 s and arrives latency later.
TEST(Network, ABandwidthQueuesReportsFirstInFirstOut) {
  LinkSpec link = Link("r0", "b0", 0.5);
  link.bandwidth_kbps = 10.0;
  const Network network(Spec({link}));
  std::vector<LinkCounts> counts(1);
  const double bits = ScanReportBits(100), send_s = bits / 10000.0;
  ASSERT_DOUBLE_EQ(bits, 25728.0);
  for (int k = 0; k < 20; ++k) {
    const double t = network.Deliver(0, k, 1.0 * k, bits, Seeds(network), counts)[0];
    EXPECT_NEAR(t, (k + 1) * send_s + 0.5, 1e-9) << k;
  }
  EXPECT_NEAR(counts[0].queued_s_max, 19 * send_s - 19.0, 1e-9);  // the last waited longest
  EXPECT_DOUBLE_EQ(counts[0].bits_sent, 20 * bits);
  // A link fast enough for its reports adds only their sending time.
  LinkSpec fast = link;
  fast.bandwidth_kbps = 1000.0;
  const Network quick(Spec({fast}));
  std::vector<LinkCounts> quick_counts(1);
  for (int k = 0; k < 20; ++k)
    EXPECT_NEAR(quick.Deliver(0, k, 1.0 * k, bits, Seeds(quick), quick_counts)[0], k + 0.025728 + 0.5, 1e-9);
  EXPECT_EQ(quick_counts[0].queued_s_max, 0.0);
}

}  // namespace
}  // namespace cupola

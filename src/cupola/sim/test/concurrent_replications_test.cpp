// Many replications on one World at once: the World is shared and constant,
// each replication's state its own, so four running side by side give what
// each gives alone, bit for bit.
#include <gtest/gtest.h>

#include <thread>

#include "cupola/scenario/loader.h"
#include "cupola/sim/replication.h"

namespace cupola {
namespace {

void ExpectSame(const ReplicationResult& a, const ReplicationResult& b) {
  ASSERT_EQ(a.seed, b.seed);
  ASSERT_EQ(a.events.size(), b.events.size());
  for (std::size_t k = 0; k < a.events.size(); ++k) {
    EXPECT_EQ(a.events[k].t_s, b.events[k].t_s);
    EXPECT_EQ(a.events[k].type, b.events[k].type);
    EXPECT_EQ(a.events[k].p_W, b.events[k].p_W);
    EXPECT_EQ(a.events[k].detail, b.events[k].detail);
  }
  ASSERT_TRUE(a.tracking && b.tracking);
  ASSERT_EQ(a.tracking->reports.size(), b.tracking->reports.size());
  for (std::size_t k = 0; k < a.tracking->reports.size(); ++k)
    EXPECT_EQ(a.tracking->reports[k].p_W, b.tracking->reports[k].p_W);
}

TEST(ConcurrentReplications, FourOnOneWorldEachEqualItsSoloRun) {
  ScenarioSpec spec = LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml");
  spec.links[0].jitter_s = 0.5;  // links, pictures and their draws too
  spec.links[0].loss_probability = 0.1;
  const World world(spec);
  ReplicationOptions options;
  options.record_trajectories = false;
  std::vector<ReplicationResult> solo;
  for (std::uint64_t i = 0; i < 4; ++i) solo.push_back(RunReplication(world, spec.seed, i, options));
  std::vector<ReplicationResult> together(4);
  std::vector<std::thread> threads;
  for (std::uint64_t i = 0; i < 4; ++i)
    threads.emplace_back([&, i] { together[i] = RunReplication(world, spec.seed, i, options); });
  for (auto& t : threads) t.join();
  for (std::size_t i = 0; i < 4; ++i) ExpectSame(solo[i], together[i]);
  // Different seeds are different runs (the comparison above is not vacuous).
  bool differ = false;
  for (std::size_t i = 1; i < 4; ++i)
    differ = differ || solo[i].tracking->fire_orders.size() != solo[0].tracking->fire_orders.size() ||
             solo[i].events.size() != solo[0].events.size();
  EXPECT_TRUE(differ);
}

}  // namespace
}  // namespace cupola

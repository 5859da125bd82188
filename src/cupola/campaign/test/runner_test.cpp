#include "cupola/campaign/runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <string>

#include "cupola/campaign/campaign_metrics.h"
#include "cupola/scenario/loader.h"

namespace cupola {
namespace {

std::vector<ReplicationRecord> RunAll(const World& world, int runs, int threads) {
  std::vector<ReplicationJob> jobs;
  for (int i = 0; i < runs; ++i) jobs.push_back({0, static_cast<std::uint64_t>(i)});
  std::vector<ReplicationRecord> by_index(runs);
  RunReplications({&world}, 11, jobs, threads, [&](std::vector<ReplicationRecord>& batch) {
    for (auto& r : batch) by_index[r.metrics.index] = std::move(r);
  });
  return by_index;
}

// The same bits of every metric, whatever the thread count.
bool SameBits(double a, double b) { return std::memcmp(&a, &b, sizeof a) == 0; }

TEST(Runner, SameRecordsOnOneAndTwoThreads) {
  const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml"));
  const auto one = RunAll(world, 6, 1), two = RunAll(world, 6, 2);
  for (int i = 0; i < 6; ++i) {
    SCOPED_TRACE(i);
    EXPECT_EQ(one[i].metrics.index, static_cast<std::uint64_t>(i));
    EXPECT_EQ(one[i].metrics.seed, two[i].metrics.seed);
    for (const MetricDefinition& m : CampaignMetrics())
      EXPECT_TRUE(SameBits(m.value(one[i].metrics), m.value(two[i].metrics))) << m.name;
    ASSERT_EQ(one[i].threats.size(), two[i].threats.size());
    for (std::size_t k = 0; k < one[i].threats.size(); ++k) EXPECT_EQ(one[i].threats[k].fate, two[i].threats[k].fate);
  }
  // Different replications differ (their seeds do, and so, here, what leaks).
  EXPECT_NE(one[0].metrics.seed, one[1].metrics.seed);
}

TEST(Runner, RecordsAreConsistent) {
  const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml"));
  for (const ReplicationRecord& r : RunAll(world, 3, 2)) {
    const ReplicationMetrics& m = r.metrics;
    EXPECT_EQ(m.launched, static_cast<int>(r.threats.size()));
    EXPECT_GT(m.launched, 0);
    EXPECT_LE(m.intercepted + m.hits_defended, m.launched);
    EXPECT_LE(m.intercepted, m.engaged);
    EXPECT_GE(m.interceptors_fired, m.intercepted);
    const auto count = [&](const char* fate) {
      return std::count_if(r.threats.begin(), r.threats.end(), [&](const ThreatRecord& t) { return t.fate == fate; });
    };
    EXPECT_EQ(count("intercepted"), m.intercepted);
    EXPECT_EQ(count("leaked_engaged") + count("leaked_ignored"), m.hits_defended);
    EXPECT_LE(m.decisions_right, m.decisions_scored);
  }
}

TEST(Runner, AWorkerFailureIsRethrown) {
  const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml"));
  // Arm 1 has no world: the job throws in its worker, and the caller sees it.
  EXPECT_THROW(RunReplications({&world}, 1, {{0, 0}, {1, 1}}, 2, [](std::vector<ReplicationRecord>&) {}),
               std::exception);
}

}  // namespace
}  // namespace cupola

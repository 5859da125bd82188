#include "cupola/campaign/paired.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

namespace cupola {
namespace {

const PairedDifference& Find(const std::vector<PairedDifference>& d, const char* name) {
  for (const auto& p : d)
    if (std::strcmp(p.metric->name, name) == 0) return p;
  throw std::runtime_error(name);
}

std::vector<ReplicationMetrics> Runs(const std::vector<int>& hits) {
  std::vector<ReplicationMetrics> runs(hits.size());
  for (std::size_t i = 0; i < hits.size(); ++i) {
    runs[i].index = i;
    runs[i].hits_defended = hits[i];
    runs[i].launched = 10;
    runs[i].cost_exchange_ratio = NAN;
  }
  return runs;
}

// B saves exactly one hit on every raid: the paired interval is that one
// number, while independent campaigns would see the raids' whole spread.
TEST(Paired, AConstantShiftIsFoundExactly) {
  const auto a = Runs({3, 7, 1, 9, 4, 6}), b = Runs({2, 6, 0, 8, 3, 5});
  const auto d = ComparePaired(a, b);
  const PairedDifference& hits = Find(d, "hits_defended");
  EXPECT_DOUBLE_EQ(hits.paired.mean, -1.0);
  EXPECT_DOUBLE_EQ(hits.paired.low, -1.0);
  EXPECT_DOUBLE_EQ(hits.paired.high, -1.0);
  EXPECT_EQ(hits.paired.n, 6u);
  EXPECT_GT(hits.independent_half_width, 2.0);  // s = 2.9 on each side: t(~10) sqrt(2 s^2 / 6) = 3.7
  EXPECT_DOUBLE_EQ(hits.narrowing, 1.0);
  // Nothing differs in what the defence does not touch.
  EXPECT_DOUBLE_EQ(Find(d, "launched").paired.mean, 0.0);
  EXPECT_TRUE(std::isnan(Find(d, "launched").narrowing));  // no spread to narrow
  // Undefined on both sides: no pairs.
  EXPECT_EQ(Find(d, "cost_exchange_ratio").paired.n, 0u);
}

TEST(Paired, WelchHalfWidthMatchesHandComputation) {
  // a: 1..5 (s^2 2.5), b: 2,4,6,8,10 (s^2 10): sqrt(0.5 + 2) = 1.5811;
  // Welch df = 2.5^2 / (0.25/4 + 4/4) = 5.882; t(0.975, 5.882) = 2.459, between the tables'
  // t(0.975, 5) = 2.571 and t(0.975, 6) = 2.447.
  const auto a = Runs({1, 2, 3, 4, 5}), b = Runs({2, 4, 6, 8, 10});
  const auto differences = ComparePaired(a, b);  // kept: `hits` refers into it
  const PairedDifference& hits = Find(differences, "hits_defended");
  EXPECT_NEAR(hits.independent_half_width, StudentTQuantile(0.975, 6.25 / 1.0625) * std::sqrt(2.5), 1e-12);
  EXPECT_NEAR(hits.independent_half_width, 2.459 * 1.5811, 3e-3);
  EXPECT_LT(hits.independent_half_width, 2.571 * 1.5811);
  EXPECT_GT(hits.independent_half_width, 2.447 * 1.5811);
}

}  // namespace
}  // namespace cupola

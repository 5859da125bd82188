#include "cupola/campaign/campaign_metrics.h"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

namespace cupola {
namespace {

// A share near 1 and a rare count: the t interval is cut at what a run can have.
TEST(CampaignMetrics, IntervalsStayWithinWhatARunCanHave) {
  std::vector<ReplicationMetrics> runs(6);
  for (std::size_t i = 0; i < runs.size(); ++i) {
    runs[i].index = i;
    runs[i].decisions_scored = 6;
    runs[i].decisions_right = i == 0 ? 3 : 6;
    runs[i].fell_short = i == 0 ? 1 : 0;
  }
  for (const MetricEstimate& e : EstimateMetrics(runs)) {
    SCOPED_TRACE(e.metric->name);
    if (std::isnan(e.estimate.low)) continue;
    EXPECT_GE(e.estimate.low, 0.0);
    if (std::string(e.metric->name) == "decisions_right") {
      EXPECT_EQ(e.estimate.high, 1.0);
    }
  }
}

}  // namespace
}  // namespace cupola

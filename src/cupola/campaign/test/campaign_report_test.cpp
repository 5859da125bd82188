#include "cupola/campaign/campaign_report.h"

#include "cupola/campaign/stock_timeline.h"

#include <gtest/gtest.h>

namespace cupola {
namespace {

CampaignReportArm Arm(const std::string& label, std::vector<std::string> point, int hits) {
  std::vector<ReplicationMetrics> runs(4);
  for (int i = 0; i < 4; ++i) runs[i].index = i, runs[i].hits_defended = hits + i % 2, runs[i].interceptors_fired = 3;
  return {label, std::move(point), runs, EstimateMetrics(runs), {}, 0.0};
}

std::size_t Count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (auto at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

TEST(CampaignReport, VersusHasBothDistributionsAndEscapesLabels) {
  const std::string html = CampaignReportHtml({"t<1>", "seed 1", {Arm("A", {}, 1), Arm("B & C", {}, 3)}, false});
  EXPECT_NE(html.find("<h1>Campaign: t&lt;1&gt;</h1>"), std::string::npos);
  EXPECT_NE(html.find("B &amp; C"), std::string::npos);
  EXPECT_EQ(html.find("B & C"), std::string::npos);
  EXPECT_EQ(Count(html, "<svg"), 2u);         // hits and interceptors fired
  EXPECT_EQ(Count(html, "<polygon"), 0u);     // no sweep band
  // Hits 1, 2 (A) and 3, 4 (B): four bars of 50 % each, and 3 interceptors twice.
  EXPECT_EQ(Count(html, "<rect"), 6u);
}

TEST(CampaignReport, SweepPlotsEachSeriesWithItsBand) {
  // threats=1,2 x batteries=1,2: the first key on x, one line and band per battery count.
  std::vector<CampaignReportArm> arms;
  for (const char* t : {"t=1", "t=2"})
    for (const char* b : {"b=1", "b=2"}) arms.push_back(Arm(std::string(t) + ", " + b, {t, b}, 2));
  const std::string html = CampaignReportHtml({"s", "seed 1", arms, true});
  EXPECT_EQ(Count(html, "<polygon"), 5u * 2);  // five metrics plotted, two series each
  EXPECT_EQ(Count(html, "<polyline"), 5u * 2);
  EXPECT_NE(html.find("hits_defended against t (mean and 95 % band)"), std::string::npos);
}

TEST(CampaignReport, StockOverTimeHasABandPerArmAndBattery) {
  CampaignReportArm a = Arm("A", {}, 1), b = Arm("B", {}, 2);
  for (auto* arm : {&a, &b}) {
    arm->batteries = {"north", "south"};
    arm->duration_s = 600;
    for (auto& run : arm->runs) run.stock.assign(2, std::vector<int>(kStockSamples, 20));
  }
  b.batteries = {"north"};  // B has one battery
  for (auto& run : b.runs) run.stock.resize(1);
  const std::string html = CampaignReportHtml({"s", "seed 1", {a, b}, false});
  EXPECT_EQ(Count(html, "interceptors in its launchers"), 2u);  // north and south
  EXPECT_EQ(Count(html, "<polygon"), 3u);                       // north: A and B; south: A
  EXPECT_NE(html.find("20.0 at the start, 20.0 at the end"), std::string::npos);
}

}  // namespace
}  // namespace cupola

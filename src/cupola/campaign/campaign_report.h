// cupola/campaign/campaign_report.h -- report.html of a campaign: one
// self-contained page (inline SVG, no script, no network) with the
// estimates, the distributions of hits and interceptors fired, each
// battery's interceptors in its launchers over time (mean and the middle
// 90 % of runs), and, for a sweep, each metric against the first swept key
// with its 95 % band.
#pragma once

#include <string>
#include <vector>

#include "cupola/campaign/campaign_metrics.h"

namespace cupola {

struct CampaignReportArm {
  std::string label;                      // "A", "B", or the sweep point ("threats.0.count=10, ...")
  std::vector<std::string> point;         // a sweep point's KEY=VALUE, in axis order (empty otherwise)
  std::vector<ReplicationMetrics> runs;   // by index
  std::vector<MetricEstimate> estimates;
  std::vector<std::string> batteries;     // names, in the order of each run's `stock`
  double duration_s = 0.0;                // the scenario's: the stock plots' time axis
};

struct CampaignReport {
  std::string title;     // "border_town_salvo"
  std::string subtitle;  // seed, replications, version
  std::vector<CampaignReportArm> arms;
  bool sweep = false;
};

/// The page's HTML.
std::string CampaignReportHtml(const CampaignReport& report);

}  // namespace cupola

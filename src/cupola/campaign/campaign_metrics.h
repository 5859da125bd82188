// cupola/campaign/campaign_metrics.h -- the metrics a campaign estimates,
// and their estimates over a set of replications.
//
// Each metric is a number per replication (replication_metrics.h). Counts,
// costs, times and per-run shares are estimated by their mean with a
// Student t interval; a yes/no per run (magazine_empty) by the share of runs
// with a Wilson interval. A run that does not define a value (NaN) is left
// out of that metric, so each metric carries its own n. Every metric is
// non-negative, so a t interval's low end is cut at 0.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "cupola/campaign/replication_metrics.h"
#include "cupola/campaign/statistics.h"

namespace cupola {

struct MetricDefinition {
  const char* name;        // summary.json key
  bool proportion;         // a yes/no per run: Wilson interval on the share of runs
  double (*value)(const ReplicationMetrics&);  // NaN: not defined in this run
  const char* meaning;     // one line for the table and docs
};

/// Every metric, in the order of the table and summary.json.
std::span<const MetricDefinition> CampaignMetrics();

struct MetricEstimate {
  const MetricDefinition* metric = nullptr;
  ConfidenceInterval estimate;
};

/// Each metric over `runs` (in replication order: the sums are taken in
/// that order, so the same runs give the same bits).
std::vector<MetricEstimate> EstimateMetrics(std::span<const ReplicationMetrics> runs);

/// {"<metric>": {"mean", "ci95": [low, high], "n", "interval"}}; undefined numbers are null.
nlohmann::ordered_json MetricsJson(const std::vector<MetricEstimate>& estimates);

/// A number for JSON: null when NaN.
nlohmann::ordered_json JsonNumber(double value);

}  // namespace cupola

#include "cupola/campaign/campaign_metrics.h"

#include <cmath>
#include <limits>

namespace cupola {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Captureless lambdas: a table of plain function pointers.
constexpr MetricDefinition kMetrics[] = {
    {"launched", false, [](const ReplicationMetrics& m) { return double(m.launched); }, "threats launched"},
    {"fell_short", false, [](const ReplicationMetrics& m) { return double(m.fell_short); },
     "threats that fell short of their aim: launch or motor failure, or aimed beyond reach"},
    {"launch_failures", false, [](const ReplicationMetrics& m) { return double(m.launch_failures); },
     "threats that never left the launcher"},
    {"duds", false, [](const ReplicationMetrics& m) { return double(m.duds); },
     "threats that came down without functioning (no damage)"},
    {"engaged", false, [](const ReplicationMetrics& m) { return double(m.engaged); },
     "threats the defence decided to engage or fired at"},
    {"intercepted", false, [](const ReplicationMetrics& m) { return double(m.intercepted); },
     "threats destroyed in the air"},
    {"hits_defended", false, [](const ReplicationMetrics& m) { return double(m.hits_defended); },
     "threats that came down in a defended area and functioned"},
    {"value_lost", false, [](const ReplicationMetrics& m) { return m.value_lost; },
     "sum of the hit areas' values, one per hit"},
    {"interceptors_fired", false, [](const ReplicationMetrics& m) { return double(m.interceptors_fired); },
     "interceptors launched"},
    {"achieved_pk", false,
     [](const ReplicationMetrics& m) {
       return m.interceptors_met > 0 ? double(m.interceptor_kills) / m.interceptors_met : kNaN;
     },
     "achieved single-shot Pk: kills over interceptors that met their threat, runs with one", 1.0},
    {"defence_cost_usd", false, [](const ReplicationMetrics& m) { return m.defence_cost_usd; },
     "interceptors fired x their cost"},
    {"cost_exchange_ratio", false, [](const ReplicationMetrics& m) { return m.cost_exchange_ratio; },
     "defence / attack spend, runs that fired"},
    {"warning_min_s", false, [](const ReplicationMetrics& m) { return m.warning_min_s; },
     "shortest true warning of an alert zone, runs with one"},
    {"decisions_right", false,
     [](const ReplicationMetrics& m) {
       return m.decisions_scored > 0 ? double(m.decisions_right) / m.decisions_scored : kNaN;
     },
     "share of engage/ignore decisions right against the truth", 1.0},
    {"magazine_empty", true, [](const ReplicationMetrics& m) { return m.magazine_empty ? 1.0 : 0.0; },
     "share of runs where a threat found every launcher empty"},
    {"magazine_empty_t_s", false, [](const ReplicationMetrics& m) { return m.magazine_empty_t_s; },
     "when the magazines first ran dry, runs where they did"},
};

}  // namespace

std::span<const MetricDefinition> CampaignMetrics() { return kMetrics; }

std::vector<MetricEstimate> EstimateMetrics(std::span<const ReplicationMetrics> runs) {
  std::vector<MetricEstimate> out;
  std::vector<double> values(runs.size());
  for (const MetricDefinition& metric : kMetrics) {
    for (std::size_t i = 0; i < runs.size(); ++i) values[i] = metric.value(runs[i]);
    MetricEstimate e{&metric, {}};
    if (metric.proportion) {
      std::size_t yes = 0, n = 0;
      for (double v : values)
        if (!std::isnan(v)) ++n, yes += v != 0.0;
      e.estimate = WilsonInterval(yes, n);
    } else {
      e.estimate = MeanInterval(values);
      // Every metric is >= 0, a share <= 1: a t interval reaching past
      // (a rare count, a share near 1) is cut there, removing only impossible values.
      if (e.estimate.low < 0.0) e.estimate.low = 0.0;
      if (metric.upper > 0.0 && e.estimate.high > metric.upper) e.estimate.high = metric.upper;
    }
    out.push_back(e);
  }
  return out;
}

nlohmann::ordered_json JsonNumber(double value) {
  return std::isnan(value) ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(value);
}

nlohmann::ordered_json MetricsJson(const std::vector<MetricEstimate>& estimates) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const MetricEstimate& e : estimates)
    out[e.metric->name] = {{"mean", JsonNumber(e.estimate.mean)},
                           {"ci95", {JsonNumber(e.estimate.low), JsonNumber(e.estimate.high)}},
                           {"n", e.estimate.n},
                           {"interval", e.metric->proportion ? "wilson" : "student_t"}};
  return out;
}

}  // namespace cupola

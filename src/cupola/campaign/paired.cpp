#include "cupola/campaign/paired.h"

#include <cmath>
#include <limits>

#include "cupola/core/error.h"

namespace cupola {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Half-width of the 95 % Welch interval for mean(b) - mean(a).
double WelchHalfWidth(const std::vector<double>& a, const std::vector<double>& b) {
  const ConfidenceInterval ea = MeanInterval(a), eb = MeanInterval(b);
  if (ea.n < 2 || eb.n < 2) return kNaN;
  const double qa = SampleVariance(a) / static_cast<double>(ea.n), qb = SampleVariance(b) / static_cast<double>(eb.n);
  if (qa + qb == 0.0) return 0.0;
  const double df =
      (qa + qb) * (qa + qb) / (qa * qa / static_cast<double>(ea.n - 1) + qb * qb / static_cast<double>(eb.n - 1));
  return StudentTQuantile(0.975, df) * std::sqrt(qa + qb);
}

}  // namespace

std::vector<PairedDifference> ComparePaired(std::span<const ReplicationMetrics> a,
                                            std::span<const ReplicationMetrics> b) {
  CUPOLA_CHECK(a.size() == b.size(), "ComparePaired needs the same replications on both sides");
  std::vector<PairedDifference> out;
  for (const MetricDefinition& metric : CampaignMetrics()) {
    std::vector<double> va, vb, d;
    for (std::size_t i = 0; i < a.size(); ++i) {
      CUPOLA_CHECK(a[i].index == b[i].index, "ComparePaired: replications out of step");
      const double x = metric.value(a[i]), y = metric.value(b[i]);
      va.push_back(x), vb.push_back(y);
      d.push_back(std::isnan(x) || std::isnan(y) ? kNaN : y - x);
    }
    PairedDifference p{&metric, MeanInterval(d), WelchHalfWidth(va, vb), kNaN};
    const double paired_half = p.paired.high - p.paired.mean;
    if (p.independent_half_width > 0.0 && !std::isnan(paired_half))
      p.narrowing = 1.0 - paired_half / p.independent_half_width;
    out.push_back(p);
  }
  return out;
}

nlohmann::ordered_json PairedJson(const std::vector<PairedDifference>& differences) {
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const PairedDifference& p : differences) {
    const double mean = p.paired.mean, w = p.independent_half_width;
    out[p.metric->name] = {{"mean_difference", JsonNumber(mean)},
                           {"ci95", {JsonNumber(p.paired.low), JsonNumber(p.paired.high)}},
                           {"n", p.paired.n},
                           {"independent_ci95", {JsonNumber(mean - w), JsonNumber(mean + w)}},
                           {"narrowing", JsonNumber(p.narrowing)}};
  }
  return out;
}

}  // namespace cupola

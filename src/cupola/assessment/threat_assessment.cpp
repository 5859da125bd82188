#include "cupola/assessment/threat_assessment.h"

#include <algorithm>
#include <cstdio>
#include <limits>

namespace cupola {

ThreatAssessment Assess(double t_s, int track_id, const ImpactPrediction& prediction,
                        const std::vector<AreaAtRisk>& areas) {
  ThreatAssessment a;
  a.t_s = t_s;
  a.track_id = track_id;
  a.prediction = prediction;
  double best = 1e-3;
  for (std::size_t k = 0; k < areas.size(); ++k) {
    const double p = ProbabilityInside(areas[k].polygon, prediction.mean_EN, prediction.cov_EN);
    a.p_area.push_back(p);
    a.p_any += p;
    a.value_at_risk += areas[k].value * p;
    if (p > best) best = p, a.most_likely_area = static_cast<int>(k);
  }
  return a;
}

EngagementDecision Decide(const ThreatAssessment& a, double engage_threshold) {
  char text[160];
  if (a.value_at_risk >= engage_threshold) {
    std::snprintf(text, sizeof(text), "value at risk %.3g >= threshold %.3g", a.value_at_risk, engage_threshold);
    return {true, text};
  }
  if (a.p_any < 0.5) {
    std::snprintf(text, sizeof(text), "open ground (P(defended area) = %.3f)", a.p_any);
    return {false, text};
  }
  std::snprintf(text, sizeof(text), "below threshold (value at risk %.3g < %.3g)", a.value_at_risk, engage_threshold);
  return {false, text};
}

double ValueAtRisk(const ThreatAssessment& a, const std::vector<AreaAtRisk>& areas, const EngagementRule& rule) {
  if (rule.defends.empty()) return a.value_at_risk;
  double value = 0.0;
  for (const int k : rule.defends) value += areas[k].value * a.p_area[k];
  return value;
}

EngagementDecision Decide(const ThreatAssessment& a, const std::vector<AreaAtRisk>& areas,
                          const std::vector<EngagementRule>& rules) {
  for (const auto& rule : rules) {
    const double value = ValueAtRisk(a, areas, rule);
    if (value >= rule.threshold) {
      char text[200];
      std::snprintf(text, sizeof(text), "battery %s: value at risk %.3g >= threshold %.3g", rule.battery.c_str(), value,
                    rule.threshold);
      return {true, text};
    }
  }
  // No battery engages: say why, as the single-threshold rule would.
  if (a.p_any < 0.5) return Decide(a, std::numeric_limits<double>::infinity());
  char text[200];
  std::snprintf(text, sizeof(text), "below every battery's threshold (value at risk %.3g)", a.value_at_risk);
  return {false, text};
}

}  // namespace cupola

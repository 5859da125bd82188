#include "cupola/assessment/threat_assessment.h"

#include <algorithm>
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
  EngagementDecision d;
  d.engage = a.value_at_risk >= engage_threshold;
  d.reason.code = d.engage ? Reason::kValueAtRisk : a.p_any < 0.5 ? Reason::kOpenGround : Reason::kBelowThreshold;
  d.reason.value_at_risk = a.value_at_risk;
  d.reason.threshold = engage_threshold;
  d.reason.p_defended_area = a.p_any;
  return d;
}

double ValueAtRisk(const ThreatAssessment& a, const std::vector<AreaAtRisk>& areas, const EngagementRule& rule) {
  if (rule.defends.empty()) return a.value_at_risk;
  double value = 0.0;
  for (const int k : rule.defends) value += areas[k].value * a.p_area[k];
  return value;
}

EngagementDecision Decide(const ThreatAssessment& a, const std::vector<AreaAtRisk>& areas,
                          const std::vector<EngagementRule>& rules) {
  // The first battery whose rule engages; failing that, the one nearest to
  // engaging, so that the ignore says which threshold was missed and by how much.
  const EngagementRule* nearest = nullptr;
  double nearest_value = 0.0, nearest_ratio = -1.0;
  for (const auto& rule : rules) {
    const double value = ValueAtRisk(a, areas, rule);
    if (value >= rule.threshold) {
      EngagementDecision d = Decide(a, rule.threshold);
      d.engage = true;
      d.reason.code = Reason::kValueAtRisk;
      d.reason.value_at_risk = value;
      d.reason.battery = rule.battery;
      return d;
    }
    const double ratio = value / rule.threshold;  // threshold > value >= 0 here
    if (ratio > nearest_ratio) nearest = &rule, nearest_value = value, nearest_ratio = ratio;
  }
  EngagementDecision d = Decide(a, std::numeric_limits<double>::infinity());
  d.reason.threshold = std::numeric_limits<double>::quiet_NaN();
  if (nearest != nullptr) {
    d.reason.value_at_risk = nearest_value;
    d.reason.threshold = nearest->threshold;
    d.reason.battery = nearest->battery;
  }
  return d;
}

}  // namespace cupola

// cupola/assessment/threat_assessment.h -- what a predicted impact puts at
// risk, and whether to engage.
//
// For a predicted impact N(m, C) and defended areas A_k of value V_k:
//   P_k = P(impact in A_k)   (area_probability.h, exact for any polygon)
//   value at risk = sum_k V_k P_k
// Decision: engage when the value at risk reaches the engagement threshold
// (per battery: over the areas that battery defends), else ignore, with the
// reason: "open ground" when P(any area) < 0.5, "below threshold" otherwise.
// When to decide (a settled prediction) is the caller's choice.
#pragma once

#include <string>
#include <vector>

#include "cupola/assessment/area_probability.h"
#include "cupola/assessment/impact_prediction.h"

namespace cupola {

struct AreaAtRisk {
  std::string name;
  double value = 0.0;
  Polygon polygon;  // in W
};

struct ThreatAssessment {
  double t_s = 0.0;
  int track_id = -1;
  ImpactPrediction prediction;
  std::vector<double> p_area;   // per area
  double p_any = 0.0;           // sum of p_area (areas do not overlap)
  double value_at_risk = 0.0;
  int most_likely_area = -1;    // -1: none above 1e-3
};

ThreatAssessment Assess(double t_s, int track_id, const ImpactPrediction& prediction,
                        const std::vector<AreaAtRisk>& areas);

struct EngagementDecision {
  bool engage = false;
  std::string reason;  // "value at risk 2.3e4 >= 1", "open ground (P = 0.02)", ...
};

EngagementDecision Decide(const ThreatAssessment& assessment, double engage_threshold);

/// A battery's engagement rule: it engages when the value at risk in the
/// areas it defends (all areas if `defends` is empty) reaches its threshold.
struct EngagementRule {
  std::string battery;
  double threshold = 1.0;
  std::vector<int> defends;  // area indices
};

/// Value at risk in the areas a rule's battery defends.
double ValueAtRisk(const ThreatAssessment& assessment, const std::vector<AreaAtRisk>& areas, const EngagementRule& rule);

/// Engage if any battery's rule says so (the reason names the battery);
/// otherwise ignore, as Decide() explains.
EngagementDecision Decide(const ThreatAssessment& assessment, const std::vector<AreaAtRisk>& areas,
                          const std::vector<EngagementRule>& rules);

}  // namespace cupola

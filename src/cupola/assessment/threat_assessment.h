// cupola/assessment/threat_assessment.h -- what a predicted impact puts at
// risk, and whether to engage.
//
// For a predicted impact N(m, C) and defended areas A_k of value V_k:
//   P_k = P(impact in A_k)   (area_probability.h, exact for any polygon)
//   value at risk = sum_k V_k P_k
// Decision: engage when the value at risk reaches the engagement threshold
// (per battery: over the areas that battery defends), else ignore, with the
// reason (core/reason.h): value_at_risk to engage; to ignore, open_ground
// when P(any area) < 0.5, below_threshold otherwise; and the numbers compared.
// When to decide (a settled prediction) is the caller's choice.
#pragma once

#include <limits>
#include <string>
#include <vector>

#include "cupola/assessment/area_probability.h"
#include "cupola/assessment/impact_prediction.h"
#include "cupola/core/reason.h"

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

/// Why a decision went as it did: a code and the numbers it compared.
struct DecisionReason {
  Reason code = Reason::kNone;    // kValueAtRisk, kOpenGround or kBelowThreshold
  double value_at_risk = 0.0;     // compared with `threshold` [value units]: over the battery's areas
  double threshold = std::numeric_limits<double>::quiet_NaN();  // reached or missed (NaN: none applies)
  double p_defended_area = 0.0;   // P(impact in any defended area); open ground below 0.5
  std::string battery;            // whose rule was compared ("" for a single threshold)
};

struct EngagementDecision {
  bool engage = false;
  DecisionReason reason;
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

/// Engage if any battery's rule says so (the reason names the first such
/// battery, its value at risk and threshold); otherwise ignore, as Decide()
/// explains, with the numbers of the battery nearest to engaging (highest
/// value / threshold; the first of equals).
EngagementDecision Decide(const ThreatAssessment& assessment, const std::vector<AreaAtRisk>& areas,
                          const std::vector<EngagementRule>& rules);

}  // namespace cupola

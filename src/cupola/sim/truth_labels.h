// cupola/sim/truth_labels.h -- the scoring observer: which threat each
// record's track followed, and what became of that threat.
//
// The pictures decide on tracks alone (picture.h). Scoring needs the truth
// behind them: after the run, each prediction, decision and alert is
// labelled with the threat nearest its track at its time (truth.h
// NearestThreat), and judged against where that threat would have come
// down untouched, whether or not an interceptor got there first.
#pragma once

#include <vector>

#include "cupola/sim/threat_stage.h"
#include "cupola/sim/tracking_run.h"
#include "cupola/sim/truth.h"
#include "cupola/sim/world.h"

namespace cupola {

/// Where each threat would come down untouched, by threat id.
struct NaturalEnds {
  std::vector<int> area;  // defended area, -1: open ground or not at all
  std::vector<Eigen::Vector2d> impact_EN;
  std::vector<bool> impacted;
  std::vector<double> end_t_s;

  /// Of the flights computed ahead, before any interceptor acts.
  static NaturalEnds Of(const World& world, const ThreatStage& threats);
};

/// Fills the truth fields of the result's assessments, decisions and alerts.
void LabelWithTruth(const World& world, const std::vector<TruthTrajectory>& truth, const NaturalEnds& natural,
                    TrackingResult& result);

}  // namespace cupola

#include "cupola/sim/truth_labels.h"

#include <algorithm>
#include <functional>

namespace cupola {

NaturalEnds NaturalEnds::Of(const World& world, const ThreatStage& threats) {
  const std::vector<TruthTrajectory>& truth = threats.truth();
  NaturalEnds n;
  n.area.assign(truth.size(), -1);
  n.impact_EN.assign(truth.size(), Eigen::Vector2d::Zero());
  n.impacted.assign(truth.size(), false);
  n.end_t_s.assign(truth.size(), 0.0);
  for (const auto& t : truth) {
    n.impacted[t.id] = threats.impacts_ahead(t.id);
    n.impact_EN[t.id] = t.points.back().p_W.head<2>();
    n.end_t_s[t.id] = t.end_t();
    if (n.impacted[t.id]) n.area[t.id] = world.AreaAt(n.impact_EN[t.id]);
  }
  return n;
}

void LabelWithTruth(const World& world, const std::vector<TruthTrajectory>& truth, const NaturalEnds& natural,
                    TrackingResult& result) {
  // Every record to label, visited in time order so that the threats' positions
  // are computed once per instant.
  struct Item {
    double t_s;
    const Eigen::Vector3d* p_W;
    std::function<void(int)> label;
  };
  std::vector<Item> items;
  result.assessment_truth_ids.assign(result.assessments.size(), -1);
  for (std::size_t k = 0; k < result.assessments.size(); ++k)
    items.push_back({result.assessments[k].t_s, &result.assessment_track_p_W[k],
                     [&result, k](int id) { result.assessment_truth_ids[k] = id; }});
  for (DecisionRecord& d : result.decisions)
    items.push_back({d.t_s, &d.p_track_W, [&d, &natural](int id) {
                       d.truth_id = id;
                       d.should_engage = id >= 0 && natural.area[id] >= 0;
                     }});
  for (AlertRecord& a : result.alerts)
    items.push_back({a.t_s, &a.p_track_W, [&a, &natural, &world](int id) {
                       a.truth_id = id;
                       if (id < 0) {
                         a.actual_impact_t_s = a.predicted_impact_t_s;
                         return;
                       }
                       a.actual_impact_t_s = natural.end_t_s[id];
                       a.threat_hits_zone =
                           natural.impacted[id] && world.alert_zones()[a.zone].polygon.Contains(natural.impact_EN[id]);
                     }});
  std::stable_sort(items.begin(), items.end(), [](const Item& a, const Item& b) { return a.t_s < b.t_s; });
  NearestThreat nearest(&truth);
  for (const Item& item : items) item.label(nearest.At(item.t_s, *item.p_W));
}

}  // namespace cupola

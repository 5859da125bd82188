#include "cupola/campaign/replication_metrics.h"

#include <algorithm>
#include <cmath>
#include <limits>

#include "cupola/campaign/stock_timeline.h"
#include "cupola/sim/summary.h"

namespace cupola {

namespace {
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
}

ReplicationRecord MeasureReplication(const World& world, const ReplicationResult& result, std::uint64_t index,
                                     int arm) {
  const RunSummary summary = Summarize(world, result);
  const std::vector<ThreatFateOf> fates = ClassifyThreats(world, result);
  ReplicationRecord record;
  ReplicationMetrics& m = record.metrics;
  m.arm = arm;
  m.index = index;
  m.seed = result.seed;
  m.launched = summary.threats;
  m.fell_short = summary.fell_short;
  m.launch_failures = summary.launch_failures;
  m.duds = summary.duds;
  m.intercepted = summary.intercepted;
  m.hits_defended = summary.hits;
  m.cost_exchange_ratio = kNaN;
  m.warning_min_s = kNaN;
  m.magazine_empty_t_s = kNaN;
  for (const ThreatOutcome& o : result.threats) {
    const ThreatFateOf& f = fates[o.id];
    m.engaged += f.engaged;
    if (o.Hit()) m.value_lost += world.areas()[o.impact_area].value;
    const SalvoModel& salvo = world.salvos()[o.salvo];
    record.threats.push_back({o.id, salvo.spec->name, salvo.type->name, ToString(f.fate), f.engaged,
                              o.impacted && o.impact_area >= 0 ? world.areas()[o.impact_area].name : "", o.end_t_s});
  }
  if (summary.defence) {
    m.interceptors_fired = summary.defence->interceptors_fired;
    m.interceptors_met = summary.defence->interceptors_met;
    m.interceptor_kills = summary.defence->interceptor_kills;
    m.defence_cost_usd = summary.defence->defence_cost_usd;
    // A ratio of nothing is not 0 (issue #22): a run that fired nothing has none.
    if (m.interceptors_fired > 0 && summary.defence->attack_cost_usd > 0.0)
      m.cost_exchange_ratio = summary.defence->cost_exchange_ratio;
  }
  if (result.tracking) {
    const TrackingResult& t = *result.tracking;
    for (const ZoneAlertScore& z : t.zone_scores)
      if (z.true_alerts > 0)
        m.warning_min_s = std::isnan(m.warning_min_s) ? z.min_warning_s : std::min(m.warning_min_s, z.min_warning_s);
    // Each track's decision that stood (revisions replace earlier ones).
    for (const DecisionRecord* d : FinalDecisions(t.decisions)) {
      if (d->truth_id < 0) continue;
      ++m.decisions_scored;
      m.decisions_right += d->engage == d->should_engage;
    }
    // Notes are in time order; the first empty magazine is when the defence ran dry.
    for (const EngagementNote& n : t.engagement_notes)
      if (n.reason == Reason::kMagazineEmpty) {
        m.magazine_empty = true;
        m.magazine_empty_t_s = std::isnan(m.magazine_empty_t_s) ? n.t_s : std::min(m.magazine_empty_t_s, n.t_s);
      }
  }
  m.stock = StockTimeline(world, result);
  return record;
}

}  // namespace cupola

#include "cupola/sim/summary.h"

#include <algorithm>
#include <set>

namespace cupola {

namespace {

// Per effector kind, when more than the missile is there to compare.
void SummarizeLayers(const World& world, const TrackingResult& t, DefenceOutcome& d) {
  const auto kind_of = [&](int battery) { return world.batteries()[battery].weapon->Kind(); };
  bool guns = false;
  for (std::size_t b = 0; b < world.batteries().size(); ++b) guns = guns || kind_of(static_cast<int>(b)) == EffectorKind::kGun;
  if (!guns) return;
  for (const auto& [kind, name] : {std::pair{EffectorKind::kMissile, "missile"}, std::pair{EffectorKind::kGun, "gun"}}) {
    LayerOutcome layer{name};
    std::set<int> tracks;
    for (const auto& f : t.fire_orders) {
      if (kind_of(f.order.battery) != kind) continue;
      ++layer.shots, layer.cost_usd += f.order.cost_usd;
      tracks.insert(f.order.track_id);
    }
    for (const auto& i : t.interceptors) layer.kills += i.killed && kind_of(i.order.battery) == kind;
    layer.engagements = static_cast<int>(tracks.size());
    if (d.attack_cost_usd > 0.0) layer.cost_exchange_ratio = layer.cost_usd / d.attack_cost_usd;
    d.layers.push_back(layer);
  }
}

DefenceOutcome SummarizeDefence(const World& world, const ReplicationResult& result) {
  const TrackingResult& t = *result.tracking;
  DefenceOutcome d;
  const std::vector<ThreatFateOf> fates = ClassifyThreats(world, result);
  for (const auto& o : result.threats) {
    const ThreatType& type = *world.salvos()[o.salvo].type;
    d.attack_cost_usd += type.cost_usd;
    auto it = std::find_if(d.by_type.begin(), d.by_type.end(), [&](const TypeOutcome& x) { return x.type == type.name; });
    if (it == d.by_type.end()) it = d.by_type.insert(d.by_type.end(), TypeOutcome{type.name});
    ++it->launched;
    const ThreatFateOf& f = fates[o.id];
    it->engaged += f.engaged;
    it->intercepted += f.fate == ThreatFate::kIntercepted;
    it->leaked += f.fate == ThreatFate::kLeakedEngaged || f.fate == ThreatFate::kLeakedIgnored;
    switch (f.fate) {
      case ThreatFate::kIntercepted: ++d.fates.intercepted; break;
      case ThreatFate::kLeakedEngaged: ++d.fates.leaked_engaged; break;
      case ThreatFate::kLeakedIgnored: ++d.fates.leaked_ignored; break;
      case ThreatFate::kIgnoredOpenGround: ++d.fates.ignored_open_ground; break;
      case ThreatFate::kEngagedOpenGround: ++d.fates.engaged_open_ground; break;
      case ThreatFate::kAirborneAtEnd: ++d.fates.airborne_at_end; break;
      case ThreatFate::kLaunchFailure: ++d.fates.launch_failures; break;
      case ThreatFate::kDud: ++d.fates.duds; break;
      case ThreatFate::kNoWarhead: ++d.fates.no_warhead; break;
      default: break;  // not with a defence
    }
  }
  for (const auto& f : t.fire_orders) d.defence_cost_usd += f.order.cost_usd;
  d.interceptors_fired = static_cast<int>(t.fire_orders.size());
  for (const auto& i : t.interceptors) d.interceptors_detonated += i.phase == InterceptorPhase::kDetonated;
  double planned = 0.0;
  for (const auto& i : t.interceptors) {
    const bool ended = i.phase == InterceptorPhase::kDetonated || i.phase == InterceptorPhase::kMissed;
    if (!ended || i.target_id < 0 || i.outcome.reason == Reason::kTargetGone) continue;
    ++d.interceptors_met;
    d.interceptor_kills += i.killed;
    planned += i.order.pk;
  }
  if (d.interceptors_met > 0) {
    d.achieved_pk = static_cast<double>(d.interceptor_kills) / d.interceptors_met;
    d.planned_pk = planned / d.interceptors_met;
  }
  if (d.fates.intercepted > 0) {
    d.interceptors_per_kill = static_cast<double>(d.interceptors_fired) / d.fates.intercepted;
    d.cost_per_intercept_usd = d.defence_cost_usd / d.fates.intercepted;
  }
  if (d.attack_cost_usd > 0.0) d.cost_exchange_ratio = d.defence_cost_usd / d.attack_cost_usd;
  SummarizeLayers(world, t, d);
  return d;
}

}  // namespace

std::vector<ThreatFateOf> ClassifyThreats(const World& world, const ReplicationResult& result) {
  const bool defended = result.tracking && !world.batteries().empty();
  std::set<int> engaged;
  if (defended) {
    // A decision revised before any shot is not an engagement: the one that stood counts.
    for (const DecisionRecord* decision : FinalDecisions(result.tracking->decisions))
      if (decision->engage && decision->truth_id >= 0) engaged.insert(decision->truth_id);
    for (const auto& f : result.tracking->fire_orders)
      if (f.truth_id >= 0) engaged.insert(f.truth_id);
  }
  std::vector<ThreatFateOf> fates(result.threats.size());
  for (const auto& o : result.threats) {
    ThreatFateOf& f = fates[o.id];
    f.engaged = engaged.count(o.id) > 0;
    if (o.failure == ThreatFailure::kLaunch) f.fate = ThreatFate::kLaunchFailure;
    else if (o.killed) f.fate = ThreatFate::kIntercepted;
    else if (o.NoWarheadImpact()) f.fate = ThreatFate::kNoWarhead;
    else if (o.DudImpact()) f.fate = ThreatFate::kDud;
    else if (!o.impacted) f.fate = ThreatFate::kAirborneAtEnd;
    else if (!defended) f.fate = o.impact_area >= 0 ? ThreatFate::kImpactDefendedArea : ThreatFate::kImpactOpenGround;
    else if (o.impact_area >= 0) f.fate = f.engaged ? ThreatFate::kLeakedEngaged : ThreatFate::kLeakedIgnored;
    else f.fate = f.engaged ? ThreatFate::kEngagedOpenGround : ThreatFate::kIgnoredOpenGround;
  }
  return fates;
}

RunSummary Summarize(const World& world, const ReplicationResult& result) {
  RunSummary s;
  for (const auto& area : world.areas()) s.areas.push_back({area.name, area.value, 0, 0});
  for (const auto& t : result.threats) {
    ++s.threats;
    const int aimed = world.salvos()[t.salvo].aim_area;
    if (aimed >= 0) ++s.areas[aimed].aimed;
    if (!t.aim_in_range) ++s.aim_out_of_range;
    s.fell_short += FellShort(t);
    s.motor_failures += t.failure == ThreatFailure::kMotor;
    if (t.failure == ThreatFailure::kLaunch) {
      ++s.launch_failures;
      continue;
    }
    if (t.killed) {
      ++s.intercepted;
      continue;
    }
    if (!t.impacted) {
      ++s.airborne_at_end;
      continue;
    }
    ++s.impacts;
    if (t.no_warhead) ++s.no_warhead;
    else if (t.warhead_dud) ++s.duds;
    else if (t.impact_area >= 0) ++s.areas[t.impact_area].impacts, ++s.hits;
    else ++s.open_ground;
  }
  if (result.tracking && !world.batteries().empty()) s.defence = SummarizeDefence(world, result);
  return s;
}

bool FellShort(const ThreatOutcome& o) {
  return o.failure != ThreatFailure::kNone || o.aim_beyond_reach;
}

const char* ToString(ThreatFate fate) {
  switch (fate) {
    case ThreatFate::kIntercepted: return "intercepted";
    case ThreatFate::kLeakedEngaged: return "leaked_engaged";
    case ThreatFate::kLeakedIgnored: return "leaked_ignored";
    case ThreatFate::kIgnoredOpenGround: return "ignored_open_ground";
    case ThreatFate::kEngagedOpenGround: return "engaged_open_ground";
    case ThreatFate::kAirborneAtEnd: return "airborne_at_end";
    case ThreatFate::kImpactDefendedArea: return "impact_defended_area";
    case ThreatFate::kImpactOpenGround: return "impact_open_ground";
    case ThreatFate::kLaunchFailure: return "launch_failure";
    case ThreatFate::kDud: return "dud";
    case ThreatFate::kNoWarhead: return "no_warhead";
  }
  return "unknown";
}


}  // namespace cupola

#include "cupola/sim/run_events.h"

#include <cmath>
#include <cstdio>

#include "cupola/core/text.h"

namespace cupola {

void AddThreatEvents(const World& world, const ThreatOutcome& o, std::vector<Event>& events) {
  const SalvoModel& salvo = world.salvos()[o.salvo];
  const std::string aimed = salvo.aim_area >= 0 ? world.areas()[salvo.aim_area].name : "";
  events.push_back({o.launch_t_s, EventType::kLaunch, o.id, o.p_launch_W, aimed,
                    salvo.type->name + " from salvo " + salvo.spec->name});
  if (!o.aim_in_range) {
    events.push_back({o.launch_t_s, EventType::kAimOutOfRange, o.id, world.GroundPoint(o.aim_EN), aimed,
                      "aim point outside the " + salvo.type->name + "'s range table [" +
                          FormatNumber(std::round(salvo.fire_control.min_range_m())) + ", " +
                          FormatNumber(std::round(salvo.fire_control.max_range_m())) + "] m; fired at the limit"});
  }
  if (o.killed) {
    events.push_back({o.end_t_s, EventType::kKilled, o.id, o.p_end_W, "",
                      "destroyed by an interceptor; it would have come down " +
                          std::string(o.natural_impact_area >= 0 ? "in " + world.areas()[o.natural_impact_area].name
                                                                 : "in open ground")});
  } else if (o.impacted) {
    const std::string area = o.impact_area >= 0 ? world.areas()[o.impact_area].name : "";
    events.push_back({o.end_t_s, EventType::kImpact, o.id, o.p_end_W, area,
                      area.empty() ? "open ground" : "defended area " + area});
  } else {
    events.push_back({o.end_t_s, EventType::kAirborneAtEnd, o.id, o.p_end_W, "", "still flying at duration_s"});
  }
}

void AddTrackingEvents(const World& world, const TrackingResult& tracking, std::vector<Event>& events) {
  for (const TrackEvent& e : tracking.events) {
    if (e.kind == TrackEvent::Kind::kConfirmed) {
      events.push_back({e.t_s, EventType::kTrackConfirmed, -1, e.p_W, "", "", e.track_id});
    } else if (e.kind == TrackEvent::Kind::kDeleted && e.was_confirmed) {
      events.push_back({e.t_s, EventType::kTrackDeleted, -1, e.p_W, "", e.reason, e.track_id});
    }
  }
  for (const AlertRecord& a : tracking.alerts) {
    const AlertZone& zone = world.alert_zones()[a.zone];
    char detail[120];
    std::snprintf(detail, sizeof(detail), "P(impact in zone) = %.2f, impact predicted in %.0f s", a.probability,
                  a.predicted_impact_t_s - a.t_s);
    events.push_back({a.t_s, EventType::kAlert, -1, world.GroundPoint(zone.polygon.Centroid()), zone.name, detail,
                             a.track_id});
  }
  for (const DecisionRecord& d : tracking.decisions) {
    const std::string area = d.most_likely_area >= 0 ? world.areas()[d.most_likely_area].name : "";
    events.push_back({d.t_s, d.engage ? EventType::kEngage : EventType::kIgnore, -1,
                             world.GroundPoint(d.predicted_EN), area, d.reason, d.track_id});
  }
  for (const FireRecord& f : tracking.fire_orders) {
    const FireOrder& o = f.order;
    const BatteryModel& battery = world.batteries()[o.battery];
    char detail[200];
    std::snprintf(detail, sizeof(detail), "%s launcher %d, shot %d%s, intercept predicted at t = %.1f s, %.1f km, %.0f m up, Pk %.2f",
                  battery.name.c_str(), o.launcher, o.shot, o.salvo ? " (salvo)" : "", o.intercept.t_intercept_s,
                  o.intercept.range_m / 1000.0, o.intercept.height_m, o.pk);
    events.push_back({o.t_s, EventType::kFire, -1, o.intercept.p_intercept_W, "", detail, o.track_id});
  }
  for (const InterceptorRecord& i : tracking.interceptors) {
    if (i.phase != InterceptorPhase::kDetonated && i.phase != InterceptorPhase::kMissed) continue;
    const BatteryModel& battery = world.batteries()[i.order.battery];
    char detail[200];
    if (i.phase == InterceptorPhase::kDetonated) {
      std::snprintf(detail, sizeof(detail), "%s launcher %d, shot %d: miss distance %.1f m, Pk %.2f: %s",
                    battery.name.c_str(), i.order.launcher, i.order.shot, i.outcome.miss_m, i.outcome.kill_probability,
                    i.killed ? "killed" : "survived");
    } else {
      std::snprintf(detail, sizeof(detail), "%s launcher %d, shot %d: %s (closest %.0f m)", battery.name.c_str(),
                    i.order.launcher, i.order.shot, i.outcome.reason.c_str(), i.outcome.miss_m);
    }
    events.push_back({i.outcome.t_s,
                             i.phase == InterceptorPhase::kDetonated ? EventType::kDetonation : EventType::kInterceptorMiss,
                             i.target_id, i.outcome.p_W, "", detail, i.order.track_id});
  }
  for (const EngagementNote& n : tracking.engagement_notes) {
    const EventType type = n.kind == EngagementNote::Kind::kHoldFire      ? EventType::kHoldFire
                           : n.kind == EngagementNote::Kind::kNoIntercept ? EventType::kNoIntercept
                           : n.kind == EngagementNote::Kind::kSurvived    ? EventType::kSurvived
                                                                          : EventType::kPresumedKilled;
    events.push_back({n.t_s, type, -1, n.p_W, "", n.reason, n.track_id});
  }
}

}  // namespace cupola

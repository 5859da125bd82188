#include "cupola/sim/run_events.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <utility>

#include "cupola/core/text.h"

namespace cupola {

namespace {

// Values are rounded where they are made, so that the log reads cleanly and
// stays byte for byte the same: times, probabilities and values to 1e-6,
// lengths to 1 mm, speeds to 1 mm/s.
double Round(double x, double unit) { return std::round(x / unit) / std::round(1.0 / unit); }
EventValue Time(std::string_view key, double t_s) { return {key, Round(t_s, 1e-6)}; }
EventValue Probability(std::string_view key, double p) { return {key, Round(p, 1e-6)}; }
EventValue Value(std::string_view key, double v) { return {key, Round(v, 1e-6)}; }
EventValue Length(std::string_view key, double m) { return {key, Round(m, 1e-3)}; }
EventValue Speed(std::string_view key, double mps) { return {key, Round(mps, 1e-3)}; }
EventValue Count(std::string_view key, int n) { return {key, static_cast<std::int64_t>(n)}; }
EventValue Flag(std::string_view key, bool b) { return {key, b}; }
EventValue Name(std::string_view key, std::string name) { return {key, std::move(name)}; }

Event Make(double t_s, EventType type, int threat_id, int track_id, const Eigen::Vector3d& p_W, std::string area,
           Reason reason, std::vector<EventValue> values, std::string detail) {
  Event e;
  e.t_s = t_s;
  e.type = type;
  e.threat_id = threat_id;
  e.track_id = track_id;
  e.p_W = p_W;
  e.area = std::move(area);
  e.reason = reason;
  e.values = std::move(values);
  e.detail = std::move(detail);
  return e;
}

std::string AreaName(const World& world, int area) { return area >= 0 ? world.areas()[area].name : ""; }

// "Sderot launcher 2, shot 1": the interceptor a fire, detonation or miss is about.
std::vector<EventValue> ShotValues(const World& world, const FireOrder& o) {
  return {Name("battery", world.batteries()[o.battery].name), Count("launcher", o.launcher), Count("shot", o.shot)};
}

// The decision's text for people: the comparison its reason made.
std::string DecisionDetail(const DecisionReason& r) {
  char text[200];
  const std::string battery = r.battery.empty() ? "" : "battery " + r.battery + ": ";
  if (r.code == Reason::kOpenGround) {
    std::snprintf(text, sizeof(text), "open ground (P(defended area) = %.3f)", r.p_defended_area);
  } else if (std::isnan(r.threshold)) {
    std::snprintf(text, sizeof(text), "%s (value at risk %.3g)", std::string(Text(r.code)).c_str(), r.value_at_risk);
  } else {
    std::snprintf(text, sizeof(text), "%svalue at risk %.3g %s threshold %.3g", battery.c_str(), r.value_at_risk,
                  r.code == Reason::kValueAtRisk ? ">=" : "<", r.threshold);
  }
  return text;
}

}  // namespace

void AddThreatEvents(const World& world, const ThreatOutcome& o, std::vector<Event>& events) {
  const SalvoModel& salvo = world.salvos()[o.salvo];
  const std::string aimed = AreaName(world, salvo.aim_area);
  events.push_back(Make(o.launch_t_s, EventType::kLaunch, o.id, -1, o.p_launch_W, aimed, Reason::kNone,
                        salvo.type->kind == ThreatKind::kMortar
                            ? std::vector<EventValue>{Name("threat_type", salvo.type->name),
                                                      Name("salvo", salvo.spec->name), Count("charge", o.charge)}
                            : std::vector<EventValue>{Name("threat_type", salvo.type->name),
                                                      Name("salvo", salvo.spec->name)},
                        salvo.type->name + " from salvo " + salvo.spec->name));
  if (!o.aim_in_range) {
    // Which end of the range table the aim point lies beyond, by its ground distance from the launcher.
    const FireControlTable& table = salvo.fire_control.table(o.charge);
    const double min_m = table.min_range_m(), max_m = table.max_range_m();
    const double aim_m = (o.aim_EN - o.p_launch_W.head<2>()).norm();
    const Reason why = aim_m >= max_m ? Reason::kAimBeyondMaxRange : Reason::kAimShortOfMinRange;
    events.push_back(Make(o.launch_t_s, EventType::kAimOutOfRange, o.id, -1, world.GroundPoint(o.aim_EN), aimed, why,
                          {Length("aim_range_m", aim_m), Length("min_range_m", min_m), Length("max_range_m", max_m)},
                          "aim point outside the " + salvo.type->name + "'s range table [" +
                              FormatNumber(std::round(min_m)) + ", " + FormatNumber(std::round(max_m)) +
                              "] m; fired at the limit"));
  }
  if (o.failure == ThreatFailure::kLaunch) {
    events.push_back(Make(o.failure_t_s, EventType::kThreatFailure, o.id, -1, o.p_launch_W, aimed,
                          Reason::kLaunchFailure, {}, "failed at launch; it never left the launcher"));
    return;
  }
  if (o.failure == ThreatFailure::kMotor)
    events.push_back(Make(o.failure_t_s, EventType::kThreatFailure, o.id, -1, o.p_launch_W, aimed,
                          Reason::kMotorFailure, {Value("burn_s", o.failure_t_s - o.launch_t_s)},
                          "its motor stopped early; it falls short"));
  if (o.killed) {
    // The area is the one it would have come down in, untouched.
    const std::string would_have_hit = AreaName(world, o.natural_impact_area);
    events.push_back(Make(o.end_t_s, EventType::kKilled, o.id, -1, o.p_end_W, would_have_hit, Reason::kNone,
                          {Speed("speed_mps", o.v_end_W.norm())},
                          "destroyed by an interceptor; it would have come down in " +
                              (would_have_hit.empty() ? std::string("open ground") : would_have_hit)));
  } else if (o.impacted) {
    const std::string area = AreaName(world, o.impact_area);
    events.push_back(Make(o.end_t_s, EventType::kImpact, o.id, -1, o.p_end_W, area,
                          o.no_warhead    ? Reason::kNoWarhead
                          : o.warhead_dud ? Reason::kDud
                          : area.empty()  ? Reason::kOpenGround
                                          : Reason::kDefendedArea,
                          {Speed("impact_speed_mps", o.v_end_W.norm())},
                          (area.empty() ? std::string("open ground") : "defended area " + area) +
                              (o.no_warhead    ? std::string("; a decoy, no warhead, no damage")
                               : o.warhead_dud ? std::string("; a dud, no damage")
                                               : std::string())));
  } else {
    events.push_back(Make(o.end_t_s, EventType::kAirborneAtEnd, o.id, -1, o.p_end_W, "", Reason::kNone,
                          {Speed("speed_mps", o.v_end_W.norm())}, "still flying at duration_s"));
  }
}

void AddTrackingEvents(const World& world, const TrackingResult& tracking, std::vector<Event>& events) {
  for (const TrackEvent& e : tracking.events) {
    const bool confirmed = e.kind == TrackEvent::Kind::kConfirmed;
    if (!confirmed && !(e.kind == TrackEvent::Kind::kDeleted && e.was_confirmed)) continue;
    std::vector<EventValue> life = {Count("update_times", e.update_times), Count("looks", e.looks)};
    if (!confirmed) {
      life.push_back(Count("misses_in_a_row", e.misses_in_a_row));
      life.push_back(Time("since_detection_s", e.since_detection_s));
      life.push_back(Length("position_sigma_m", e.position_sigma_m));
    }
    events.push_back(Make(e.t_s, confirmed ? EventType::kTrackConfirmed : EventType::kTrackDeleted, -1, e.track_id,
                          e.p_W, "", e.reason, std::move(life), std::string(Text(e.reason))));
  }
  for (const AlertRecord& a : tracking.alerts) {
    const AlertZone& zone = world.alert_zones()[a.zone];
    char detail[120];
    std::snprintf(detail, sizeof(detail), "P(impact in zone) = %.2f, impact predicted in %.0f s", a.probability,
                  a.predicted_impact_t_s - a.t_s);
    events.push_back(Make(a.t_s, EventType::kAlert, -1, a.track_id, world.GroundPoint(zone.polygon.Centroid()), zone.name,
                          Reason::kNone,
                          {Probability("p_zone", a.probability), Time("predicted_impact_t_s", a.predicted_impact_t_s),
                           Time("warning_s", a.predicted_impact_t_s - a.t_s)},
                          detail));
  }
  // Each decision was taken on its track's newest assessment, made at the same time.
  std::map<std::pair<int, double>, const ThreatAssessment*> assessment_at;
  for (const ThreatAssessment& a : tracking.assessments) assessment_at[{a.track_id, a.t_s}] = &a;
  for (const DecisionRecord& d : tracking.decisions) {
    const DecisionReason& r = d.reason;
    std::vector<EventValue> values = {Value("value_at_risk", r.value_at_risk)};
    if (!std::isnan(r.threshold)) values.push_back(Value("threshold", r.threshold));
    if (!r.battery.empty()) values.push_back(Name("battery", r.battery));
    values.push_back(Probability("p_defended_area", r.p_defended_area));
    values.push_back(Flag("revised", d.revises));
    if (const auto it = assessment_at.find({d.track_id, d.t_s}); it != assessment_at.end()) {
      const ThreatAssessment& a = *it->second;
      if (d.most_likely_area >= 0) values.push_back(Probability("p_area", a.p_area[d.most_likely_area]));
      values.push_back(Time("predicted_impact_t_s", a.prediction.t_impact_s));
    }
    events.push_back(Make(d.t_s, d.engage ? EventType::kEngage : EventType::kIgnore, -1, d.track_id,
                          world.GroundPoint(d.predicted_EN), AreaName(world, d.most_likely_area), r.code,
                          std::move(values),
                          d.revises ? (d.engage ? "revised, now engaged: " : "revised, engagement cancelled: ") +
                                          DecisionDetail(r)
                                    : DecisionDetail(r)));
  }
  for (const FireRecord& f : tracking.fire_orders) {
    const FireOrder& o = f.order;
    std::vector<EventValue> values = ShotValues(world, o);
    values.insert(values.end(), {Flag("salvo_shot", o.salvo), Time("t_launch_s", o.intercept.t_launch_s),
                                 Time("t_intercept_s", o.intercept.t_intercept_s), Length("range_m", o.intercept.range_m),
                                 Length("height_m", o.intercept.height_m), Probability("pk", o.pk),
                                 Value("cost_usd", o.cost_usd)});
    char detail[200];
    std::snprintf(detail, sizeof(detail), "%s launcher %d, shot %d%s, intercept predicted at t = %.1f s, %.1f km, %.0f m up, Pk %.2f",
                  world.batteries()[o.battery].name.c_str(), o.launcher, o.shot, o.salvo ? " (salvo)" : "",
                  o.intercept.t_intercept_s, o.intercept.range_m / 1000.0, o.intercept.height_m, o.pk);
    events.push_back(Make(o.t_s, EventType::kFire, -1, o.track_id, o.intercept.p_intercept_W, "", Reason::kNone,
                          std::move(values), detail));
  }
  for (const InterceptorRecord& i : tracking.interceptors) {
    if (i.phase != InterceptorPhase::kDetonated && i.phase != InterceptorPhase::kMissed) continue;
    const bool detonated = i.phase == InterceptorPhase::kDetonated;
    std::vector<EventValue> values = ShotValues(world, i.order);
    values.push_back(Length("miss_m", i.outcome.miss_m));
    char detail[200];
    const char* battery = world.batteries()[i.order.battery].name.c_str();
    if (detonated) {
      values.push_back(Probability("pk", i.outcome.kill_probability));
      values.push_back(Flag("killed", i.killed));
      std::snprintf(detail, sizeof(detail), "%s launcher %d, shot %d: miss distance %.1f m, Pk %.2f: %s", battery,
                    i.order.launcher, i.order.shot, i.outcome.miss_m, i.outcome.kill_probability,
                    i.killed ? "killed" : "survived");
    } else {
      std::snprintf(detail, sizeof(detail), "%s launcher %d, shot %d: %s (closest %.0f m)", battery, i.order.launcher,
                    i.order.shot, std::string(Text(i.outcome.reason)).c_str(), i.outcome.miss_m);
    }
    events.push_back(Make(i.outcome.t_s, detonated ? EventType::kDetonation : EventType::kInterceptorMiss, i.target_id,
                          i.order.track_id, i.outcome.p_W, "", detonated ? Reason::kNone : i.outcome.reason,
                          std::move(values), detail));
  }
  for (const EngagementNote& n : tracking.engagement_notes) {
    const EventType type = n.kind == EngagementNote::Kind::kHoldFire      ? EventType::kHoldFire
                           : n.kind == EngagementNote::Kind::kNoIntercept ? EventType::kNoIntercept
                           : n.kind == EngagementNote::Kind::kSurvived    ? EventType::kSurvived
                                                                          : EventType::kPresumedKilled;
    std::vector<EventValue> values;
    std::string detail(Text(n.reason));
    if (n.value_at_risk >= 0.0) {
      values.push_back(Value("value_at_risk", n.value_at_risk));
      detail += " (value " + FormatNumber(Round(n.value_at_risk, 1e-3)) + ")";
    }
    if (n.t_intercept_s >= 0.0) {
      values.push_back(Time("t_intercept_s", n.t_intercept_s));
      detail += " at t = " + FormatNumber(Round(n.t_intercept_s, 0.1)) + " s";
    }
    events.push_back(Make(n.t_s, type, -1, n.track_id, n.p_W, "", n.reason, std::move(values), detail));
  }
}

void AddNetworkEvents(const World& world, std::vector<Event>& events) {
  // A link's place is its receiving end: the battery's first launcher, or the radar.
  auto SiteOf = [&world](const std::string& node) -> Eigen::Vector3d {
    for (const BatteryModel& b : world.batteries())
      if (b.name == node) return b.launchers.front().p_W;
    for (const RadarModel& r : world.radars())
      if (r.name == node) return r.p_WR;
    return Eigen::Vector3d::Zero();
  };
  const double end = world.spec().duration_s;
  for (const LinkSpec& link : world.network().links()) {
    for (const LinkOutage& o : link.outages) {
      if (o.start_s >= end) continue;
      const std::vector<EventValue> values{Name("link", link.name), Name("from", link.from), Name("to", link.to)};
      events.push_back(Make(o.start_s, EventType::kLinkDown, -1, -1, SiteOf(link.to), "", Reason::kLinkOutage, values,
                            link.name + " down until t = " + FormatNumber(o.end_s) + " s"));
      if (o.end_s < end)
        events.push_back(Make(o.end_s, EventType::kLinkUp, -1, -1, SiteOf(link.to), "", Reason::kNone, values,
                              link.name + " up again"));
    }
  }
}

}  // namespace cupola

#include "cupola/sim/replication.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdio>
#include <exception>
#include <thread>

#include "cupola/core/random.h"
#include "cupola/core/text.h"

namespace cupola {

namespace {

// One threat's launch plan, drawn before any flight so that the random
// numbers do not depend on the order in which threats are flown.
struct LaunchPlan {
  int salvo = 0;
  double t_s = 0.0;
  Eigen::Vector2d aim_EN = Eigen::Vector2d::Zero();
};

Eigen::Vector2d UniformPointIn(const Polygon& polygon, Rng& rng) {
  Eigen::Vector2d lo = polygon.vertices_EN.front(), hi = lo;
  for (const auto& v : polygon.vertices_EN) lo = lo.cwiseMin(v), hi = hi.cwiseMax(v);
  for (int attempt = 0; attempt < 10000; ++attempt) {
    Eigen::Vector2d p(rng.Uniform(lo.x(), hi.x()), rng.Uniform(lo.y(), hi.y()));
    if (polygon.Contains(p)) return p;
  }
  return polygon.Centroid();  // a sliver polygon: unreachable for checked input
}

std::vector<LaunchPlan> PlanLaunches(const World& world, std::uint64_t replication_seed) {
  std::vector<LaunchPlan> plans;
  for (std::size_t i = 0; i < world.salvos().size(); ++i) {
    const SalvoModel& salvo = world.salvos()[i];
    const std::uint64_t salvo_seed = StreamSeed(replication_seed, "salvo/" + salvo.spec->name);
    for (int k = 0; k < salvo.spec->count; ++k) {
      Rng rng(SubstreamSeed(salvo_seed, static_cast<std::uint64_t>(k)));  // round k's own draws
      LaunchPlan plan;
      plan.salvo = static_cast<int>(i);
      plan.t_s = salvo.spec->start_s + k * salvo.spec->interval_s;
      plan.aim_EN = salvo.spec->aim_point ? salvo.aim_EN
                                          : UniformPointIn(world.areas()[salvo.aim_area].polygon, rng);
      const double sigma = salvo.spec->aim_sigma_m;
      plan.aim_EN += Eigen::Vector2d(rng.Normal(), rng.Normal()) * sigma;
      plans.push_back(plan);
    }
  }
  return plans;
}

struct Flown {
  ThreatOutcome outcome;
  TruthTrajectory truth;
  std::size_t steps = 0;
};

// Truth is recorded every RK4 coast step for rockets and mortars, every
// second for drones (slow, straight legs): dense enough that interpolation
// error stays far below any radar's noise.
constexpr double kDroneTruthSample_s = 1.0;

Flown FlyOne(const World& world, const LaunchPlan& plan, int id) {
  const SalvoModel& salvo = world.salvos()[plan.salvo];
  const double t_end = world.spec().duration_s;
  Flown f;
  ThreatOutcome& o = f.outcome;
  o.id = id;
  o.salvo = plan.salvo;
  o.launch_t_s = plan.t_s;
  o.p_launch_W = salvo.p_launch_W;
  o.aim_EN = plan.aim_EN;
  f.truth.id = id;
  f.truth.rcs_m2 = salvo.type->rcs_m2;
  const TrajectorySink sink = [&](const TrajectoryPoint& p) {
    // The final point can repeat the last sample's time; keep times increasing.
    if (!f.truth.points.empty() && p.t_s <= f.truth.points.back().t_s) f.truth.points.pop_back();
    f.truth.points.push_back(p);
  };

  FlightResult flight;
  if (salvo.type->IsBallistic()) {
    const BallisticModel model = world.MakeBallisticModel(*salvo.type);
    double elevation, azimuth;
    const Eigen::Vector2d to_aim = plan.aim_EN - salvo.p_launch_W.head<2>();
    if (salvo.spec->elevation_rad) {
      elevation = *salvo.spec->elevation_rad;
      azimuth = std::atan2(to_aim.x(), to_aim.y());
    } else {
      const auto solution = salvo.fire_control.Solve(plan.aim_EN);
      elevation = solution.elevation_rad;
      azimuth = solution.azimuth_rad;
      o.aim_in_range = solution.in_range;
    }
    flight = FlyToImpact(model, Launch(model, salvo.p_launch_W, elevation, azimuth, plan.t_s), t_end,
                         world.spec().physics.step_s, sink);
  } else {
    DroneRoute route;
    route.waypoints_EN = salvo.waypoints_EN;
    route.target_W = world.GroundPoint(plan.aim_EN);
    flight = FlyDrone(world.MakeDroneModel(*salvo.type), route, salvo.p_launch_W, plan.t_s, t_end,
                      kDroneTruthSample_s, sink);
  }
  o.impacted = flight.impacted;
  o.end_t_s = flight.end.t_s;
  o.p_end_W = flight.end.p_W;
  o.v_end_W = flight.end.v_W;
  o.apogee_m = flight.apogee_height_m;
  o.impact_area = flight.impacted ? world.AreaAt(flight.end.p_W.head<2>()) : -1;
  o.natural_impact_area = o.impact_area;
  f.truth.impacted = flight.impacted;
  f.steps = flight.steps;
  return f;
}


void AddEvents(const World& world, const ThreatOutcome& o, std::vector<Event>& events) {
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

}  // namespace

void SampleTrajectory(const TruthTrajectory& truth, double sample_dt, std::vector<TrajectorySample>& out) {
  for (double t = truth.start_t(); t < truth.end_t(); t += sample_dt) {
    const TrajectoryPoint p = truth.At(t);
    out.push_back({truth.id, p.t_s, p.p_W, p.v_W});
  }
  const TrajectoryPoint& last = truth.points.back();
  out.push_back({truth.id, last.t_s, last.p_W, last.v_W});
}

ReplicationResult RunReplication(const World& world, std::uint64_t campaign_seed, std::uint64_t index,
                                 const ReplicationOptions& options) {
  ReplicationResult result;
  result.seed = ReplicationSeed(campaign_seed, index);
  const std::vector<LaunchPlan> plans = PlanLaunches(world, result.seed);

  // Fly every threat; each worker takes the next id, results land by id.
  std::vector<Flown> flown(plans.size());
  // An exception on a worker must not terminate the process: keep it and
  // rethrow the lowest threat id's after joining (the same for any thread count).
  std::vector<std::exception_ptr> errors(plans.size());
  std::atomic<std::size_t> next{0}, done{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < plans.size(); i = next++) {
      try {
        flown[i] = FlyOne(world, plans[i], static_cast<int>(i));
      } catch (...) {
        errors[i] = std::current_exception();
      }
      const std::size_t finished = ++done;
      if (options.on_progress) options.on_progress(ReplicationPhase::kFlying, finished, plans.size());
    }
  };
  const int threads = std::clamp(options.threads, 1, 256);
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);

  for (auto& f : flown) {
    result.integration_steps += f.steps;
    result.truth.push_back(std::move(f.truth));
  }
  // Sensing, tracking and engagement; interceptor kills end threats' truth early.
  if (!world.radars().empty()) {
    ScanProgress on_scan;
    if (options.on_progress)
      on_scan = [&](std::size_t scans, std::size_t total) { options.on_progress(ReplicationPhase::kTracking, scans, total); };
    result.tracking = RunSensingAndTracking(world, result.seed, result.truth, on_scan);
  }
  for (std::size_t i = 0; i < flown.size(); ++i) {
    ThreatOutcome& o = flown[i].outcome;
    const TruthTrajectory& truth = result.truth[i];
    if (truth.killed) {
      o.killed = true;
      o.impacted = false;
      o.impact_area = -1;
      o.end_t_s = truth.end_t();
      o.p_end_W = truth.points.back().p_W;
      o.v_end_W = truth.points.back().v_W;
    }
    result.threats.push_back(o);
    if (options.record_trajectories) SampleTrajectory(truth, world.spec().physics.trajectory_sample_s, result.trajectories);
    AddEvents(world, o, result.events);
  }
  if (result.tracking) {
    for (const TrackEvent& e : result.tracking->events) {
      if (e.kind == TrackEvent::Kind::kConfirmed) {
        result.events.push_back({e.t_s, EventType::kTrackConfirmed, -1, e.p_W, "", "", e.track_id});
      } else if (e.kind == TrackEvent::Kind::kDeleted && e.was_confirmed) {
        result.events.push_back({e.t_s, EventType::kTrackDeleted, -1, e.p_W, "", e.reason, e.track_id});
      }
    }
    for (const AlertRecord& a : result.tracking->alerts) {
      const AlertZone& zone = world.alert_zones()[a.zone];
      char detail[120];
      std::snprintf(detail, sizeof(detail), "P(impact in zone) = %.2f, impact predicted in %.0f s", a.probability,
                    a.predicted_impact_t_s - a.t_s);
      result.events.push_back({a.t_s, EventType::kAlert, -1, world.GroundPoint(zone.polygon.Centroid()), zone.name, detail,
                               a.track_id});
    }
    for (const DecisionRecord& d : result.tracking->decisions) {
      const std::string area = d.most_likely_area >= 0 ? world.areas()[d.most_likely_area].name : "";
      result.events.push_back({d.t_s, d.engage ? EventType::kEngage : EventType::kIgnore, -1,
                               world.GroundPoint(d.predicted_EN), area, d.reason, d.track_id});
    }
    for (const FireRecord& f : result.tracking->fire_orders) {
      const FireOrder& o = f.order;
      const BatteryModel& battery = world.batteries()[o.battery];
      char detail[200];
      std::snprintf(detail, sizeof(detail), "%s launcher %d, shot %d%s, intercept predicted at t = %.1f s, %.1f km, %.0f m up, Pk %.2f",
                    battery.name.c_str(), o.launcher, o.shot, o.salvo ? " (salvo)" : "", o.intercept.t_intercept_s,
                    o.intercept.range_m / 1000.0, o.intercept.height_m, o.pk);
      result.events.push_back({o.t_s, EventType::kFire, -1, o.intercept.p_intercept_W, "", detail, o.track_id});
    }
    for (const InterceptorRecord& i : result.tracking->interceptors) {
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
      result.events.push_back({i.outcome.t_s,
                               i.phase == InterceptorPhase::kDetonated ? EventType::kDetonation : EventType::kInterceptorMiss,
                               i.target_id, i.outcome.p_W, "", detail, i.order.track_id});
    }
    for (const EngagementNote& n : result.tracking->engagement_notes) {
      const EventType type = n.kind == EngagementNote::Kind::kHoldFire      ? EventType::kHoldFire
                             : n.kind == EngagementNote::Kind::kNoIntercept ? EventType::kNoIntercept
                             : n.kind == EngagementNote::Kind::kSurvived    ? EventType::kSurvived
                                                                            : EventType::kPresumedKilled;
      result.events.push_back({n.t_s, type, -1, n.p_W, "", n.reason, n.track_id});
    }
  }
  std::stable_sort(result.events.begin(), result.events.end(), EventOrder);
  return result;
}

}  // namespace cupola

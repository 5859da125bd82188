#include "cupola/sim/replication.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <optional>
#include <thread>

#include "cupola/core/random.h"
#include "cupola/physics/fire_control.h"
#include "cupola/sim/run_events.h"

namespace cupola {

namespace {

// One threat's launch plan, drawn before any flight so that the random
// numbers do not depend on the order in which threats are flown.
struct LaunchPlan {
  int salvo = 0;
  double t_s = 0.0;
  Eigen::Vector2d aim_EN = Eigen::Vector2d::Zero();
  std::optional<Eigen::Vector3d> aim_W;  // a far aim: the point on the ground (aim_EN is its W east, north)
  ThreatFailure failure = ThreatFailure::kNone;
  double burn_fraction = 1.0;  // a motor failure: the share of the burn before it stops
  bool warhead_dud = false;
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

}  // namespace

ThreatReliability ReliabilityOf(const SalvoSpec& salvo, const ThreatType& type) {
  ThreatReliability r = type.reliability;
  r.launch_failure_probability = salvo.launch_failure_probability.value_or(r.launch_failure_probability);
  r.motor_failure_probability = salvo.motor_failure_probability.value_or(r.motor_failure_probability);
  r.dud_probability = salvo.dud_probability.value_or(r.dud_probability);
  r.cep_fraction_of_range = salvo.cep_fraction_of_range.value_or(r.cep_fraction_of_range);
  if (salvo.gnss_jammed) r.cep_m = r.cep_jammed_m;
  r.cep_m = salvo.cep_m.value_or(r.cep_m);
  return r;
}

double AimErrorSigma_m(const ThreatReliability& r, ThreatKind kind, double range_m) {
  return SigmaFromCep(kind == ThreatKind::kDrone ? r.cep_m : r.cep_fraction_of_range * range_m);
}

namespace {

// The attacker's failures and aiming error for round k of a salvo, from the
// round's own substream of "reliability/<salvo>" (a stream of its own, so
// no draw of the aim or elsewhere moves). Every draw is taken whatever the
// probabilities, so changing one moves no other. Returns the aiming error
// (east, north) [m] at the aim, for a laying range of `range_m`.
Eigen::Vector2d DrawReliability(const SalvoModel& salvo, double range_m, Rng& rng, LaunchPlan& plan) {
  const ThreatReliability r = ReliabilityOf(*salvo.spec, *salvo.type);
  const double u_launch = rng.Uniform(), u_motor = rng.Uniform(), burn_fraction = rng.Uniform();
  const double u_dud = rng.Uniform();
  const Eigen::Vector2d unit_normal(rng.Normal(), rng.Normal());
  const bool has_motor = salvo.type->kind == ThreatKind::kRocket;
  if (u_launch < r.launch_failure_probability) {
    plan.failure = ThreatFailure::kLaunch;
  } else if (has_motor && u_motor < r.motor_failure_probability) {
    plan.failure = ThreatFailure::kMotor;
    plan.burn_fraction = burn_fraction;
  }
  plan.warhead_dud = u_dud < r.dud_probability;
  // Error about the laid point, growing with range; it adds to the salvo's aim_sigma_m (variances add).
  return unit_normal * AimErrorSigma_m(r, salvo.type->kind, range_m);
}

std::vector<LaunchPlan> PlanLaunches(const World& world, std::uint64_t replication_seed) {
  std::vector<LaunchPlan> plans;
  for (std::size_t i = 0; i < world.salvos().size(); ++i) {
    const SalvoModel& salvo = world.salvos()[i];
    const std::uint64_t salvo_seed = StreamSeed(replication_seed, "salvo/" + salvo.spec->name);
    const std::uint64_t reliability_seed = StreamSeed(replication_seed, "reliability/" + salvo.spec->name);
    for (int k = 0; k < salvo.spec->count; ++k) {
      Rng rng(SubstreamSeed(salvo_seed, static_cast<std::uint64_t>(k)));  // round k's own draws
      LaunchPlan plan;
      plan.salvo = static_cast<int>(i);
      plan.t_s = salvo.spec->start_s + k * salvo.spec->interval_s;
      const double sigma = salvo.spec->aim_sigma_m;
      Rng reliability(SubstreamSeed(reliability_seed, static_cast<std::uint64_t>(k)));
      if (!salvo.far_aim) {
        plan.aim_EN = salvo.spec->aim_point ? salvo.aim_EN
                                            : UniformPointIn(world.areas()[salvo.aim_area].polygon, rng);
        plan.aim_EN += Eigen::Vector2d(rng.Normal(), rng.Normal()) * sigma;
        plan.aim_EN += DrawReliability(salvo, (plan.aim_EN - salvo.p_launch_W.head<2>()).norm(), reliability, plan);
      } else {
        // The same draws, in a local frame on the ground at the aim point or area.
        const FarPlace& place = *salvo.far_aim;
        Eigen::Vector2d aim_local = salvo.spec->aim_point ? Eigen::Vector2d::Zero() : UniformPointIn(place.polygon, rng);
        aim_local += Eigen::Vector2d(rng.Normal(), rng.Normal()) * sigma;
        const double range_m = (world.GroundPointFrom(place, aim_local) - salvo.p_launch_W).norm();
        aim_local += DrawReliability(salvo, range_m, reliability, plan);
        plan.aim_W = world.GroundPointFrom(place, aim_local);
        plan.aim_EN = plan.aim_W->head<2>();
      }
      plans.push_back(plan);
    }
  }
  return plans;
}

// A threat's launch, and its flight computed ahead (threat_stage.h).
struct Flown {
  ThreatOutcome launch;
  FlightAhead ahead;
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
  ThreatOutcome& o = f.launch;
  o.id = id;
  o.salvo = plan.salvo;
  o.launch_t_s = plan.t_s;
  o.p_launch_W = salvo.p_launch_W;
  o.aim_EN = plan.aim_EN;
  TruthTrajectory& path = f.ahead.path;
  path.id = id;
  path.rcs_m2 = salvo.type->rcs_m2;
  const TrajectorySink sink = [&](const TrajectoryPoint& p) {
    // The final point can repeat the last sample's time; keep times increasing.
    if (!path.points.empty() && p.t_s <= path.points.back().t_s) path.points.pop_back();
    path.points.push_back(p);
  };

  o.failure = plan.failure;
  o.failure_t_s = plan.t_s;
  o.warhead_dud = plan.warhead_dud;
  o.no_warhead = !salvo.type->has_warhead;
  if (plan.failure == ThreatFailure::kLaunch) {
    // It never leaves the launcher: a path of one point there, never scheduled to fly.
    path.points.push_back({plan.t_s, salvo.p_launch_W, Eigen::Vector3d::Zero()});
    return f;
  }

  FlightResult flight;
  if (salvo.type->IsBallistic()) {
    double elevation, azimuth;
    const Eigen::Vector2d to_aim = plan.aim_EN - salvo.p_launch_W.head<2>();
    if (salvo.spec->elevation_rad) {
      elevation = *salvo.spec->elevation_rad;
      azimuth = std::atan2(to_aim.x(), to_aim.y());
      o.charge = salvo.spec->charge.value_or(salvo.fire_control.charges() - 1);
    } else {
      const auto solution = salvo.fire_control.Solve(plan.aim_EN, salvo.spec->charge);
      elevation = solution.elevation_rad;
      azimuth = solution.azimuth_rad;
      o.aim_in_range = solution.in_range;
      o.aim_beyond_reach = to_aim.norm() > salvo.fire_control.table(solution.charge).max_range_m();
      o.charge = solution.charge;
    }
    // Laid as if all were well; the charge's muzzle velocity, and a failed motor's short burn.
    BallisticParams params = AtCharge(salvo.type->ballistic, o.charge);
    if (plan.failure == ThreatFailure::kMotor) {
      params.motor.burn_time_s *= plan.burn_fraction;  // the same mass flow, stopped early
      params.motor.propellant_kg *= plan.burn_fraction;
      o.failure_t_s = plan.t_s + params.motor.burn_time_s;
    }
    BallisticModel model = world.MakeBallisticModel(*salvo.type);
    model.params = &params;
    flight = FlyToImpact(model, Launch(model, salvo.p_launch_W, elevation, azimuth, plan.t_s), t_end,
                         world.spec().physics.step_s, sink);
  } else {
    DroneRoute route;
    route.waypoints = salvo.waypoints;
    route.target_W = plan.aim_W ? *plan.aim_W : world.GroundPoint(plan.aim_EN);
    flight = FlyDrone(world.MakeDroneModel(*salvo.type), route, salvo.p_launch_W, plan.t_s, t_end,
                      kDroneTruthSample_s, sink);
  }
  o.apogee_m = flight.apogee_height_m;
  path.impacted = flight.impacted;
  f.ahead.impact_area = flight.impacted ? world.AreaAtGround(flight.end.p_W) : -1;
  f.steps = flight.steps;
  return f;
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
        ++done;
        // A callback that throws (a Python Ctrl-C) stops this worker's share like a failed flight.
        if (options.on_progress) options.on_progress(ReplicationPhase::kFlying, done.load(), plans.size());
      } catch (...) {
        errors[i] = std::current_exception();
      }
    }
  };
  const int threads = std::clamp(options.threads, 1, 256);
  std::vector<std::thread> pool;
  for (int t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();
  for (const auto& error : errors)
    if (error) std::rethrow_exception(error);

  std::vector<ThreatOutcome> launches;
  std::vector<FlightAhead> ahead;
  for (auto& f : flown) {
    result.integration_steps += f.steps;
    launches.push_back(std::move(f.launch));
    ahead.push_back(std::move(f.ahead));
  }
  // The engagement's clock: threats launch and end on it; with sensors, the
  // sensing, tracking and engagement too, and a kill ends a threat there.
  ThreatStage threats(std::move(launches), std::move(ahead));
  if (!world.radars().empty()) {
    ScanProgress on_scan;
    if (options.on_progress)
      on_scan = [&](std::size_t scans, std::size_t total) { options.on_progress(ReplicationPhase::kTracking, scans, total); };
    result.tracking = RunSensingAndTracking(world, result.seed, threats, on_scan);
  } else {
    RunThreatsAlone(world, threats);
  }
  result.threats = threats.TakeOutcomes();
  result.truth = threats.TakeTruth();
  for (std::size_t i = 0; i < result.threats.size(); ++i) {
    if (options.record_trajectories)
      SampleTrajectory(result.truth[i], world.spec().physics.trajectory_sample_s, result.trajectories);
    AddThreatEvents(world, result.threats[i], result.events);
  }
  if (result.tracking) {
    AddTrackingEvents(world, *result.tracking, result.events);
    AddNetworkEvents(world, result.events);
  }
  std::stable_sort(result.events.begin(), result.events.end(), EventOrder);
  return result;
}

}  // namespace cupola

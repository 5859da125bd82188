// replan_bench -- the battle manager's re-plan per scan: 200 threats in the
// air against 20 launchers (5 batteries x 4 launchers, 80 interceptors).
//
// 200 rockets (122 mm, Qassam) fly from 15-35 km north of a 40 km front of
// batteries at elevations of 35-55 degrees; the scan looks at them 10 s
// after the last launch, each with its remaining path (the battle manager's
// input: the predicted path from now to the ground). One Plan() = every
// threat-launcher intercept solved, doctrine, and the WTA over the ready
// launchers. Prints milliseconds per plan on one core (goal < 5 ms), the
// real-time factor at a 1 s scan, and the speed-up of the intercept solver
// over a plain dense scan of the path (the simple reference: evaluate
// g(t) every 10 ms and take the first sign change).
#include <chrono>
#include <cmath>
#include <cstdio>
#include <vector>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/engagement/battle_manager.h"
#include "cupola/physics/ballistic.h"
#include "cupola/scenario/presets.h"

using namespace cupola;
using WallClock = std::chrono::steady_clock;

namespace {

double Seconds(WallClock::time_point a) { return std::chrono::duration<double>(WallClock::now() - a).count(); }

// The simple reference: step g(t) = t - t_L - f(p(t)) every 10 ms along the path.
bool DenseIntercept(const ThreatPath& path, const Eigen::Vector3d& launcher, double t_launch, const FlyOutTable& table,
                    double& t_intercept) {
  std::size_t k = 1;
  for (double t = std::max(t_launch, path.points.front().t_s); t <= path.points.back().t_s; t += 0.01) {
    while (k + 1 < path.points.size() && path.points[k].t_s < t) ++k;
    const Eigen::Vector3d p = Interpolate(path.points[k - 1], path.points[k], t).p_W;
    const Eigen::Vector3d d = p - launcher;
    const auto reach = table.Reach(d.norm(), std::asin(d.z() / d.norm()));
    if (reach && t - t_launch - reach->time_s >= 0.0) {
      t_intercept = t;
      return true;
    }
  }
  return false;
}

}  // namespace

int main() {
  const LocalFrame frame({31.5, 34.5, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  Rng rng(2026);

  // Five batteries of four launchers with four interceptors each along y = 0.
  std::vector<BatteryModel> batteries;
  const InterceptorType* tamir = FindCatalogInterceptor("tamir");
  for (int b = 0; b < 5; ++b) {
    BatteryModel battery{"battery-" + std::to_string(b), *tamir, {}, {4000, 70000, 100, 10000},
                         FlyOutTable(*tamir, env.atmosphere, 0.0), 50000.0, Doctrine{}, nullptr, {}, {}};
    for (int l = 0; l < 4; ++l)
      battery.launchers.push_back({Eigen::Vector3d(-16000.0 + 8000.0 * b + 300.0 * l, -300.0 * l, 0.0), 4, 600.0, 1.0});
    battery.UseMissileWeapon();
    batteries.push_back(std::move(battery));
  }

  // 200 rockets, launched over 20 s; their paths from the scan time on.
  const double t_scan = 30.0;
  std::vector<ThreatPath> paths;
  for (int i = 0; i < 200; ++i) {
    const ThreatType* type = FindCatalogThreat(i % 2 ? "rocket_122mm" : "qassam");
    const BallisticModel model{&type->ballistic, &env, 0.25, 0.05};
    const Eigen::Vector3d site(rng.Uniform(-20000.0, 20000.0), rng.Uniform(15000.0, 35000.0), 0.0);
    const double elevation = DegToRad(rng.Uniform(35.0, 55.0));
    const double azimuth = kPi + rng.Uniform(-0.3, 0.3);
    const double t_launch = 0.1 * i;
    std::vector<TrajectoryPoint> remaining;
    FlyToImpact(model, Launch(model, site, elevation, azimuth, t_launch), 600.0, 0.5, [&](const TrajectoryPoint& p) {
      if (p.t_s >= t_scan && (remaining.empty() || p.t_s > remaining.back().t_s)) remaining.push_back(p);
    });
    if (remaining.size() >= 2) paths.push_back(ThreatPath::From(std::move(remaining), env));
  }
  std::vector<EngagementThreat> threats;
  for (std::size_t j = 0; j < paths.size(); ++j)
    threats.push_back({static_cast<int>(j), rng.Uniform(25.0, 100.0), {}, &paths[j]});

  // Plans from a fresh battle manager each time (the same full inventory).
  int repeats = 0;
  std::size_t orders = 0;
  PlanStats stats;
  const auto start = WallClock::now();
  while (Seconds(start) < 2.0 || repeats < 5) {
    BattleManager bm(&batteries);
    orders = bm.Plan(t_scan, threats).size();
    stats = bm.last_stats();
    ++repeats;
  }
  const double plan_ms = 1e3 * Seconds(start) / repeats;

  // Intercept solving alone, against the dense-scan reference, over every pair.
  int solved = 0, agree = 0, compared = 0;
  double worst_dt = 0.0;
  auto t0 = WallClock::now();
  int solver_repeats = 0;
  while (Seconds(t0) < 1.0 || solver_repeats < 3) {
    for (const auto& path : paths)
      for (const auto& b : batteries)
        for (const auto& l : b.launchers) solved += SolveIntercept(path, l.p_W, t_scan + 1.0, b.fly_out, b.envelope).feasible;
    ++solver_repeats;
  }
  const double solver_s = Seconds(t0) / solver_repeats;
  t0 = WallClock::now();
  std::vector<char> dense_found;
  std::vector<double> dense_t;
  for (const auto& path : paths)
    for (const auto& b : batteries)
      for (const auto& l : b.launchers) {
        double t_dense = 0.0;
        dense_found.push_back(DenseIntercept(path, l.p_W, t_scan + 1.0, b.fly_out, t_dense));
        dense_t.push_back(t_dense);
      }
  const double dense_s = Seconds(t0);
  std::size_t k = 0;
  for (const auto& path : paths)
    for (const auto& b : batteries)
      for (const auto& l : b.launchers) {
        const InterceptSolution s = SolveIntercept(path, l.p_W, t_scan + 1.0, b.fly_out, Envelope{});
        if (dense_found[k] && s.feasible) {
          ++compared;
          worst_dt = std::max(worst_dt, std::abs(s.t_intercept_s - dense_t[k]));
          agree += std::abs(s.t_intercept_s - dense_t[k]) <= 0.011;
        }
        ++k;
      }

  std::printf("replan_bench: %zu threats in the air, %d launchers (%d interceptors), one core\n", threats.size(),
              20, 80);
  std::printf("  pairs solved per plan   %d (feasible %d), launchers ready %d, orders %zu\n", stats.pairs,
              stats.feasible_pairs, stats.launchers_ready, orders);
  std::printf("  re-plan                 %.2f ms per scan (goal < 5 ms), real-time factor %.0f at a 1 s scan\n", plan_ms,
              1000.0 / plan_ms);
  std::printf("  intercept solver        %.2f us per pair; dense 10 ms scan %.2f us per pair: %.0fx faster\n",
              1e6 * solver_s / (paths.size() * 20.0), 1e6 * dense_s / (paths.size() * 20.0), dense_s / solver_s);
  std::printf("  agreement with the dense scan: %d of %d within 11 ms (worst %.4f s)\n", agree, compared, worst_dt);
  return 0;
}

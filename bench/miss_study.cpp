// miss_study -- interceptor miss distance against the quality of the track
// data uplinked mid-course, and against the navigation constant N.
//
// A 122 mm rocket (elevation 40-50 deg, 20 km) is engaged on its way down by
// a Tamir launched 25 s before impact from 4 km short of it. The uplink, one
// per second like a radar scan, is the rocket's true state plus Gaussian
// errors (position sigma, velocity sigma / 3 s); the seeker then homes with
// its own angular noise. 200 engagements per setting. Writes CSV
// (study, x, median_miss_m, p95_miss_m, mean_pk, detonated) for
// docs/img/miss_distance.gp and prints the table.
//   miss_study [out.csv]
#include <algorithm>
#include <cstdio>
#include <vector>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/interceptor/interceptor.h"
#include "cupola/physics/ballistic.h"
#include "cupola/scenario/presets.h"

using namespace cupola;

namespace {

struct Result {
  double median = 0, p95 = 0, mean_pk = 0, detonated = 0;
};

Result Study(const FlightEnvironment& env, const InterceptorType& type, double sigma_m, int runs, std::uint64_t seed) {
  const ThreatType& grad = *FindCatalogThreat("rocket_122mm");
  const BallisticModel model{&grad.ballistic, &env, 0.05, 0.01};
  const InterceptorDynamics dynamics(&type, &env);
  Rng rng(seed);
  std::vector<double> misses;
  double pk_sum = 0.0, detonated = 0.0;
  for (int run = 0; run < runs; ++run) {
    std::vector<TrajectoryPoint> path;
    const FlightResult flight =
        FlyToImpact(model, Launch(model, Eigen::Vector3d(0, 20000, 0), DegToRad(rng.Uniform(40, 50)), kPi, 0.0), 300.0,
                    0.05, [&](const TrajectoryPoint& p) {
                      if (path.empty() || p.t_s > path.back().t_s) path.push_back(p);
                    });
    const TruthAt truth = TruthAlong(path);
    const Eigen::Vector3d launcher(flight.end.p_W.x() + rng.Uniform(-2000, 2000), flight.end.p_W.y() - 4000.0, 0.0);
    const double t0 = flight.end.t_s - 25.0;
    Interceptor interceptor(&dynamics, dynamics.Launch(launcher, (truth(t0 + 12).p_W - launcher).normalized(), t0),
                            rng.NextU64());
    for (double t = t0; !interceptor.done() && t < t0 + 60.0; t += 1.0) {
      const TargetTruth now = truth(t);
      if (!now.alive) break;
      const Eigen::Vector3d dp(rng.Normal(), rng.Normal(), rng.Normal()), dv(rng.Normal(), rng.Normal(), rng.Normal());
      const Uplink uplink{t, now.p_W + sigma_m * dp, now.v_W + sigma_m / 3.0 * dv, Eigen::Vector3d(0, 0, -kStandardGravity)};
      interceptor.Advance(t + 1.0, uplink, truth);
    }
    const bool hit = interceptor.phase() == InterceptorPhase::kDetonated;
    detonated += hit;
    misses.push_back(interceptor.done() ? interceptor.outcome().miss_m : 1e4);
    pk_sum += hit ? interceptor.outcome().kill_probability : 0.0;
  }
  std::sort(misses.begin(), misses.end());
  Result r;
  r.median = misses[misses.size() / 2];
  r.p95 = misses[static_cast<std::size_t>(0.95 * (misses.size() - 1))];
  r.mean_pk = pk_sum / runs;
  r.detonated = detonated / runs;
  return r;
}

}  // namespace

int main(int argc, char** argv) {
  const LocalFrame frame({31.5, 34.5, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  const InterceptorType tamir = *FindCatalogInterceptor("tamir");
  std::FILE* csv = argc > 1 ? std::fopen(argv[1], "w") : nullptr;
  if (csv) std::fprintf(csv, "study,x,median_miss_m,p95_miss_m,mean_pk,detonated\n");
  const int runs = 200;
  std::printf("miss distance of a Tamir against a 122 mm rocket, %d engagements per row\n\n", runs);
  std::printf("  %-28s %10s %10s %8s %10s\n", "setting", "median m", "p95 m", "mean Pk", "detonated");
  for (const double sigma : {0.0, 10.0, 30.0, 100.0, 300.0, 1000.0}) {
    const Result r = Study(env, tamir, sigma, runs, 1);
    std::printf("  track noise %6.0f m, N = 4   %10.2f %10.2f %8.3f %10.3f\n", sigma, r.median, r.p95, r.mean_pk, r.detonated);
    if (csv) std::fprintf(csv, "track_noise,%g,%.4f,%.4f,%.4f,%.4f\n", sigma, r.median, r.p95, r.mean_pk, r.detonated);
  }
  for (const double n : {2.0, 3.0, 4.0, 5.0, 6.0}) {
    InterceptorType type = tamir;
    type.navigation_constant = n;
    const Result r = Study(env, type, 30.0, runs, 2);
    std::printf("  N = %.0f, track noise 30 m      %10.2f %10.2f %8.3f %10.3f\n", n, r.median, r.p95, r.mean_pk, r.detonated);
    if (csv) std::fprintf(csv, "navigation_constant,%g,%.4f,%.4f,%.4f,%.4f\n", n, r.median, r.p95, r.mean_pk, r.detonated);
  }
  if (csv) std::fclose(csv);
  return 0;
}

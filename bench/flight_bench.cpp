// flight_bench -- flies 10,000 ballistic threats to impact on one core and
// reports threats per second and the real-time factor: simulated
// threat-seconds of flight per wall-clock second (goal: >= 1e6).
#include <benchmark/benchmark.h>

#include "cupola/core/random.h"
#include "cupola/core/units.h"
#include "cupola/physics/ballistic.h"
#include "cupola/scenario/presets.h"

namespace cupola {
namespace {

void FlyMany(benchmark::State& state, const char* type_name) {
  const LocalFrame frame({31.5, 34.5, 0.0});
  const FlightEnvironment env = FlightEnvironment::Standard(frame, 0.0);
  const ThreatType& type = *FindCatalogThreat(type_name);
  const BallisticModel model{&type.ballistic, &env, 0.25, 0.05};
  constexpr int kThreats = 10000;
  double simulated_s = 0.0;
  std::size_t steps = 0;
  for (auto _ : state) {
    Rng rng(1);
    for (int i = 0; i < kThreats; ++i) {
      const double lo = RadToDeg(type.ballistic.min_elevation_rad) + 5.0;
      const double elevation = DegToRad(rng.Uniform(lo, type.ballistic.high_angle ? 80.0 : 50.0));
      const FlightResult r = FlyToImpact(model, Launch(model, Eigen::Vector3d::Zero(), elevation, rng.Uniform(0, 6.28), 0.0), 1e4);
      simulated_s += r.end.t_s;
      steps += r.steps;
      benchmark::DoNotOptimize(r.end.p_W);
    }
  }
  state.counters["threats_per_s"] = benchmark::Counter(static_cast<double>(kThreats) * state.iterations(), benchmark::Counter::kIsRate);
  state.counters["real_time_factor"] = benchmark::Counter(simulated_s, benchmark::Counter::kIsRate);
  state.counters["steps_per_threat"] = static_cast<double>(steps) / (kThreats * state.iterations());
}

BENCHMARK_CAPTURE(FlyMany, rocket_122mm, "rocket_122mm")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(FlyMany, qassam, "qassam")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(FlyMany, mortar_120mm, "mortar_120mm")->Unit(benchmark::kMillisecond)->Iterations(1);
BENCHMARK_CAPTURE(FlyMany, mortar_81mm, "mortar_81mm")->Unit(benchmark::kMillisecond)->Iterations(1);

}  // namespace
}  // namespace cupola

BENCHMARK_MAIN();

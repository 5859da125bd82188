// campaign_bench -- replications per second of a campaign on 1 and 2
// threads, and the scaling efficiency (rate on 2 / (2 x rate on 1)), for
// the bundled default scenario and the 1,000-threat mixed raid. The same
// replications run on both thread counts (indices 0 .. n-1); the metrics
// are checked equal, so the bench also shows the pool changes no number.
//   campaign_bench [runs_default=200] [runs_raid=6]
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "cupola/campaign/campaign_metrics.h"
#include "cupola/campaign/runner.h"
#include "cupola/scenario/loader.h"

using namespace cupola;
using WallClock = std::chrono::steady_clock;

namespace {

// CPU seconds (user + system) used by this process so far.
double CpuSeconds() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec);
}

struct Measured {
  double per_second = 0.0;     // replications per wall second
  double cpu_per_run_s = 0.0;  // CPU seconds per replication: the pool's overhead, whatever else runs
  std::string metrics;         // the campaign's estimates, to compare across thread counts
};

Measured Rate(const World& world, int runs, int threads) {
  std::vector<ReplicationJob> jobs;
  for (int i = 0; i < runs; ++i) jobs.push_back({0, static_cast<std::uint64_t>(i)});
  std::vector<ReplicationMetrics> by_index(runs);
  const auto start = WallClock::now();
  const double cpu_start = CpuSeconds();
  RunReplications({&world}, world.spec().seed, jobs, threads, [&](std::vector<ReplicationRecord>& batch) {
    for (const auto& r : batch) by_index[r.metrics.index] = r.metrics;
  });
  const double wall = std::chrono::duration<double>(WallClock::now() - start).count();
  return {runs / wall, (CpuSeconds() - cpu_start) / runs, MetricsJson(EstimateMetrics(by_index)).dump()};
}

}  // namespace

int main(int argc, char** argv) {
  const int runs_default = argc > 1 ? std::atoi(argv[1]) : 200;
  const int runs_raid = argc > 2 ? std::atoi(argv[2]) : 6;
  std::printf("campaign_bench: replications per second (no trajectories, one thread per replication)\n\n");
  std::printf("  %-20s %8s %6s %14s %14s %12s %16s %10s\n", "scenario", "threats", "runs", "1 thread /s",
              "2 threads /s", "efficiency", "CPU s/run 1 | 2", "same bits");
  for (const auto& [name, runs] : {std::pair<std::string, int>{"border_town_salvo", runs_default},
                                   std::pair<std::string, int>{"mixed_raid", runs_raid}}) {
    const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/" + name + ".yaml"));
    const Measured one = Rate(world, runs, 1), two = Rate(world, runs, 2);
    std::printf("  %-20s %8d %6d %14.2f %14.2f %11.1f%% %7.4f | %6.4f %10s\n", name.c_str(),
                world.spec().TotalThreats(), runs, one.per_second, two.per_second,
                100.0 * two.per_second / (2.0 * one.per_second), one.cpu_per_run_s, two.cpu_per_run_s,
                one.metrics == two.metrics ? "yes" : "NO");
  }
  std::printf("\n  efficiency = rate on 2 / (2 x rate on 1): meaningful on an idle machine only (see the load\n"
              "  average printed below); CPU s/run equal on 1 and 2 threads means the pool itself costs nothing.\n");
  std::FILE* load = std::fopen("/proc/loadavg", "r");
  char text[64] = "";
  if (load && std::fgets(text, sizeof(text), load)) std::printf("  load average: %s", text);
  if (load) std::fclose(load);
  std::printf("\n  goals (#19): efficiency >= 90 %%; 10,000 default replications in < 60 s (>= 167 /s);\n"
              "  1,000 raid replications in < 15 min (>= 1.11 /s)\n");
  return 0;
}

// closed_loop_bench -- real-time factor of the whole engagement loop
// (threats, radars, tracker, assessment, battle manager, interceptors) on
// one core: scenario seconds simulated per wall second, for the bundled
// default scenario and the 1,000-threat mixed raid (4 batteries, 2 radars).
#include <chrono>
#include <cstdio>
#include <string>

#include "cupola/scenario/loader.h"
#include "cupola/sim/replication.h"

using namespace cupola;
using WallClock = std::chrono::steady_clock;

int main() {
  std::printf("closed_loop_bench: one replication on one core, no trajectory output\n\n");
  std::printf("  %-20s %8s %10s %10s %12s %12s %10s\n", "scenario", "threats", "scenario s", "wall s",
              "real-time x", "interceptors", "kills");
  for (const std::string name : {"border_town_salvo", "mixed_raid"}) {
    const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/" + name + ".yaml"));
    ReplicationOptions options;
    options.record_trajectories = false;
    options.threads = 1;
    int repeats = 0;
    double wall = 0.0;
    ReplicationResult result;
    const auto start = WallClock::now();
    do {
      result = RunReplication(world, world.spec().seed, 0, options);
      ++repeats;
      wall = std::chrono::duration<double>(WallClock::now() - start).count();
    } while (wall < 3.0 && repeats < 20);
    wall /= repeats;
    int kills = 0;
    for (const auto& t : result.threats) kills += t.killed;
    const std::size_t fired = result.tracking ? result.tracking->interceptors.size() : 0;
    std::printf("  %-20s %8zu %10.0f %10.3f %12.0f %12zu %10d\n", name.c_str(), result.threats.size(),
                world.spec().duration_s, wall, world.spec().duration_s / wall, fired, kills);
  }
  std::printf("\n  goal: real-time factor >= 1,000 for the raid\n");
  return 0;
}

// A downstream project: load a scenario, run it, count impacts.
#include <cstdio>

#include "cupola/scenario/loader.h"
#include "cupola/sim/replication.h"

int main(int argc, char** argv) {
  if (argc != 2) return 2;
  const cupola::World world(cupola::LoadScenarioFile(argv[1]));
  const cupola::ReplicationResult r = cupola::RunReplication(world, world.spec().seed, 0);
  int impacts = 0;
  for (const auto& t : r.threats) impacts += t.impacted;
  std::printf("%zu threats, %d impacts\n", r.threats.size(), impacts);
  return 0;
}

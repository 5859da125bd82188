// cupola/sim/summary.h -- the outcome of a run, counted.
#pragma once

#include <string>
#include <vector>

#include "cupola/sim/replication.h"

namespace cupola {

struct AreaTally {
  std::string name;
  double value = 0.0;
  int aimed = 0;    // threats whose salvo aimed at this area
  int impacts = 0;  // threats that came down inside it
};

struct RunSummary {
  int threats = 0;
  int impacts = 0;
  int open_ground = 0;
  int airborne_at_end = 0;
  int aim_out_of_range = 0;
  std::vector<AreaTally> areas;
};

RunSummary Summarize(const World& world, const ReplicationResult& result);

}  // namespace cupola

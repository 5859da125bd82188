// apps/cupola/mc_ranks.h -- `mpirun -n K cupola mc ...`: the campaign's
// replications split across MPI ranks (docs/campaigns.md, "Across machines").
//
// Built with MPI when CMake finds it (OpenMPI from Debian); without it, or
// when not started by mpirun, there is one rank and these do nothing. Rank 0
// owns the campaign's database and decides what is missing; each rank runs
// every size-th of those jobs into a part of its own, and rank 0 merges the
// parts once all are done, so the order of arrival changes no number.
#pragma once

#include <vector>

#include "cupola/campaign/runner.h"

namespace cupola::cli {

struct Ranks {
  int rank = 0, size = 1;
  bool mpi = false;  // MPI was started (and must be ended)
};

/// Starts MPI if this process was started by mpirun (and cupola built with MPI).
Ranks StartRanks();
/// Rank 0's `jobs` on every rank.
std::vector<ReplicationJob> ShareJobs(const Ranks& ranks, std::vector<ReplicationJob> jobs);
/// Waits for every rank.
void WaitForRanks(const Ranks& ranks);
/// Ends MPI (if started).
void StopRanks(const Ranks& ranks);

}  // namespace cupola::cli

#include "mc_ranks.h"

#include <cstdint>
#include <cstdlib>

#ifdef CUPOLA_HAVE_MPI
#include <mpi.h>
#endif

namespace cupola::cli {

#ifdef CUPOLA_HAVE_MPI

Ranks StartRanks() {
  // Started by mpirun (OpenMPI, or a PMI launcher such as srun): only then
  // is MPI started, so a plain `cupola mc` never pays for it.
  if (!std::getenv("OMPI_COMM_WORLD_SIZE") && !std::getenv("PMI_SIZE")) return {};
  int started = 0;
  MPI_Initialized(&started);
  if (!started) MPI_Init(nullptr, nullptr);
  Ranks ranks;
  ranks.mpi = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &ranks.rank);
  MPI_Comm_size(MPI_COMM_WORLD, &ranks.size);
  return ranks;
}

std::vector<ReplicationJob> ShareJobs(const Ranks& ranks, std::vector<ReplicationJob> jobs) {
  if (ranks.size == 1) return jobs;
  unsigned long long count = jobs.size();
  MPI_Bcast(&count, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  std::vector<int> arms(count);
  std::vector<unsigned long long> indices(count);
  for (std::size_t k = 0; k < jobs.size(); ++k) arms[k] = jobs[k].arm, indices[k] = jobs[k].index;
  MPI_Bcast(arms.data(), static_cast<int>(count), MPI_INT, 0, MPI_COMM_WORLD);
  MPI_Bcast(indices.data(), static_cast<int>(count), MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  jobs.resize(count);
  for (std::size_t k = 0; k < count; ++k) jobs[k] = {arms[k], indices[k]};
  return jobs;
}

void WaitForRanks(const Ranks& ranks) {
  if (ranks.size > 1) MPI_Barrier(MPI_COMM_WORLD);
}

void StopRanks(const Ranks& ranks) {
  if (ranks.mpi) MPI_Finalize();
}

#else

Ranks StartRanks() { return {}; }
std::vector<ReplicationJob> ShareJobs(const Ranks&, std::vector<ReplicationJob> jobs) { return jobs; }
void WaitForRanks(const Ranks&) {}
void StopRanks(const Ranks&) {}

#endif

}  // namespace cupola::cli

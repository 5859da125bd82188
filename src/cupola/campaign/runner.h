// cupola/campaign/runner.h -- many replications on a pool of threads.
//
// Each replication is single-threaded (threats in order, no trajectories
// recorded) and a pure function of (World, campaign seed, index), so
// replications are spread over `threads` workers that take the next job as
// they finish one. Records come back to the calling thread (one writer: the
// database is only touched there) in the order they finish; callers keep
// them by (arm, index), so the order of arrival never changes a number.
#pragma once

#include <cstdint>
#include <functional>
#include <vector>

#include "cupola/campaign/replication_metrics.h"
#include "cupola/sim/world.h"

namespace cupola {

/// One replication to run: of which arm (a defence, a sweep point), which index.
struct ReplicationJob {
  int arm = 0;
  std::uint64_t index = 0;
};

/// Records handed over at once: all that finished since the last hand-over.
using RecordSink = std::function<void(std::vector<ReplicationRecord>& finished)>;

/// Runs every job, jobs[k] on worlds[jobs[k].arm] with `campaign_seed`
/// (the same seed on every arm: common random numbers). `sink` is called on
/// this thread with batches of finished records. An exception in a worker or
/// in `sink` stops the workers after their current job and is rethrown here.
void RunReplications(const std::vector<const World*>& worlds, std::uint64_t campaign_seed,
                     const std::vector<ReplicationJob>& jobs, int threads, const RecordSink& sink);

}  // namespace cupola

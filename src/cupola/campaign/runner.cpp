#include "cupola/campaign/runner.h"

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "cupola/core/error.h"

namespace cupola {

void RunReplications(const std::vector<const World*>& worlds, std::uint64_t campaign_seed,
                     const std::vector<ReplicationJob>& jobs, int threads, const RecordSink& sink) {
  CUPOLA_CHECK(threads >= 1, "RunReplications needs at least one thread");
  std::atomic<std::size_t> next{0};
  std::atomic<bool> stop{false};
  std::mutex mutex;
  std::condition_variable ready;
  std::vector<ReplicationRecord> finished;
  std::size_t running = 0;  // workers not yet done
  std::exception_ptr failure;

  const auto work = [&] {
    ReplicationOptions options;
    options.record_trajectories = false;
    options.threads = 1;  // parallel across replications, not inside one
    try {
      for (std::size_t k = next++; k < jobs.size() && !stop; k = next++) {
        const ReplicationJob& job = jobs[k];
        const World& world = *worlds.at(job.arm);
        ReplicationRecord record =
            MeasureReplication(world, RunReplication(world, campaign_seed, job.index, options), job.index, job.arm);
        const std::lock_guard lock(mutex);
        finished.push_back(std::move(record));
        ready.notify_one();
      }
    } catch (...) {
      const std::lock_guard lock(mutex);
      if (!failure) failure = std::current_exception();
      stop = true;
    }
    const std::lock_guard lock(mutex);
    --running;
    ready.notify_one();
  };

  const int workers = static_cast<int>(std::min<std::size_t>(threads, std::max<std::size_t>(1, jobs.size())));
  std::vector<std::thread> pool;
  running = workers;
  for (int w = 0; w < workers; ++w) pool.emplace_back(work);
  std::vector<ReplicationRecord> batch;
  try {
    for (;;) {
      {
        std::unique_lock lock(mutex);
        ready.wait(lock, [&] { return !finished.empty() || running == 0; });
        batch.swap(finished);
        if (batch.empty() && running == 0) break;
      }
      if (!stop && !batch.empty()) sink(batch);
      batch.clear();
    }
  } catch (...) {
    stop = true;
    for (auto& t : pool) t.join();
    throw;
  }
  for (auto& t : pool) t.join();
  if (failure) std::rethrow_exception(failure);
}

}  // namespace cupola

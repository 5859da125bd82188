// cupola/sim/replication.h -- one run of a scenario: a pure function of
// (World, campaign seed, replication index).
//
// Every threat is launched and aimed with its dispersion, and its flight is
// computed ahead: threats do not react to the defence (yet), so their
// flights are independent and are computed on `threads` worker threads,
// stored by threat id (bit-identical output for any thread count). Then the
// engagement runs on one clock (tracking_run.h): threats launch, fly, and
// impact or are killed on it (threat_stage.h), and with radars the sensing,
// tracking and engagement run between.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <optional>

#include "cupola/sim/events.h"
#include "cupola/sim/threat_stage.h"
#include "cupola/sim/tracking_run.h"
#include "cupola/sim/truth.h"
#include "cupola/sim/world.h"

namespace cupola {

struct TrajectorySample {
  int threat_id = 0;
  double t_s = 0.0;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  Eigen::Vector3d v_W = Eigen::Vector3d::Zero();
};

/// The phases of a replication a progress bar shows.
enum class ReplicationPhase {
  kFlying,    // threats flown (steps: threats)
  kTracking,  // sensing, tracking and engagement (steps: radar scans)
};

struct ReplicationOptions {
  bool record_trajectories = true;
  int threads = 1;
  /// Called with a phase and its steps done and in all: after each threat
  /// (from worker threads: must be thread-safe) and after each scan.
  std::function<void(ReplicationPhase phase, std::size_t done, std::size_t total)> on_progress;
};

struct ReplicationResult {
  std::uint64_t seed = 0;  // the replication's own seed
  std::vector<ThreatOutcome> threats;
  std::vector<TruthTrajectory> truth;          // by threat id
  std::vector<TrajectorySample> trajectories;  // by threat id, then time (trajectories.csv)
  std::vector<Event> events;                   // in EventOrder
  std::size_t integration_steps = 0;
  std::optional<TrackingResult> tracking;      // when the scenario has radars
};

/// A salvo's failure probabilities and aiming error: its type's, with the
/// salvo's own keys in place of the type's where given.
ThreatReliability ReliabilityOf(const SalvoSpec& salvo, const ThreatType& type);
/// The attacker's aiming error, 1-sigma per horizontal axis [m], for a
/// threat laid on a point `range_m` from its launcher: CEP / 1.1774 with
/// CEP = cep_fraction_of_range x range (rockets, mortars) or cep_m (drones).
/// It is drawn apart from the salvo's aim_sigma_m, so the two add in variance.
double AimErrorSigma_m(const ThreatReliability& reliability, ThreatKind kind, double range_m);

/// Appends a threat's samples as trajectories.csv has them: every sample_dt
/// from launch, and the end point.
void SampleTrajectory(const TruthTrajectory& truth, double sample_dt, std::vector<TrajectorySample>& out);

ReplicationResult RunReplication(const World& world, std::uint64_t campaign_seed, std::uint64_t index,
                                 const ReplicationOptions& options = {});

}  // namespace cupola

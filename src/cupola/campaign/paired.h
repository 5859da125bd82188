// cupola/campaign/paired.h -- two defences compared on the same replications.
//
// With common random numbers, replication i of defence A and of defence B
// face the same raid (the same draws for every threat, sensor scan and
// link), so the difference d_i = B_i - A_i leaves out the raid's own
// variation. Its mean gets Student's t interval over the pairs,
//   mean(d) +- t_{0.975, n - 1} s_d / sqrt(n),
// and, for comparison, the interval two independent campaigns of the same
// sizes would have given (Welch):
//   mean(B) - mean(A) +- t_{0.975, nu} sqrt(s_A^2 / n_A + s_B^2 / n_B),
// with nu the Welch-Satterthwaite degrees of freedom. `narrowing` is
// 1 - paired half-width / independent half-width: 0.6 means the pairing
// gave an interval 60 % narrower, worth 1 / (1 - 0.6)^2 = 6x the runs.
// Yes/no metrics (magazine_empty) are compared as 0/1 values the same way.
#pragma once

#include <nlohmann/json.hpp>
#include <span>
#include <vector>

#include "cupola/campaign/campaign_metrics.h"

namespace cupola {

struct PairedDifference {
  const MetricDefinition* metric = nullptr;
  ConfidenceInterval paired;            // of B - A over replications defining both
  double independent_half_width = 0.0;  // NaN when either side has fewer than two values
  double narrowing = 0.0;               // NaN when the independent interval has no width
};

/// `a` and `b` by replication index, the same indices in both.
std::vector<PairedDifference> ComparePaired(std::span<const ReplicationMetrics> a,
                                            std::span<const ReplicationMetrics> b);

/// {"<metric>": {"mean_difference", "ci95", "n", "independent_ci95", "narrowing"}}.
nlohmann::ordered_json PairedJson(const std::vector<PairedDifference>& differences);

}  // namespace cupola

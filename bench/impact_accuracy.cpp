// impact_accuracy -- how well cupola predicts where a rocket will fall, as a
// function of how long it has been seen: runs the bundled rocket scenario
// (scenarios/border_town_salvo.yaml) for many replications and prints the
// median and 95th percentile of the impact-prediction error against the time
// since the threat's first detection. docs/impact_prediction.md plots it.
//   impact_accuracy [replications=100] [csv=/tmp/impact_accuracy.csv]
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "cupola/scenario/loader.h"
#include "cupola/sim/replication.h"

using namespace cupola;

int main(int argc, char** argv) {
  const int replications = argc > 1 ? std::atoi(argv[1]) : 100;
  const std::string csv_path = argc > 2 ? argv[2] : "/tmp/impact_accuracy.csv";
  const World world(LoadScenarioFile(std::string(CUPOLA_SOURCE_DIR) + "/scenarios/border_town_salvo.yaml"));
  std::map<int, std::vector<double>> errors_by_second;  // whole seconds since first detection
  for (int rep = 0; rep < replications; ++rep) {
    ReplicationOptions options;
    options.record_trajectories = false;
    const ReplicationResult r = RunReplication(world, world.spec().seed, static_cast<std::uint64_t>(rep), options);
    std::map<int, double> first_detection;
    for (const ScanRecord& scan : r.tracking->scans)
      for (std::size_t i = 0; i < scan.detections.size(); ++i) {
        const int id = scan.truth_ids[i];
        if (id >= 0 && !first_detection.count(id)) first_detection[id] = scan.detections[i].t_s;
      }
    for (std::size_t k = 0; k < r.tracking->assessments.size(); ++k) {
      const int id = r.tracking->assessment_truth_ids[k];
      if (id < 0 || !r.threats[id].impacted) continue;
      const ThreatAssessment& a = r.tracking->assessments[k];
      const double error = (a.prediction.mean_EN - r.threats[id].p_end_W.head<2>()).norm();
      errors_by_second[static_cast<int>(std::floor(a.t_s - first_detection[id]))].push_back(error);
    }
  }
  std::FILE* csv = std::fopen(csv_path.c_str(), "w");
  std::fprintf(csv, "seconds_since_first_detection,predictions,median_error_m,p95_error_m\n");
  std::printf("%-8s %-12s %-16s %-16s\n", "t [s]", "predictions", "median error [m]", "95th pct [m]");
  for (auto& [second, errors] : errors_by_second) {
    if (errors.size() < 20) continue;  // too few for a 95th percentile
    std::sort(errors.begin(), errors.end());
    const double median = errors[errors.size() / 2];
    const double p95 = errors[static_cast<std::size_t>(0.95 * static_cast<double>(errors.size() - 1))];
    std::printf("%-8d %-12zu %-16.1f %-16.1f\n", second, errors.size(), median, p95);
    std::fprintf(csv, "%d,%zu,%.3f,%.3f\n", second, errors.size(), median, p95);
  }
  std::fclose(csv);
  std::printf("wrote %s\n", csv_path.c_str());
}

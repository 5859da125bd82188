#include "cupola/engagement/wta.h"

#include <cmath>

#include "cupola/core/error.h"
#include "cupola/core/random.h"
#include "cupola/core/text.h"

namespace cupola {

std::string WtaProblem::Validate() const {
  const Eigen::Index m = weapons.size(), n = value.size();
  if (kill_probability.rows() != m || kill_probability.cols() != n) {
    return "kill_probability: is " + std::to_string(kill_probability.rows()) + " x " +
           std::to_string(kill_probability.cols()) + "; expected " + std::to_string(m) + " x " + std::to_string(n) +
           " (weapon types x targets)";
  }
  if (has_caps() && max_per_target.size() != n) {
    return "max_per_target: has " + std::to_string(max_per_target.size()) + " entries; expected " + std::to_string(n) +
           " (one per target) or none";
  }
  for (Eigen::Index j = 0; j < n; ++j) {
    if (has_caps() && max_per_target(j) < 0) {
      return "max_per_target[" + std::to_string(j) + "]: got " + std::to_string(max_per_target(j)) +
             "; expected an integer >= 0";
    }
    if (!(value(j) >= 0.0 && value(j) <= kMaxTargetValue)) {
      return "value[" + std::to_string(j) + "]: got " + FormatNumber(value(j)) + "; expected a number in [0, 1e+15]";
    }
  }
  for (Eigen::Index i = 0; i < m; ++i) {
    if (weapons(i) < 0) {
      return "weapons[" + std::to_string(i) + "]: got " + std::to_string(weapons(i)) + "; expected an integer >= 0";
    }
    for (Eigen::Index j = 0; j < n; ++j) {
      const double p = kill_probability(i, j);
      if (!(p >= 0.0 && p <= 1.0)) {
        return "kill_probability[" + std::to_string(i) + "][" + std::to_string(j) + "]: got " + FormatNumber(p) +
               "; expected a number in [0, 1]";
      }
    }
  }
  return {};
}

double Objective(const WtaProblem& problem, const Eigen::MatrixXi& assignment) {
  CUPOLA_CHECK(assignment.rows() == problem.num_types() && assignment.cols() == problem.num_targets(),
               "assignment must be types x targets");
  double total = 0.0;
  for (int j = 0; j < problem.num_targets(); ++j) {
    double survive = problem.value(j);
    for (int i = 0; i < problem.num_types(); ++i) {
      CUPOLA_CHECK(assignment(i, j) >= 0, "assignment entries must be >= 0");
      if (assignment(i, j) > 0) survive *= std::pow(1.0 - problem.kill_probability(i, j), assignment(i, j));
    }
    total += survive;
  }
  return total;
}

bool IsFeasible(const WtaProblem& problem, const Eigen::MatrixXi& assignment) {
  if (assignment.rows() != problem.num_types() || assignment.cols() != problem.num_targets()) return false;
  if (assignment.size() > 0 && assignment.minCoeff() < 0) return false;
  for (int i = 0; i < problem.num_types(); ++i) {
    if (assignment.row(i).sum() > problem.weapons(i)) return false;
  }
  if (problem.has_caps()) {
    if (problem.max_per_target.size() != problem.num_targets()) return false;
    for (int j = 0; j < problem.num_targets(); ++j) {
      if (assignment.col(j).sum() > problem.max_per_target(j)) return false;
    }
  }
  return true;
}

WtaProblem RandomWtaProblem(int num_types, int num_targets, std::uint64_t seed, int weapons_per_type) {
  CUPOLA_CHECK(num_types >= 0 && num_targets >= 0 && weapons_per_type >= 0, "sizes must be >= 0");
  Rng rng(seed);
  WtaProblem problem;
  problem.name = "random " + std::to_string(num_types) + "x" + std::to_string(num_targets) +
                 (weapons_per_type == 1 ? std::string() : "x" + std::to_string(weapons_per_type)) + " seed " +
                 std::to_string(seed);
  problem.value.resize(num_targets);
  for (int j = 0; j < num_targets; ++j) problem.value(j) = std::round(rng.Uniform(25.0, 100.0) * 100.0) / 100.0;
  problem.kill_probability.resize(num_types, num_targets);
  for (int i = 0; i < num_types; ++i)
    for (int j = 0; j < num_targets; ++j)
      problem.kill_probability(i, j) = std::round(rng.Uniform(0.6, 0.9) * 1000.0) / 1000.0;
  problem.weapons = Eigen::VectorXi::Constant(num_types, weapons_per_type);
  return problem;
}

}  // namespace cupola

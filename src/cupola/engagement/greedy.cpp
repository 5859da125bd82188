#include "cupola/engagement/greedy.h"

#include <chrono>
#include <limits>
#include <vector>

#include "cupola/core/error.h"

namespace cupola {

WtaSolution SolveWtaGreedy(const WtaProblem& problem) {
  const auto start = std::chrono::steady_clock::now();
  CUPOLA_CHECK(problem.Validate().empty(), problem.Validate());
  const int m = problem.num_types(), n = problem.num_targets();
  const Eigen::MatrixXd& p = problem.kill_probability;

  WtaSolution sol;
  sol.solver = "greedy";
  sol.assignment = Eigen::MatrixXi::Zero(m, n);
  sol.lower_bound = std::numeric_limits<double>::quiet_NaN();

  std::vector<double> survive(problem.value.data(), problem.value.data() + n);  // S_j
  std::vector<int> left(problem.weapons.data(), problem.weapons.data() + m);
  std::vector<int> room(n, std::numeric_limits<int>::max());  // weapons target j may still take
  if (problem.has_caps())
    for (int j = 0; j < n; ++j) room[j] = problem.max_per_target(j);
  std::vector<int> best_target(m, -1);
  std::vector<double> best_gain(m, 0.0);
  // Each type's best target by Delta_ij = S_j p_ij; ties to the lowest j.
  auto rescan = [&](int i) {
    best_target[i] = -1;
    best_gain[i] = 0.0;
    for (int j = 0; j < n; ++j) {
      if (room[j] == 0) continue;
      const double gain = survive[j] * p(i, j);
      if (gain > best_gain[i]) {
        best_gain[i] = gain;
        best_target[i] = j;
      }
    }
  };
  for (int i = 0; i < m; ++i) {
    if (left[i] > 0) rescan(i);
  }

  while (true) {
    int type = -1;
    double gain = 0.0;
    for (int i = 0; i < m; ++i) {
      if (left[i] > 0 && best_target[i] >= 0 && best_gain[i] > gain) {
        gain = best_gain[i];
        type = i;
      }
    }
    if (type < 0) break;  // no weapon left, or none that lowers F
    const int target = best_target[type];
    ++sol.assignment(type, target);
    --left[type];
    --room[target];
    survive[target] *= 1.0 - p(type, target);
    // Only S_target fell (or its room ran out): the types whose best was
    // `target` may now prefer another.
    for (int i = 0; i < m; ++i) {
      if (left[i] > 0 && best_target[i] == target) rescan(i);
    }
  }

  sol.objective = Objective(problem, sol.assignment);
  sol.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return sol;
}

}  // namespace cupola

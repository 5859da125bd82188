#include "cupola/tracking/mht_hypotheses.h"

#include <algorithm>
#include <limits>

#include "cupola/core/assignment.h"

namespace cupola {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
// A row may not stay unmatched: a finite cost (the solver needs one) so large
// that any solution paying it is infeasible, yet small enough that the
// solver's dual potentials keep the real costs (tens) to 1e-9.
constexpr double kForbidden = 1e7;

// A subproblem of Murty's partition and its optimum.
struct Node {
  int parent = 0;
  long sequence = 0;      // queue order: ties go to the earlier
  Eigen::MatrixXd cost;   // with the fixed and forbidden pairs applied
  Eigen::VectorXd miss;   // b per row; kForbidden where "undetected" is forbidden
  std::vector<bool> fixed;
  Assignment best;
  double total = 0.0;     // parent cost + best.total_cost
};

// Solves the node; false if no matching meets its constraints.
bool Solve(Node& node, double parent_cost) {
  node.best = SolveAssignment(node.cost, node.miss);
  node.total = parent_cost + node.best.total_cost;
  return node.best.total_cost < kForbidden / 2;
}

bool Later(const Node& a, const Node& b) {  // heap order: cheapest, then earliest, on top
  return a.total != b.total ? a.total > b.total : a.sequence > b.sequence;
}

}  // namespace

std::vector<RankedHypothesis> KBestHypotheses(std::span<const HypothesisProblem> problems, int k) {
  std::vector<RankedHypothesis> out;
  std::vector<Node> queue;
  long sequence = 0;
  auto push = [&](Node node) {
    node.sequence = sequence++;
    if (!Solve(node, problems[node.parent].parent_cost)) return;
    queue.push_back(std::move(node));
    std::push_heap(queue.begin(), queue.end(), Later);
  };
  for (std::size_t h = 0; h < problems.size(); ++h) {
    const auto n = problems[h].cost.rows();
    push({static_cast<int>(h), 0, problems[h].cost, Eigen::VectorXd::Constant(n, problems[h].miss_cost),
          std::vector<bool>(static_cast<std::size_t>(n), false), {}, 0.0});
  }
  while (!queue.empty() && static_cast<int>(out.size()) < k) {
    std::pop_heap(queue.begin(), queue.end(), Later);
    Node node = std::move(queue.back());
    queue.pop_back();
    out.push_back({node.parent, node.best.row_to_col, node.total});
    if (static_cast<int>(out.size()) == k) break;
    // Partition what is left of this node's subproblem, row by row.
    const std::vector<int> a = node.best.row_to_col;
    for (Eigen::Index r = 0; r < node.cost.rows(); ++r) {
      if (node.fixed[static_cast<std::size_t>(r)]) continue;
      Node child = node;  // rows before r are fixed to a's choices below
      if (a[r] >= 0) child.cost(r, a[r]) = kInf;
      else child.miss[r] = kForbidden;
      push(std::move(child));
      // Fix row r to its choice for the subproblems after it.
      node.fixed[static_cast<std::size_t>(r)] = true;
      if (a[r] >= 0) {
        const double c = node.cost(r, a[r]);
        node.cost.row(r).setConstant(kInf);
        node.cost.col(a[r]).setConstant(kInf);
        node.cost(r, a[r]) = c;
        node.miss[r] = kForbidden;
      } else {
        node.cost.row(r).setConstant(kInf);
      }
    }
  }
  return out;
}

}  // namespace cupola

// assignment_bench -- time per SolveAssignment on random n x n problems,
// dense and 99 % forbidden, against a plain O(n^3) Hungarian method
// (Kuhn-Munkres with potentials and per-column slack, dense, written below).
//
// Costs are uniform on [0, 1) and b = 1e3 for every row, so the optimum
// assigns as many rows as the allowed pairs permit: the hardest case, with
// the longest augmenting paths. The reference solves the equivalent square
// problem with every entry replaced by min(c_ij, b) (a row "assigned" at b is
// unassigned; see below), and the two totals must agree or the run fails.
// Counters: speedup_vs_munkres = reference time / SolveAssignment time;
// munkres_ms = reference time; assigned = rows assigned. The 10 x 10 case
// shows the fixed cost of a call, the size of a tracker's cluster.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cmath>
#include <limits>
#include <vector>

#include "cupola/core/random.h"
#include "cupola/core/assignment.h"

namespace cupola {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
constexpr double kUnassignedCost = 1e3;

using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

// Kuhn-Munkres for a dense n x m matrix, n <= m, every row assigned: for each
// row, grow a Hungarian tree keeping the slack of every column, shift the
// potentials by the least slack until a free column is reached, then augment.
// O(n^2 m), touching every column at every step. Returns the minimum total.
double Munkres(const RowMajorMatrix& a) {
  const int n = static_cast<int>(a.rows()), m = static_cast<int>(a.cols());
  // 1-based columns; column 0 is a virtual root holding the row being added.
  std::vector<double> u(n + 1, 0.0), v(m + 1, 0.0), slack(m + 1);
  std::vector<int> row_of(m + 1, 0), way(m + 1, 0);
  std::vector<char> in_tree(m + 1);
  for (int i = 1; i <= n; ++i) {
    row_of[0] = i;
    int j0 = 0;
    std::fill(slack.begin(), slack.end(), kInf);
    std::fill(in_tree.begin(), in_tree.end(), 0);
    do {
      in_tree[j0] = 1;
      const int i0 = row_of[j0];
      double delta = kInf;
      int j1 = 0;
      for (int j = 1; j <= m; ++j) {
        if (in_tree[j]) continue;
        const double reduced = a(i0 - 1, j - 1) - u[i0] - v[j];
        if (reduced < slack[j]) {
          slack[j] = reduced;
          way[j] = j0;
        }
        if (slack[j] < delta) {
          delta = slack[j];
          j1 = j;
        }
      }
      for (int j = 0; j <= m; ++j) {
        if (in_tree[j]) {
          u[row_of[j]] += delta;
          v[j] -= delta;
        } else {
          slack[j] -= delta;
        }
      }
      j0 = j1;
    } while (row_of[j0] != 0);
    do {
      const int j1 = way[j0];
      row_of[j0] = row_of[j1];
      j0 = j1;
    } while (j0 != 0);
  }
  double total = 0.0;
  for (int j = 1; j <= m; ++j) {
    if (row_of[j] != 0) total += a(row_of[j] - 1, j - 1);
  }
  return total;
}

Eigen::MatrixXd RandomCost(int n, double p_forbidden, std::uint64_t seed) {
  Rng rng(seed);
  Eigen::MatrixXd cost(n, n);
  for (int j = 0; j < n; ++j) {
    for (int i = 0; i < n; ++i) cost(i, j) = rng.Uniform() < p_forbidden ? kInf : rng.Uniform();
  }
  return cost;
}

void Solve(benchmark::State& state, double p_forbidden) {
  const int n = static_cast<int>(state.range(0));
  const Eigen::MatrixXd cost = RandomCost(n, p_forbidden, 42);

  // Reference, timed outside the loop (mean of at least 3 runs and 0.2 s).
  // For a square problem, min(c, b) is exact: a full assignment of min(c, b)
  // prices each row at its pair or at b, and any partial matching extends to
  // a full one at no extra cost, so both minima are the same J.
  const RowMajorMatrix capped = cost.cwiseMin(kUnassignedCost);
  double reference_total = 0.0, reference_s = 0.0;
  int runs = 0;
  const auto t0 = std::chrono::steady_clock::now();
  do {
    reference_total = Munkres(capped);
    reference_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    ++runs;
  } while (runs < 3 || reference_s < 0.2);
  reference_s /= runs;

  Assignment a;
  double solve_s = 0.0;
  for (auto _ : state) {
    const auto t1 = std::chrono::steady_clock::now();
    a = SolveAssignment(cost, kUnassignedCost);
    solve_s += std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
    benchmark::DoNotOptimize(a.total_cost);
  }
  if (std::abs(a.total_cost - reference_total) > 1e-9 * (1.0 + std::abs(reference_total))) {
    state.SkipWithError("SolveAssignment and Munkres disagree on the optimum");
    return;
  }
  int assigned = 0;
  for (const int j : a.row_to_col) assigned += j >= 0 ? 1 : 0;
  state.counters["assigned"] = assigned;
  state.counters["munkres_ms"] = 1e3 * reference_s;
  state.counters["speedup_vs_munkres"] = reference_s / (solve_s / static_cast<double>(state.iterations()));
}

BENCHMARK_CAPTURE(Solve, dense, 0.0)->Arg(10)->Arg(100)->Arg(500)->Arg(1000)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(Solve, forbidden_99pct, 0.99)->Arg(1000)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace cupola

BENCHMARK_MAIN();

#include "cupola/core/assignment.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <string>

#include "cupola/core/error.h"

namespace cupola {

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// Below this fraction of kept pairs the rows are stored sparse and the search
// keeps a heap; above it, dense rows and a linear scan (see SolveAssignment).
// Measured on random n x n problems, n = 100..1000: the heap wins below 10 %
// to 15 % kept pairs, by 2-4x at 1 %; the scan wins by 2-4x when dense.
constexpr double kSparseBelowDensity = 0.1;

// A reached column on the sparse search's heap, at the dist it was pushed with.
struct HeapEntry {
  double dist;
  int col;
};
bool Farther(const HeapEntry& a, const HeapEntry& b) { return a.dist > b.dist; }

}  // namespace

Assignment SolveAssignment(const Eigen::MatrixXd& cost, const Eigen::VectorXd& unassigned_cost,
                           AssignmentStorage storage) {
  const Eigen::VectorXd& b = unassigned_cost;
  CUPOLA_CHECK(b.size() == cost.rows(), "SolveAssignment: " + std::to_string(b.size()) + " unassigned costs for " +
                                            std::to_string(cost.rows()) + " rows");
  for (Eigen::Index i = 0; i < b.size(); ++i) {
    CUPOLA_CHECK(std::isfinite(b[i]), "SolveAssignment: unassigned_cost[" + std::to_string(i) +
                                          "] = " + std::to_string(b[i]) + "; expected a finite value");
  }
  const int n = static_cast<int>(cost.rows());
  const int m = static_cast<int>(cost.cols());

  // Pass 1, in Eigen's column-major order: check every entry and count the
  // pairs worth keeping per row (c_ij < b_i; the rest are never needed).
  std::vector<int> row_start(static_cast<std::size_t>(n) + 1, 0);
  for (int j = 0; j < m; ++j) {
    for (int i = 0; i < n; ++i) {
      const double c = cost(i, j);
      CUPOLA_CHECK(c > -kInf, "SolveAssignment: cost(" + std::to_string(i) + ", " + std::to_string(j) +
                                  ") = " + std::to_string(c) + "; expected a finite cost or +inf (forbidden)");
      if (c < b[i]) ++row_start[i + 1];
    }
  }
  std::partial_sum(row_start.begin(), row_start.end(), row_start.begin());
  const double density = static_cast<double>(row_start[n]) / std::max(1.0, static_cast<double>(n) * m);
  const bool sparse =
      storage == AssignmentStorage::kSparse || (storage == AssignmentStorage::kAuto && density < kSparseBelowDensity);

  // Pass 2: the kept costs, either as dense rows (row-major, +inf where
  // dropped) or as compressed sparse rows (column index and cost).
  std::vector<double> dense_cost, sparse_cost;
  std::vector<int> sparse_col;
  if (sparse) {
    sparse_col.resize(static_cast<std::size_t>(row_start[n]));
    sparse_cost.resize(sparse_col.size());
    std::vector<int> next(row_start.begin(), row_start.end() - 1);
    for (int j = 0; j < m; ++j) {
      for (int i = 0; i < n; ++i) {
        if (!(cost(i, j) < b[i])) continue;
        sparse_col[next[i]] = j;
        sparse_cost[next[i]++] = cost(i, j);
      }
    }
  } else {
    dense_cost.resize(static_cast<std::size_t>(n) * m);
    for (int j = 0; j < m; ++j) {
      for (int i = 0; i < n; ++i)
        dense_cost[static_cast<std::size_t>(i) * m + j] = cost(i, j) < b[i] ? cost(i, j) : kInf;
    }
  }

  // Dual potentials and the matching over the real columns. Row i's dummy
  // column ("unassigned") is implicit: only row i reaches it, at cost b_i;
  // it is free until row i takes it, so it is never scanned, its potential
  // stays 0, and once taken no path can pass through it.
  std::vector<double> u(n, 0.0), v(m, 0.0);
  std::vector<int> col4row(n, -1), row4col(m, -1);  // -1: free (for a row: unassigned)
  // One search's workspace. dist[j] is the reduced length of the shortest
  // alternating path from the free row to real column j (+inf: not reached).
  std::vector<double> dist(m, kInf);
  std::vector<int> path(m, -1);  // the row before column j on that path
  std::vector<int> done;         // scanned columns, in order
  std::vector<int> remaining;    // dense: columns not yet scanned
  std::vector<char> scanned;     // sparse: column scanned?
  std::vector<int> touched;      // sparse: columns reached, to reset
  std::vector<HeapEntry> heap;   // sparse: reached columns by dist (lazy deletion)
  if (sparse) scanned.assign(m, 0);

  for (int start = 0; start < n; ++start) {
    // Dijkstra from the free row `start` on reduced costs c_ij - u_i - v_j
    // until the closest end is a free column or a dummy. Each scanned column
    // is matched, so the search moves on to its row.
    double min_val = 0.0;
    double dummy_dist = kInf;  // the nearest dummy reached so far ...
    int dummy_row = -1;        // ... and the row it belongs to
    int sink = -1;             // the free real column reached, or -1 for dummy_row's dummy
    if (!sparse) {
      remaining.resize(m);
      std::iota(remaining.begin(), remaining.end(), 0);
    }
    for (int i = start;;) {
      const double base = min_val - u[i];
      if (base + b[i] < dummy_dist) {
        dummy_dist = base + b[i];
        dummy_row = i;
      }
      // Relax row i's pairs and find the closest unscanned real column j.
      // Dense: one pass over the unscanned columns does both. Sparse: relax
      // only the row's kept pairs, and take the nearest from the heap.
      int j = -1;
      double d = kInf;
      std::size_t best = 0;
      if (!sparse) {
        const double* row = dense_cost.data() + static_cast<std::size_t>(i) * m;
        for (std::size_t k = 0; k < remaining.size(); ++k) {
          const int col = remaining[k];
          double dc = dist[col];
          const double r = base + row[col] - v[col];
          if (r < dc) {
            dc = dist[col] = r;
            path[col] = i;
          }
          // On a tie prefer a free column: it ends the search.
          if (dc < d || (dc == d && row4col[col] < 0)) {
            d = dc;
            best = k;
          }
        }
        if (d < kInf) j = remaining[best];
      } else {
        for (int k = row_start[i]; k < row_start[i + 1]; ++k) {
          const int col = sparse_col[k];
          if (scanned[col]) continue;
          const double r = base + sparse_cost[k] - v[col];
          if (r < dist[col]) {
            if (dist[col] == kInf) touched.push_back(col);
            dist[col] = r;
            path[col] = i;
            heap.push_back({r, col});
            std::push_heap(heap.begin(), heap.end(), Farther);
          }
        }
        // A column's older, longer entries surface only after its newest
        // one, when it is already scanned: dropping scanned tops suffices.
        while (!heap.empty() && scanned[heap.front().col]) {
          std::pop_heap(heap.begin(), heap.end(), Farther);
          heap.pop_back();
        }
        if (!heap.empty()) {
          j = heap.front().col;
          d = heap.front().dist;
        }
      }
      // The nearer end wins; a dummy is always free, so on a tie it wins
      // unless j is free too.
      if (j < 0 || dummy_dist < d || (dummy_dist == d && row4col[j] >= 0)) {
        min_val = dummy_dist;
        break;
      }
      min_val = d;
      if (row4col[j] < 0) {
        sink = j;
        break;
      }
      if (sparse) {
        scanned[j] = 1;
      } else {
        remaining[best] = remaining.back();
        remaining.pop_back();
      }
      done.push_back(j);
      i = row4col[j];
    }

    // Shift the potentials so reduced costs stay >= 0 and the pairs of the
    // new path are tight (Crouse 2016, Alg. 1, "update dual variables").
    u[start] += min_val;
    for (const int j : done) {
      const double delta = min_val - dist[j];
      u[row4col[j]] += delta;
      v[j] -= delta;
    }
    // Flip the path from its end back to `start`: each row on it takes the
    // next column and hands its old one to the row before it.
    for (int row = sink >= 0 ? path[sink] : dummy_row, col = sink;;) {
      const int previous = col4row[row];
      col4row[row] = col;
      if (col >= 0) row4col[col] = row;
      if (row == start) break;
      col = previous;
      row = path[col];
    }

    // Reset the workspace: in full when dense (O(m), as the search was),
    // only what was touched when sparse.
    if (sparse) {
      for (const int j : touched) dist[j] = kInf;
      for (const int j : done) scanned[j] = 0;
      touched.clear();
      heap.clear();
    } else {
      std::fill(dist.begin(), dist.end(), kInf);
    }
    done.clear();
  }

  // Read the answer; the total comes from the original costs, not the duals.
  Assignment result;
  result.row_to_col = col4row;
  result.col_to_row = row4col;
  for (int i = 0; i < n; ++i) result.total_cost += col4row[i] >= 0 ? cost(i, col4row[i]) : b[i];
  return result;
}

Assignment SolveAssignment(const Eigen::MatrixXd& cost, double unassigned_cost, AssignmentStorage storage) {
  CUPOLA_CHECK(std::isfinite(unassigned_cost),
               "SolveAssignment: unassigned_cost = " + std::to_string(unassigned_cost) + "; expected a finite value");
  return SolveAssignment(cost, Eigen::VectorXd::Constant(cost.rows(), unassigned_cost), storage);
}

}  // namespace cupola

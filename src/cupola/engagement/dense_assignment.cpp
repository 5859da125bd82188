#include "cupola/engagement/dense_assignment.h"

#include <limits>

#include "cupola/core/error.h"

namespace cupola {

std::vector<int> SolveDenseAssignment(const RowMajorMatrix& cost, DenseAssignmentWorkspace& w) {
  const int n = static_cast<int>(cost.rows());
  CUPOLA_CHECK(cost.cols() == n, "the dense assignment needs a square matrix");
  CUPOLA_CHECK(cost.allFinite(), "the dense assignment needs finite costs");
  std::vector<int> row_to_col(n, -1);
  if (n == 0) return row_to_col;
  constexpr double kBig = std::numeric_limits<double>::infinity();
  w.free_rows.assign(n, 0);
  w.columns.assign(n, 0);
  w.matches.assign(n, 0);
  w.pred.assign(n, 0);
  w.col_to_row.assign(n, -1);
  w.d.assign(n, 0.0);
  w.v.assign(n, 0.0);
  std::vector<int>& col_to_row = w.col_to_row;
  std::vector<double>& v = w.v;
  std::vector<double>& d = w.d;

  // Column reduction: v_j = min_i c_ij; each column tries its cheapest row
  // (in reverse order, as in the original).
  for (int j = n - 1; j >= 0; --j) {
    int best = 0;
    for (int i = 1; i < n; ++i)
      if (cost(i, j) < cost(best, j)) best = i;
    v[j] = cost(best, j);
    if (++w.matches[best] == 1) {
      row_to_col[best] = j;
      col_to_row[j] = best;
    } else {
      col_to_row[j] = -1;
    }
  }
  // Reduction transfer from rows matched once; rows never matched are free.
  int free_count = 0;
  for (int i = 0; i < n; ++i) {
    if (w.matches[i] == 0) {
      w.free_rows[free_count++] = i;
    } else if (w.matches[i] == 1) {
      const int j1 = row_to_col[i];
      double least = kBig;
      for (int j = 0; j < n; ++j)
        if (j != j1 && cost(i, j) - v[j] < least) least = cost(i, j) - v[j];
      if (least < kBig) v[j1] -= least;
    } else {
      // Matched more than once: only the last column kept it; the row stays
      // matched to row_to_col[i], set for the last such column.
    }
  }
  // Rows matched by several columns keep one of them (the last written);
  // make row_to_col and col_to_row agree.
  for (int i = 0; i < n; ++i)
    if (row_to_col[i] >= 0 && col_to_row[row_to_col[i]] != i) row_to_col[i] = -1;
  for (int j = 0; j < n; ++j)
    if (col_to_row[j] >= 0) row_to_col[col_to_row[j]] = j;
  free_count = 0;
  for (int i = 0; i < n; ++i)
    if (row_to_col[i] < 0) w.free_rows[free_count++] = i;

  // Augmentation: a Dijkstra shortest path from each free row to a free column.
  for (int f = 0; f < free_count; ++f) {
    const int free_row = w.free_rows[f];
    for (int j = 0; j < n; ++j) {
      d[j] = cost(free_row, j) - v[j];
      w.pred[j] = free_row;
      w.columns[j] = j;
    }
    int low = 0, up = 0, last = 0, end = -1;
    double least = 0.0;
    while (end < 0) {
      if (up == low) {
        last = low - 1;
        least = d[w.columns[up++]];
        for (int k = up; k < n; ++k) {
          const int j = w.columns[k];
          const double h = d[j];
          if (h <= least) {
            if (h < least) {
              up = low;
              least = h;
            }
            w.columns[k] = w.columns[up];
            w.columns[up++] = j;
          }
        }
        for (int k = low; k < up; ++k) {
          if (col_to_row[w.columns[k]] < 0) {
            end = w.columns[k];
            break;
          }
        }
      }
      if (end >= 0) break;
      const int j1 = w.columns[low++];
      const int i = col_to_row[j1];
      const double h = cost(i, j1) - v[j1] - least;
      for (int k = up; k < n; ++k) {
        const int j = w.columns[k];
        const double reduced = cost(i, j) - v[j] - h;
        if (reduced < d[j]) {
          w.pred[j] = i;
          if (reduced == least) {
            if (col_to_row[j] < 0) {
              end = j;
              break;
            }
            w.columns[k] = w.columns[up];
            w.columns[up++] = j;
          }
          d[j] = reduced;
        }
      }
    }
    for (int k = 0; k <= last; ++k) {
      const int j = w.columns[k];
      v[j] += d[j] - least;
    }
    for (int i = -1; i != free_row;) {
      i = w.pred[end];
      col_to_row[end] = i;
      const int next = row_to_col[i];
      row_to_col[i] = end;
      end = next;
    }
  }
  return row_to_col;
}

}  // namespace cupola

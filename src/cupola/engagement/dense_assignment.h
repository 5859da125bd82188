// cupola/engagement/dense_assignment.h -- square, dense linear assignment by
// the full Jonker-Volgenant algorithm (LAPJV), for the ejection neighbourhood
// of local_search.h.
//
// Problem. A finite N x N cost matrix c; find the permutation s minimising
// sum_i c_{i s(i)}. Jonker & Volgenant (1987, Computing 38:325-340) start
// with two cheap phases -- column reduction (v_j = min_i c_ij, each column
// offered to its cheapest row) and reduction transfer (a row matched once
// lowers its column's price to its second-best reduced cost) -- so that most
// rows are matched before the shortest augmenting paths (Dijkstra on the
// reduced costs c_ij - v_j) match the rest. On the ejection problems, whose
// costs are many near-equal small gains and a few large ones, that was 6x
// faster than the augmentations alone of core/assignment.h (1,567 problems of
// 200 x 200: 0.52 s against 4.4 s); the paper's third phase, augmenting row
// reduction, gained nothing there and can cycle on floating-point ties, so
// it is left out. core/assignment.h stays the general solver (rectangular,
// gated, with an "unassigned" option).
#pragma once

#include <Eigen/Core>
#include <vector>

namespace cupola {

using RowMajorMatrix = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;

/// Column of each row in a minimum-cost perfect matching of the square,
/// finite matrix `cost` (CUPOLA_CHECK). Scratch buffers in `workspace` are
/// reused between calls.
struct DenseAssignmentWorkspace {
  std::vector<int> free_rows, columns, matches, pred, col_to_row;
  std::vector<double> d, v;
};
std::vector<int> SolveDenseAssignment(const RowMajorMatrix& cost, DenseAssignmentWorkspace& workspace);

}  // namespace cupola

// cupola/core/assignment.h -- optimal rectangular linear assignment with
// an "unassigned" option, for global-nearest-neighbour association.
//
// Problem. Rows i = 0..n-1 (tracks), columns j = 0..m-1 (detections), costs
// c_ij with c_ij = +inf for a forbidden pair (outside the gate), and a finite
// cost b_i for leaving row i unassigned. Find a partial matching M (each row
// and each column used at most once) minimising
//     J(M) = sum_{(i,j) in M} c_ij + sum_{i not in M} b_i .
// Columns left over cost nothing (a detection nobody takes starts a track
// elsewhere). Nothing forces a pair to be made: a pair with c_ij >= b_i is
// never better than leaving row i unassigned, so such pairs are dropped
// before solving (ties resolve to "unassigned").
//
// Reduction. Give each row a private dummy column m+i with cost b_i (+inf for
// every other row). The n x (m+n) problem always has a full row assignment,
// and a row on its dummy column is "unassigned". The dummies are implicit:
// only row i reaches dummy i, so a search just keeps the nearest one seen.
//
// Solver. Shortest augmenting path with dual potentials (Jonker & Volgenant
// 1987; Crouse 2016, "On implementing 2D rectangular assignment algorithms",
// IEEE TAES 52(4), Alg. 1): rows are added one at a time; each free row
// reaches a free column by Dijkstra on the reduced costs
//     cbar_ij = c_ij - u_i - v_j >= 0 ,
// which are zero on the matched pairs; after each search the potentials are
// shifted so that this stays true, and the path is flipped. Each row adds one
// pair and keeps the matching optimal for the rows so far, so the result is
// an exact optimum. Worst case O(n^2 m) for dense rows, where one pass over
// the unscanned columns both relaxes and finds the nearest. Mostly forbidden
// (gated) matrices are stored as sparse rows: a search step then costs
// O(k log m) for a row with k allowed pairs (binary heap), never touching a
// forbidden entry; only the first read of the input visits all n m entries.
#pragma once

#include <Eigen/Core>
#include <vector>

namespace cupola {

/// An optimal assignment of rows (tracks) to columns (detections).
struct Assignment {
  std::vector<int> row_to_col;  // column of each row, -1 = unassigned; size n
  std::vector<int> col_to_row;  // row of each column, -1 = unused; size m
  double total_cost = 0.0;      // J = sum of assigned c_ij + sum of b_i over unassigned rows
};

/// How the solver stores the pairs it keeps. kAuto: sparse rows when fewer
/// than 10 % of the pairs are kept, else dense. Every choice gives an optimum
/// (on exact ties possibly a different one); forcing one is for tests and
/// benchmarks.
enum class AssignmentStorage { kAuto, kDense, kSparse };

/// Minimises J above. `cost` is n x m (n, m >= 0), finite or +inf (forbidden);
/// `unassigned_cost` (b_i) has one finite entry per row. Throws InternalError
/// (CUPOLA_CHECK) on NaN or -inf costs, a non-finite b_i or a size mismatch.
Assignment SolveAssignment(const Eigen::MatrixXd& cost, const Eigen::VectorXd& unassigned_cost,
                           AssignmentStorage storage = AssignmentStorage::kAuto);

/// Same with one b for every row.
Assignment SolveAssignment(const Eigen::MatrixXd& cost, double unassigned_cost,
                           AssignmentStorage storage = AssignmentStorage::kAuto);

}  // namespace cupola

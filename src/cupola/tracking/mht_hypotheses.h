// cupola/tracking/mht_hypotheses.h -- the k best global hypotheses of one
// scan: Murty's ranked assignments, over several parent hypotheses at once
// (Cox & Hingorani 1996).
//
// Problem. Parent hypotheses h = 0..H-1, each with an n_h x m cost matrix
// c^h_ij (+inf outside the gate), a cost b for leaving a track undetected,
// and its own cost so far o_h. A child is a parent plus a partial matching
// of its tracks to this scan's detections (core/assignment.h); its cost is
//     o_h + sum_{(i,j)} c^h_ij + sum_{i unmatched} b .
// We want the k children of lowest cost over all parents.
//
// Method (K. G. Murty, "An algorithm for ranking all the assignments in
// order of increasing cost", Operations Research 16(3), 1968; used for MHT by
// I. J. Cox & S. L. Hingorani, "An efficient implementation of Reid's
// multiple hypothesis tracking algorithm and its evaluation for the purpose
// of visual tracking", IEEE PAMI 18(2), 1996). One priority queue holds each
// parent's best child. Popping the cheapest child S = (a_0..a_{n-1}) splits
// the rest of its subproblem into n disjoint subproblems: the r-th fixes
// rows 0..r-1 to S's choices and forbids a_r (a detection, or "undetected")
// for row r; each subproblem's optimum goes into the queue. k pops give the
// k best, after at most k n assignment solves. Ties go to the earlier queued.
#pragma once

#include <Eigen/Core>
#include <span>
#include <vector>

namespace cupola {

/// One parent hypothesis's assignment problem.
struct HypothesisProblem {
  Eigen::MatrixXd cost;       // n x m, finite or +inf (forbidden); negative costs allowed
  double miss_cost = 0.0;     // b: a track left without a detection
  double parent_cost = 0.0;   // o_h: the parent's own cost
};

/// A child: which parent, and which detection each of its rows took.
struct RankedHypothesis {
  int parent = 0;
  std::vector<int> row_to_col;  // -1 = undetected
  double cost = 0.0;            // parent_cost + this scan's assignment cost
};

/// The at most k lowest-cost children over all parents, cheapest first.
std::vector<RankedHypothesis> KBestHypotheses(std::span<const HypothesisProblem> problems, int k);

}  // namespace cupola

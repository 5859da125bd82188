// cupola/assessment/area_probability.h -- the probability that a Gaussian
// impact point falls inside a (possibly non-convex) polygon.
//
// P(A) = integral over A of N(x; m, C) dx. In whitened coordinates
// w = L^-1 (x - m) (C = L L^T) the density is the standard normal and the
// polygon stays a polygon. Along each vertical line w_1 = u the polygon is a
// set of intervals [a_k, b_k] (even-odd rule), so
//   P = integral phi(u) sum_k (Phi(b_k) - Phi(a_k)) du,
// a one-dimensional integral whose integrand is smooth between the vertices'
// u: 8-point Gauss-Legendre on each piece. Exact to about 1e-9 for any
// simple polygon, convex or not, at O(V^2) cost for V vertices.
#pragma once

#include <Eigen/Core>

#include "cupola/geo/polygon.h"

namespace cupola {

/// P(impact inside `area`) for an impact point ~ N(mean_EN, cov_EN).
double ProbabilityInside(const Polygon& area, const Eigen::Vector2d& mean_EN, const Eigen::Matrix2d& cov_EN);

}  // namespace cupola

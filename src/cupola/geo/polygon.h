// cupola/geo/polygon.h -- simple polygons in the horizontal plane of W.
//
// Defended areas and alert zones are polygons given as lat/lon vertices and
// converted once to (east, north) metres in W. Polygons may be non-convex;
// they must be simple (no self-intersection), which the loader checks.
#pragma once

#include <Eigen/Core>
#include <optional>
#include <utility>
#include <vector>

namespace cupola {

struct Polygon {
  std::vector<Eigen::Vector2d> vertices_EN;  // (east, north) [m] in W, not closed

  /// True if p is inside (even-odd rule; points on an edge count as inside).
  bool Contains(const Eigen::Vector2d& p_EN) const;
  /// Area [m^2] (absolute value of the shoelace sum).
  double Area() const;
  /// Shoelace area [m^2]: positive when the vertices run counter-clockwise
  /// (seen from above, east = x, north = y), negative when clockwise.
  double SignedArea() const;
  /// Vertex-average centre [m].
  Eigen::Vector2d Centroid() const;
  /// Indices (i, j) of the first pair of non-adjacent edges that cross, if any.
  std::optional<std::pair<std::size_t, std::size_t>> FindSelfIntersection() const;
};

}  // namespace cupola

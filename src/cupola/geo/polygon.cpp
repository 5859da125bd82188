#include "cupola/geo/polygon.h"

#include <cmath>

namespace cupola {

namespace {
double Cross(const Eigen::Vector2d& a, const Eigen::Vector2d& b) { return a.x() * b.y() - a.y() * b.x(); }

bool OnSegment(const Eigen::Vector2d& p, const Eigen::Vector2d& a, const Eigen::Vector2d& b) {
  const double scale = std::max(1.0, (b - a).norm());
  if (std::abs(Cross(b - a, p - a)) > 1e-9 * scale * scale) return false;
  return (p - a).dot(p - b) <= 0.0;
}

bool SegmentsIntersect(const Eigen::Vector2d& a, const Eigen::Vector2d& b, const Eigen::Vector2d& c,
                       const Eigen::Vector2d& d) {
  const double d1 = Cross(d - c, a - c), d2 = Cross(d - c, b - c);
  const double d3 = Cross(b - a, c - a), d4 = Cross(b - a, d - a);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return OnSegment(a, c, d) || OnSegment(b, c, d) || OnSegment(c, a, b) || OnSegment(d, a, b);
}
}  // namespace

bool Polygon::Contains(const Eigen::Vector2d& p) const {
  const std::size_t n = vertices_EN.size();
  if (n < 3) return false;
  bool inside = false;
  for (std::size_t i = 0, j = n - 1; i < n; j = i++) {
    const Eigen::Vector2d& a = vertices_EN[i];
    const Eigen::Vector2d& b = vertices_EN[j];
    if (OnSegment(p, a, b)) return true;
    if ((a.y() > p.y()) != (b.y() > p.y())) {
      const double x_cross = a.x() + (p.y() - a.y()) * (b.x() - a.x()) / (b.y() - a.y());
      if (p.x() < x_cross) inside = !inside;
    }
  }
  return inside;
}

double Polygon::SignedArea() const {
  double twice = 0.0;
  const std::size_t n = vertices_EN.size();
  for (std::size_t i = 0; i < n; ++i) twice += Cross(vertices_EN[i], vertices_EN[(i + 1) % n]);
  return twice / 2.0;
}

double Polygon::Area() const { return std::abs(SignedArea()); }

Eigen::Vector2d Polygon::Centroid() const {
  Eigen::Vector2d sum = Eigen::Vector2d::Zero();
  for (const auto& v : vertices_EN) sum += v;
  return vertices_EN.empty() ? sum : Eigen::Vector2d(sum / static_cast<double>(vertices_EN.size()));
}

std::optional<std::pair<std::size_t, std::size_t>> Polygon::FindSelfIntersection() const {
  const std::size_t n = vertices_EN.size();
  for (std::size_t i = 0; i < n; ++i) {
    for (std::size_t j = i + 1; j < n; ++j) {
      // Adjacent edges share a vertex by construction; skip them.
      if (j == i + 1 || (i == 0 && j == n - 1)) continue;
      if (SegmentsIntersect(vertices_EN[i], vertices_EN[(i + 1) % n], vertices_EN[j], vertices_EN[(j + 1) % n]))
        return std::make_pair(i, j);
    }
  }
  return std::nullopt;
}

}  // namespace cupola

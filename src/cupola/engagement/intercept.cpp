#include "cupola/engagement/intercept.h"

#include <algorithm>
#include <cmath>

namespace cupola {

ThreatPath ThreatPath::From(std::vector<TrajectoryPoint> points, const FlightEnvironment& env) {
  ThreatPath path;
  path.points = std::move(points);
  path.height_m.reserve(path.points.size());
  for (const auto& p : path.points) {
    path.height_m.push_back(env.HeightFast(p.p_W));
    path.max_speed_mps = std::max(path.max_speed_mps, p.v_W.norm());
  }
  return path;
}

ThreatPath ThreatPath::Straight(const TrajectoryPoint& start, double t_end_s, double step_s,
                                const FlightEnvironment& env) {
  std::vector<TrajectoryPoint> points;
  for (double t = start.t_s;; t += step_s) {
    const double tt = std::min(t, t_end_s);
    points.push_back({tt, start.p_W + (tt - start.t_s) * start.v_W, start.v_W});
    if (tt >= t_end_s) break;
  }
  return From(std::move(points), env);
}

namespace {

// The path at time t (Hermite between samples) and g(t).
struct Evaluation {
  double t = 0.0, g = 0.0;
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  double range_m = 0.0, height_m = 0.0, speed_mps = 0.0;
  bool reachable = false;
};

class InterceptFunction {
 public:
  InterceptFunction(const ThreatPath& path, const Eigen::Vector3d& launcher_W, double t_launch_s,
                    const FlyOutTable& table, double min_speed_mps)
      : path_(path), launcher_(launcher_W), t_launch_(t_launch_s), table_(table), min_speed_(min_speed_mps) {}

  Evaluation operator()(double t) {
    ++evaluations;
    const auto& pts = path_.points;
    // Segment [k-1, k] holding t.
    auto it = std::upper_bound(pts.begin(), pts.end(), t, [](double x, const TrajectoryPoint& p) { return x < p.t_s; });
    std::size_t k = static_cast<std::size_t>(std::clamp<std::ptrdiff_t>(it - pts.begin(), 1, static_cast<std::ptrdiff_t>(pts.size()) - 1));
    const TrajectoryPoint& a = pts[k - 1];
    const TrajectoryPoint& b = pts[k];
    Evaluation e;
    e.t = t;
    e.p_W = b.t_s > a.t_s ? Interpolate(a, b, t).p_W : b.p_W;
    const double w = b.t_s > a.t_s ? std::clamp((t - a.t_s) / (b.t_s - a.t_s), 0.0, 1.0) : 1.0;
    e.height_m = path_.height_m[k - 1] + w * (path_.height_m[k] - path_.height_m[k - 1]);
    const Eigen::Vector3d d = e.p_W - launcher_;
    e.range_m = d.norm();
    const double elevation = e.range_m > 0.0 ? std::asin(std::clamp(d.z() / e.range_m, -1.0, 1.0)) : 0.0;
    double fly_out = 0.0;
    if (const auto reach = table_.Reach(e.range_m, elevation)) {
      e.reachable = true;
      fly_out = reach->time_s;
      e.speed_mps = reach->speed_mps;
    } else {
      // Beyond reach: a stand-in that keeps g continuous and negative, for stepping.
      const double edge = table_.MaxDistance(elevation);
      const auto at_edge = table_.Reach(edge * (1.0 - 1e-9), elevation);
      fly_out = (at_edge ? at_edge->time_s : 0.0) + (e.range_m - edge) / min_speed_;
    }
    e.g = t - t_launch_ - fly_out;
    return e;
  }

  int evaluations = 0;

 private:
  const ThreatPath& path_;
  Eigen::Vector3d launcher_;
  double t_launch_;
  const FlyOutTable& table_;
  double min_speed_;
};

}  // namespace

InterceptSolution SolveIntercept(const ThreatPath& path, const Eigen::Vector3d& launcher_W, double t_launch_s,
                                 const FlyOutTable& table, const Envelope& envelope) {
  InterceptSolution out;
  out.t_launch_s = t_launch_s;
  if (path.empty()) return out;
  const double t_end = path.points.back().t_s;
  if (t_end <= t_launch_s) return out;
  // Cheap rejection: the path never comes within reach of the launcher.
  const double reach = std::min(table.MaxDistance(), envelope.max_range_m);
  const double slack = path.max_speed_mps * (path.points[1].t_s - path.points[0].t_s);
  bool close = false;
  for (const auto& p : path.points) {
    if ((p.p_W - launcher_W).squaredNorm() <= (reach + slack) * (reach + slack) && p.t_s >= t_launch_s - 1.0) {
      close = true;
      break;
    }
  }
  if (!close) return out;

  // Slowest arrival speed in the table's reach: the table stops below the interceptor's minimum.
  constexpr double kMinSpeedFloor_mps = 50.0;
  const double min_speed = kMinSpeedFloor_mps;  // conservative slope bound for stepping
  InterceptFunction g(path, launcher_W, t_launch_s, table, min_speed);
  const double slope_bound = 1.5 * (1.0 + path.max_speed_mps / min_speed);

  Evaluation lo = g(std::max(t_launch_s, path.points.front().t_s));
  Evaluation root;
  if (lo.g >= 0.0) {
    root = lo;
  } else {
    // Safe steps, accelerated by the secant slope once two values are known;
    // a step that lands past the root closes the bracket.
    Evaluation prev = lo;
    bool have_prev = false;
    Evaluation hi;
    bool bracketed = false;
    for (int it = 0; it < 60; ++it) {
      double step = -lo.g / slope_bound;
      if (have_prev && lo.t > prev.t) {
        const double secant = (lo.g - prev.g) / (lo.t - prev.t);
        if (secant > 0.0) step = std::max(step, 1.05 * -lo.g / secant);
      }
      const double t_next = std::min(lo.t + std::max(step, 1e-4), t_end);
      const Evaluation next = g(t_next);
      if (next.g >= 0.0) {
        hi = next;
        bracketed = true;
        break;
      }
      if (t_next >= t_end) break;  // the threat lands first
      prev = lo, have_prev = true, lo = next;
      if (-lo.g < 1e-3) break;
    }
    if (!bracketed && -lo.g >= 1e-3) {
      out.iterations = g.evaluations;
      return out;
    }
    root = lo;
    // Regula falsi (Illinois) on [lo, hi] until |g| < 1 ms.
    if (bracketed) {
      double glo = lo.g, ghi = hi.g;
      int side = 0;
      for (int it = 0; it < 40; ++it) {
        const double t = (lo.t * ghi - hi.t * glo) / (ghi - glo);
        root = g(t);
        if (std::abs(root.g) < 1e-3 || hi.t - lo.t < 1e-6) break;
        if (root.g < 0.0) {
          lo = root, glo = root.g;
          if (side == -1) ghi *= 0.5;
          side = -1;
        } else {
          hi = root, ghi = root.g;
          if (side == +1) glo *= 0.5;
          side = +1;
        }
      }
    }
  }
  out.iterations = g.evaluations;
  out.t_intercept_s = root.t;
  out.p_intercept_W = root.p_W;
  out.range_m = root.range_m;
  out.height_m = root.height_m;
  out.interceptor_speed_mps = root.speed_mps;
  out.feasible = root.reachable && root.range_m >= envelope.min_range_m && root.range_m <= envelope.max_range_m &&
                 root.height_m >= envelope.min_altitude_m && root.height_m <= envelope.max_altitude_m;
  return out;
}

}  // namespace cupola

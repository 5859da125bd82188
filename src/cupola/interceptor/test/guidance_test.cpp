#include "cupola/interceptor/guidance.h"

#include <gtest/gtest.h>

#include <Eigen/Geometry>
#include <cmath>

namespace cupola {
namespace {

// Zarchan's linearised head-on engagement: missile at 600 m/s with a heading
// error, target at 300 m/s straight at it, 10 s to go, ideal PN (no lag).
struct Engagement {
  double max_relative_error = 0.0;  // of |a(t)| against the closed form, sampled
  double miss_m = 0.0;
};

Engagement Fly(double heading_error_rad, double n) {
  const double vm = 600.0, vt = 300.0, tf = 10.0;
  Eigen::Vector3d pm(0, 0, 0), vm_W(vm * std::cos(heading_error_rad), vm * std::sin(heading_error_rad), 0);
  const Eigen::Vector3d vt_W(-vt, 0, 0);
  Eigen::Vector3d pt((vm + vt) * tf, 0, 0);
  const NavigationGains gains{n, false};
  Engagement out;
  const double dt = 1e-4;
  double best = 1e300;
  for (double t = 0.0; t < tf + 0.5; t += dt) {
    const Eigen::Vector3d a = ProportionalNavigation(pm, vm_W, pt, vt_W, Eigen::Vector3d::Zero(), gains);
    // The closed form, at a few times before the end.
    for (const double sample : {0.0, 2.0, 5.0, 8.0}) {
      if (std::abs(t - sample) < dt / 2) {
        const double expected = vm * std::abs(heading_error_rad) * n / tf * std::pow(1 - t / tf, n - 2);
        out.max_relative_error = std::max(out.max_relative_error, std::abs(a.norm() - expected) / expected);
      }
    }
    // Lateral acceleration turns the velocity; the speed stays.
    const Eigen::Vector3d lateral = a - a.dot(vm_W) / vm_W.squaredNorm() * vm_W;
    vm_W += lateral * dt;
    vm_W *= vm / vm_W.norm();
    pm += vm_W * dt;
    pt += vt_W * dt;
    best = std::min(best, (pt - pm).norm());
  }
  out.miss_m = best;
  return out;
}

TEST(Guidance, PnMatchesZarchansClosedFormForAHeadingError) {
  for (const double n : {3.0, 4.0, 5.0}) {
    const Engagement e = Fly(0.02, n);
    EXPECT_LT(e.max_relative_error, 0.03) << "N = " << n;
    EXPECT_LT(e.miss_m, 0.2) << "N = " << n;  // ideal PN: no miss (one 0.06 m step of closing)
  }
}

TEST(Guidance, PnAndZeroEffortMissAgree) {
  // a_PN = N ZEM_perp / t_go^2 (Zarchan eq. 8.7) for a non-manoeuvring target.
  const Eigen::Vector3d pm(0, 0, 0), vm(500, 40, -20), pt(8000, 300, 900), vt(-250, 10, -30);
  const double n = 4.0;
  const Eigen::Vector3d a = ProportionalNavigation(pm, vm, pt, vt, Eigen::Vector3d::Zero(), {n, false});
  const Eigen::Vector3d r = pt - pm, v = vt - vm;
  const double t_go = -r.dot(v) / v.squaredNorm();
  const Eigen::Vector3d zem = ZeroEffortMiss(r, v);
  const Eigen::Vector3d u = r.normalized();
  const Eigen::Vector3d zem_perp = zem - zem.dot(u) * u;
  // PN with t_go = R / V_c equals the ZEM form to first order in the LOS angle.
  EXPECT_NEAR((a - n * zem_perp / (t_go * t_go)).norm() / a.norm(), 0.0, 0.02);
  EXPECT_NEAR(a.dot(r), 0.0, 1e-9 * a.norm() * r.norm());  // perpendicular to the line of sight
}

TEST(Guidance, AugmentedPnCancelsATargetManoeuvre) {
  // On a collision course, PN commands nothing; augmented PN adds N/2 of the
  // target's acceleration normal to the line of sight.
  const Eigen::Vector3d pm(0, 0, 0), vm(600, 0, 0), pt(9000, 0, 0), vt(-300, 0, 0), at(0, 30, 5);
  EXPECT_NEAR(ProportionalNavigation(pm, vm, pt, vt, at, {4.0, false}).norm(), 0.0, 1e-12);
  const Eigen::Vector3d a = ProportionalNavigation(pm, vm, pt, vt, at, {4.0, true});
  EXPECT_NEAR((a - Eigen::Vector3d(0, 60, 10)).norm(), 0.0, 1e-12);
}

}  // namespace
}  // namespace cupola

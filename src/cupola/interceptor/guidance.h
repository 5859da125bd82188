// cupola/interceptor/guidance.h -- proportional navigation.
//
// With r = p_target - p_missile (the line of sight), v = v_target - v_missile,
// the line-of-sight rate is omega = r x v / |r|^2 and the closing speed
// V_c = -r.v / |r|. True proportional navigation commands
//     a = N V_c (omega x r/|r|)
// perpendicular to the line of sight; augmented PN adds half of N times the
// target's acceleration normal to the line of sight, which removes the miss
// a constant target acceleration would cause (Zarchan, Tactical and
// Strategic Missile Guidance, 6th ed., ch. 2 and 8). For a non-manoeuvring
// target, a heading error HE and no lag, the command in the linearised
// engagement is a(t) = -V_m HE N / t_f (1 - t/t_f)^(N-2) and the miss is zero
// (test/guidance_test.cpp checks both).
#pragma once

#include <Eigen/Core>

namespace cupola {

struct NavigationGains {
  double navigation_constant = 4.0;  // N, typically 3-5
  bool augmented = false;            // add N/2 x target acceleration normal to the line of sight
};

/// Commanded acceleration [m/s^2] in W. `target_accel_W` is used only by augmented PN.
Eigen::Vector3d ProportionalNavigation(const Eigen::Vector3d& p_missile_W, const Eigen::Vector3d& v_missile_W,
                                       const Eigen::Vector3d& p_target_W, const Eigen::Vector3d& v_target_W,
                                       const Eigen::Vector3d& target_accel_W, const NavigationGains& gains);

/// Zero-effort miss: how far the target passes if neither side accelerates from now on [m, vector in W].
Eigen::Vector3d ZeroEffortMiss(const Eigen::Vector3d& r_W, const Eigen::Vector3d& v_rel_W);

}  // namespace cupola

// cupola/engagement/weapon.h -- what the battle manager asks of a battery's
// effector: can a shot from this launcher, leaving then, meet this threat's
// predicted path, where, and with what chance.
//
// The battle manager's loop (battle_manager.h) plans over launchers and
// threats with these answers alone, so a new effector kind (a gun firing
// bursts, a laser dwelling on its target, an interceptor drone) is a new
// implementation plus its construction in BatteryModel::From; the loop does
// not change. The interceptor missile (missile_weapon.h) is the first kind.
#pragma once

#include <Eigen/Core>

#include "cupola/engagement/intercept.h"
#include "cupola/scenario/spec.h"

namespace cupola {

// EffectorKind (scenario/spec.h), what a shot is in the world, picks the
// effector stage that flies it (sim/effector_stage.h); a new kind adds its
// value there.

class Weapon {
 public:
  virtual ~Weapon() = default;
  /// Which stage turns this weapon's fire orders into shots.
  virtual EffectorKind Kind() const = 0;
  /// The intercept of `path` by a shot from `launcher_W` leaving at t_launch_s
  /// (not `feasible` when it cannot meet the path inside the envelope).
  virtual InterceptSolution Solve(const ThreatPath& path, const Eigen::Vector3d& launcher_W, double t_launch_s) const = 0;
  /// The single-shot kill probability the battle manager plans with, against
  /// a falling threat (rocket, mortar bomb) or, if not `falls`, a drone.
  virtual double PlanningPk(bool falls) const = 0;
  /// The planning Pk of the shot `solution` (a gun's falls with range);
  /// by default PlanningPk(falls).
  virtual double PlanningPkOf(bool falls, const InterceptSolution& solution) const {
    (void)solution;
    return PlanningPk(falls);
  }
  /// What one shot costs [USD].
  virtual double CostPerShot_usd() const = 0;
};

}  // namespace cupola

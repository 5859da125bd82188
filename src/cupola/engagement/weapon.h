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

namespace cupola {

/// What a shot is in the world: which effector stage flies it
/// (sim/effector_stage.h). A new kind adds its value here.
enum class EffectorKind { kMissile };

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
  /// What one shot costs [USD].
  virtual double CostPerShot_usd() const = 0;
};

}  // namespace cupola

// cupola/engagement/battery.h -- a battery as the battle manager sees it:
// launchers, interceptor, envelope, cost and firing doctrine.
//
// Built once from the scenario (BatterySpec) into the scenario frame W; the
// changing state (interceptors left, reloads) lives in the BattleManager.
#pragma once

#include <Eigen/Core>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "cupola/engagement/fly_out.h"
#include "cupola/engagement/intercept.h"
#include "cupola/engagement/weapon.h"
#include "cupola/geo/local_frame.h"
#include "cupola/physics/interceptor_type.h"
#include "cupola/scenario/spec.h"

namespace cupola {

struct LauncherModel {
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();
  int capacity = 0;                   // interceptors when loaded
  double reload_s = 0.0;              // from empty to loaded again
  double min_launch_interval_s = 0.0;
};

/// How a battery fires (docs/battle_manager.md).
struct Doctrine {
  int max_interceptors_per_threat = 2;
  bool shoot_look_shoot = true;
  double kill_assessment_s = 2.0;
  double reaction_time_s = 1.0;
  double value_usd_per_unit = 0.0;  // 0: no value/cost rule
  // Kill assessment that can be wrong (battle_manager.h): per assessment.
  double false_kill_declaration_probability = 0.0;  // a survivor declared killed: no follow-up shot
  double missed_kill_probability = 0.0;             // a kill not seen: the threat may be fired at again
  bool area_defence = false;  // engages any drone within reach (docs/battle_manager.md#area-defence)
  double area_value = 1.0;    // the value it credits such a drone when it threatens no defended area
};

/// The single-shot kill probability the battle manager plans with, by what
/// the picture can tell apart: a falling threat (rocket or mortar bomb) or a
/// drone. sim/world.cpp estimates it from the endgame model
/// (interceptor/pk_calibration.h), or takes the battery's single_shot_pk
/// override; the defaults serve batteries built by hand (tests, benches).
struct PkByThreatClass {
  double falling = 0.7;
  double drone = 0.7;
  double For(bool falls) const { return falls ? falling : drone; }
};

struct BatteryModel {
  std::string name;
  InterceptorType interceptor;  // the catalog's, with the battery's overrides (scenario.md#batteries)
  std::vector<LauncherModel> launchers;
  Envelope envelope;
  FlyOutTable fly_out;
  double cost_per_interceptor_usd = 0.0;
  Doctrine doctrine;
  std::shared_ptr<const Weapon> weapon;  // what the battle manager plans with (weapon.h); shared by copies
  PkByThreatClass planning_pk;              // set before UseMissileWeapon
  std::optional<double> single_shot_pk_override;  // the scenario's single_shot_pk: replaces the estimate

  /// From the scenario's battery; `frame` places the launchers, `atmosphere`
  /// (may be null) and the ground height shape the fly-out table.
  static BatteryModel From(const BatterySpec& spec, const LocalFrame& frame, const AtmosphereTable* atmosphere,
                           double ground_alt_m);
  /// Arms it with its interceptor missile (missile_weapon.h), from the fields above.
  void UseMissileWeapon();
  /// Arms it with the scenario's gun instead (gun_weapon.h): each launcher is a
  /// mount, its interceptors bursts; envelope, cost and planning Pk are the gun's.
  void UseGun(const BatterySpec& spec);
  bool IsGun() const { return weapon != nullptr && weapon->Kind() == EffectorKind::kGun; }
};

}  // namespace cupola

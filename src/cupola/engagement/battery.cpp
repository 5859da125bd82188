#include "cupola/engagement/battery.h"

#include <algorithm>

#include "cupola/core/error.h"
#include "cupola/engagement/gun_weapon.h"
#include "cupola/engagement/missile_weapon.h"
#include "cupola/scenario/presets.h"

namespace cupola {

BatteryModel BatteryModel::From(const BatterySpec& spec, const LocalFrame& frame, const AtmosphereTable* atmosphere,
                                double ground_alt_m) {
  const InterceptorType* type = FindCatalogInterceptor(spec.interceptor);
  CUPOLA_CHECK(type != nullptr, "the loader accepts only catalog interceptors");
  InterceptorType interceptor = *type;
  if (spec.navigation_constant) interceptor.navigation_constant = *spec.navigation_constant;
  if (spec.augmented_pn) interceptor.augmented_pn = *spec.augmented_pn;
  if (spec.lethal_radius_m) interceptor.lethal_radius_m = *spec.lethal_radius_m;
  if (spec.kill_model) interceptor.kill_model = *spec.kill_model;
  BatteryModel b{spec.name, interceptor, {}, {}, FlyOutTable(interceptor, atmosphere, ground_alt_m),
                 spec.cost_per_interceptor_usd, {}, nullptr, {}, {}};
  for (const LauncherSpec& l : spec.launchers)
    b.launchers.push_back({frame.ToLocal(l.site), l.interceptors, l.reload_s, l.min_launch_interval_s});
  // The reach follows from the fly-out: a limit beyond it would promise what
  // the interceptor cannot do (validate warns about such a limit).
  const double reach_m = b.fly_out.MaxDistance();
  b.envelope = {spec.min_range_m, std::min(spec.max_range_m.value_or(reach_m), reach_m), spec.min_altitude_m,
                spec.max_altitude_m};
  b.single_shot_pk_override = spec.single_shot_pk;
  if (spec.single_shot_pk) b.planning_pk = {*spec.single_shot_pk, *spec.single_shot_pk};
  b.UseMissileWeapon();
  b.doctrine = {spec.max_interceptors_per_threat, spec.shoot_look_shoot, spec.kill_assessment_s, spec.reaction_time_s,
                spec.value_usd_per_unit, spec.false_kill_declaration_probability, spec.missed_kill_probability,
                spec.defend == DefendMode::kArea, spec.area_value};
  if (spec.effector == EffectorKind::kGun) b.UseGun(spec);
  return b;
}

void BatteryModel::UseGun(const BatterySpec& spec) {
  const GunType* catalog = FindCatalogGun(spec.gun_type);
  CUPOLA_CHECK(catalog != nullptr, "the loader accepts only catalog guns");
  GunType type = *catalog;
  if (spec.burst_rounds) type.burst_rounds = *spec.burst_rounds;
  if (spec.muzzle_velocity_mps) type.muzzle_velocity_mps = *spec.muzzle_velocity_mps;
  if (spec.cost_per_round_usd) type.cost_per_round_usd = *spec.cost_per_round_usd;
  const GunMount mount{spec.sector_center_rad, spec.sector_width_rad, GunMount{}.min_height_m, spec.max_altitude_m};
  auto gun = std::make_shared<GunWeapon>(type, mount);
  // A mount fires its next burst once this one is out and it has slewed to
  // the next target: the launch interval covers both.
  for (LauncherModel& l : launchers)
    l.min_launch_interval_s = std::max(l.min_launch_interval_s, gun->BurstDuration_s() + type.slew_time_s);
  envelope = {type.min_range_m, type.max_range_m, mount.min_height_m, mount.max_height_m};
  cost_per_interceptor_usd = gun->CostPerShot_usd();
  planning_pk = {gun->PlanningPk(true), gun->PlanningPk(false)};
  weapon = std::move(gun);
}

void BatteryModel::UseMissileWeapon() {
  weapon = std::make_shared<MissileWeapon>(fly_out, envelope, planning_pk, cost_per_interceptor_usd);
}

}  // namespace cupola

// cupola/engagement/missile_weapon.h -- the interceptor missile as a Weapon:
// intercepts from its fly-out table inside the battery's envelope
// (intercept.h), the battery's planning Pk (battery.h PkByThreatClass), its cost per interceptor.
#pragma once

#include "cupola/engagement/battery.h"
#include "cupola/engagement/fly_out.h"
#include "cupola/engagement/weapon.h"

namespace cupola {

class MissileWeapon : public Weapon {
 public:
  MissileWeapon(FlyOutTable fly_out, Envelope envelope, PkByThreatClass pk, double cost_usd)
      : fly_out_(std::move(fly_out)), envelope_(envelope), pk_(pk), cost_usd_(cost_usd) {}
  InterceptSolution Solve(const ThreatPath& path, const Eigen::Vector3d& launcher_W, double t_launch_s) const override {
    return SolveIntercept(path, launcher_W, t_launch_s, fly_out_, envelope_);
  }
  EffectorKind Kind() const override { return EffectorKind::kMissile; }
  double PlanningPk(bool falls) const override { return pk_.For(falls); }
  double CostPerShot_usd() const override { return cost_usd_; }

 private:
  FlyOutTable fly_out_;
  Envelope envelope_;
  PkByThreatClass pk_;
  double cost_usd_;
};

}  // namespace cupola

// cupola/engagement/gun_weapon.h -- an automatic air-defence cannon firing
// bursts of programmable airburst rounds, as a Weapon (weapon.h).
//
// Flight of a round. Drag slows a sub-calibre round about in proportion to
// its speed per metre: v(s) = v0 exp(-k s), so its time of flight to the
// slant range s is
//     T(s) = (exp(k s) - 1) / (k v0)      (s / v0 when k = 0).
// Gravity drop is the fire control's to correct and is left out.
// Intercept. The burst leaves at t_L and meets the threat's predicted path
// p(t) at the first t with t - t_L = T(|p(t) - gun|); feasible when that
// point is in the gun's slant range [min, max], its elevation limits, its
// azimuth sector, and above the ground (min_height_m).
// Kill. One round bursts ahead of the target and throws a cone of tungsten
// sub-projectiles; its lethality against a target at miss distance x from
// the burst line is taken as a Carleton function exp(-x^2 / 2 r^2) (r: the
// cloud radius, per threat class). Rounds scatter about the burst's mean
// point with a circular Gaussian of sigma_d = dispersion x R, and the mean
// point misses the target by an offset d (the fire control's aim error, one
// draw per burst, circular Gaussian of sigma_a = aim_error x R). The exact
// convolution gives one round's kill probability
//     p(d) = r^2 / (r^2 + sigma_d^2) exp(-d^2 / (2 (r^2 + sigma_d^2))) ,
// and N rounds, independent given d,
//     P_burst(d) = 1 - (1 - p(d))^N .
// The battle manager plans with its mean over the aim error (d Rayleigh with
// sigma_a), at the intercept's range (PlanningPkOf). docs/effectors.md.
#pragma once

#include "cupola/engagement/intercept.h"
#include "cupola/engagement/weapon.h"
#include "cupola/physics/gun_type.h"

namespace cupola {

/// One round's kill probability p(d) above (m, m, m).
double GunRoundPk(double cloud_radius_m, double dispersion_m, double offset_m);
/// 1 - (1 - p)^N.
double GunBurstPk(double round_pk, int rounds);

/// Where a gun may fire: its site's sector and limits (the gun type's, or the battery's).
struct GunMount {
  double sector_center_rad = 0.0;  // azimuth, clockwise from north
  double sector_width_rad = 6.283185307179586;
  double min_height_m = 10.0;      // above ground at the intercept
  double max_height_m = 10e3;
};

class GunWeapon : public Weapon {
 public:
  GunWeapon(GunType type, GunMount mount) : type_(std::move(type)), mount_(mount) {}

  EffectorKind Kind() const override { return EffectorKind::kGun; }
  InterceptSolution Solve(const ThreatPath& path, const Eigen::Vector3d& launcher_W, double t_launch_s) const override;
  /// At two thirds of the maximum range (a range-free summary; plans use PlanningPkOf).
  double PlanningPk(bool falls) const override;
  double PlanningPkOf(bool falls, const InterceptSolution& solution) const override {
    return ExpectedBurstPk(falls, solution.range_m);
  }
  double CostPerShot_usd() const override { return type_.burst_rounds * type_.cost_per_round_usd; }

  /// T(s) above [s].
  double TimeOfFlight(double range_m) const;
  /// The burst's kill probability at slant range R with the mean point off by d.
  double BurstPk(bool falls, double range_m, double offset_m) const;
  /// Its mean over the aim error's Rayleigh offset (numerical quadrature).
  double ExpectedBurstPk(bool falls, double range_m) const;
  /// Azimuth and elevation limits only (range and height are checked by Solve).
  bool Covers(const Eigen::Vector3d& launcher_W, const Eigen::Vector3d& p_W) const;
  /// How long a burst lasts [s].
  double BurstDuration_s() const { return type_.burst_rounds / type_.rate_of_fire_rps; }

  const GunType& type() const { return type_; }
  const GunMount& mount() const { return mount_; }

 private:
  GunType type_;
  GunMount mount_;
};

}  // namespace cupola

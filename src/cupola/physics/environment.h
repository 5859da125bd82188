// cupola/physics/environment.h -- what the air and the Earth do to a flight.
//
// Acceleration of a point mass in the scenario frame W (ENU at the origin):
//   a = -gamma(phi, h) up(p)          WGS84 normal gravity along the normal
//       - 2 Omega_W x v               Coriolis (W rotates with the Earth)
//       + (F_drag + F_thrust) / m
// Heights are above the ground, a surface parallel to the WGS84 ellipsoid at
// `ground_alt_m` (terrain is not modelled). Every switch exists so analytic
// cases can be reproduced exactly: flat earth + constant gravity + vacuum is
// the textbook parabola.
#pragma once

#include <Eigen/Core>
#include <Eigen/Geometry>  // cross products

#include "cupola/core/units.h"
#include "cupola/geo/local_frame.h"
#include "cupola/physics/atmosphere.h"
#include "cupola/physics/gravity.h"

namespace cupola {

struct FlightEnvironment {
  const LocalFrame* frame = nullptr;                // required
  const AtmosphereTable* atmosphere = nullptr;      // nullptr: vacuum
  bool curved_earth = true;      // false: flat ground z = ground_alt_m - origin alt
  bool normal_gravity = true;    // false: constant kStandardGravity along -z
  bool earth_rotation = true;    // Coriolis acceleration
  Eigen::Vector3d wind_W = Eigen::Vector3d::Zero();  // [m/s], constant
  double ground_alt_m = 0.0;     // ellipsoidal height of the ground

  /// The standard choice for scenario runs: everything on.
  static FlightEnvironment Standard(const LocalFrame& frame, double ground_alt_m);
  /// The textbook case: flat earth, constant g0, vacuum, no rotation.
  static FlightEnvironment Vacuum(const LocalFrame& frame);

  /// Height above ground [m], fast (hot loop); see LocalFrame::FastHeight.
  double HeightFast(const Eigen::Vector3d& p_W) const {
    return (curved_earth ? frame->FastHeight(p_W) : frame->origin().alt_m + p_W.z()) - ground_alt_m;
  }
  /// Height above ground [m], exact (GeographicLib); used to pin down impacts.
  double HeightExact(const Eigen::Vector3d& p_W) const {
    return (curved_earth ? frame->Height(p_W) : frame->origin().alt_m + p_W.z()) - ground_alt_m;
  }
  /// Unit vector "up" at p, in W.
  Eigen::Vector3d Up(const Eigen::Vector3d& p_W) const {
    return curved_earth ? frame->FastUp(p_W) : Eigen::Vector3d::UnitZ();
  }
  /// Gravity plus Coriolis acceleration [m/s^2] in W (inline: the hot loops' call).
  Eigen::Vector3d GravityAndCoriolis(const Eigen::Vector3d& p_W, const Eigen::Vector3d& v_W, double height_m) const {
    Eigen::Vector3d a;
    if (normal_gravity) {
      a = -NormalGravityFromSin(frame->FastSinLatitude(p_W), height_m + ground_alt_m) * Up(p_W);
    } else {
      a = Eigen::Vector3d(0.0, 0.0, -kStandardGravity);
    }
    if (earth_rotation) a -= 2.0 * frame->EarthRate_W().cross(v_W);
    return a;
  }
};

}  // namespace cupola

// cupola/physics/threat_type.h -- the physical description of a threat type.
//
// Plain data, SI units. The catalog (scenario/presets) fills these from
// public figures; scenario files can add their own under `threat_types`.
#pragma once

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "cupola/physics/drag_curve.h"

namespace cupola {

enum class ThreatKind { kRocket, kMortar, kDrone };
const char* ToString(ThreatKind kind);

/// Solid motor with constant thrust: mass flow = propellant / burn time.
struct RocketMotor {
  double thrust_N = 0.0;
  double burn_time_s = 0.0;
  double propellant_kg = 0.0;
};

/// Rockets and mortar bombs: a point mass under gravity, drag and thrust.
struct BallisticParams {
  double launch_mass_kg = 0.0;       // including propellant
  double diameter_m = 0.0;           // calibre; reference area pi d^2 / 4
  double muzzle_velocity_mps = 0.0;  // > 0 for guns and mortars, 0 for rockets (the full charge)
  /// Mortars: muzzle velocity of each charge [m/s], ascending, the last the
  /// full charge (== muzzle_velocity_mps); empty: one charge only.
  std::vector<double> charge_muzzle_velocities_mps;
  double rail_length_m = 0.0;        // guided length before free flight (rockets)
  RocketMotor motor;                 // thrust_N == 0 for mortars
  DragCurve drag;
  double min_elevation_rad = 0.0;
  double max_elevation_rad = 0.0;
  /// Elevation of maximum range; NaN = chosen by the engine (golden-section search).
  double best_elevation_rad = std::numeric_limits<double>::quiet_NaN();
  /// Mortars fire on the high-angle branch (above the max-range elevation).
  bool high_angle = false;
  /// Published maximum range [m], for validation and docs; 0 if none.
  double published_max_range_m = 0.0;

  double ReferenceArea_m2() const { return 0.25 * 3.14159265358979323846 * diameter_m * diameter_m; }
  /// The charges' muzzle velocities [m/s], ascending (one entry for a single charge or a rocket).
  std::vector<double> Charges_mps() const {
    return charge_muzzle_velocities_mps.empty() ? std::vector<double>{muzzle_velocity_mps} : charge_muzzle_velocities_mps;
  }
  double MassFlow_kgps() const { return motor.burn_time_s > 0 ? motor.propellant_kg / motor.burn_time_s : 0.0; }
};

/// One-way attack drones: kinematic flight along waypoints, then a dive.
struct DroneParams {
  double mass_kg = 0.0;
  double cruise_speed_mps = 0.0;
  double cruise_height_m = 0.0;     // above ground
  double max_turn_rate_radps = 0.0;
  double max_climb_rate_mps = 0.0;  // also the limit for descending in cruise
  double dive_angle_rad = 0.0;      // below the horizontal
  double dive_speed_mps = 0.0;
};

/// What goes wrong with a threat, and how far from its aim it falls: the
/// attacker's side of the outcome (docs/threats.md gives the sources).
/// Each probability is drawn once per threat, in this order: the launch
/// fails (it never leaves the launcher), else the motor stops early (rockets:
/// at a uniform fraction of the burn), else, if it comes down, the warhead
/// may not function (a dud). The aiming error is a circular normal about the
/// aim point with CEP = cep_fraction_of_range x range (rockets, mortars) or
/// cep_m (drones); sigma per axis = CEP / sqrt(2 ln 2) = CEP / 1.1774.
struct ThreatReliability {
  double launch_failure_probability = 0.0;
  double motor_failure_probability = 0.0;  // rockets only
  double dud_probability = 0.0;
  double cep_fraction_of_range = 0.0;      // rockets and mortars [-]
  double cep_m = 0.0;                      // drones [m]
  /// Drones with satellite navigation jammed (a salvo's `gnss_jammed`):
  /// inertial navigation only, CEP [m]; it replaces cep_m.
  double cep_jammed_m = 0.0;
};

/// sigma of each horizontal axis [m] of a circular normal whose CEP is `cep_m`.
inline double SigmaFromCep(double cep_m) { return cep_m / std::sqrt(2.0 * std::log(2.0)); }

struct ThreatType {
  std::string name;
  std::string description;
  ThreatKind kind = ThreatKind::kRocket;
  BallisticParams ballistic;  // rockets and mortars
  DroneParams drone;          // drones
  ThreatReliability reliability;
  /// false: a decoy -- it flies, is seen and engaged like the real thing,
  /// but its impact does no damage and is not a hit.
  bool has_warhead = true;
  double rcs_m2 = 0.0;        // nominal radar cross section (used by sensors)
  double cost_usd = 0.0;      // attacker's unit cost (cost-exchange ratios)
  std::string source;         // where the numbers come from (docs/threats.md)

  bool IsBallistic() const { return kind != ThreatKind::kDrone; }
};

}  // namespace cupola

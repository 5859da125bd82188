// cupola/scenario/spec.h -- a scenario as plain, checked data (format v1).
//
// The loader (loader.h) fills these from YAML, converting every value to SI
// and radians once; after loading, nothing in them needs checking again.
// Each spec keeps where it came from so later stages can point at the file.
// A member's initializer is its key's default (the one place defaults live):
// scenario_fields.cpp declares each key against it, and docs/scenario.md's
// key tables and schemas/scenario.schema.json are generated from there.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "cupola/core/error.h"
#include "cupola/core/units.h"
#include "cupola/geo/local_frame.h"
#include "cupola/physics/interceptor_type.h"
#include "cupola/physics/threat_type.h"
#include "cupola/scenario/tracker_config.h"

namespace cupola {

struct DefendedAreaSpec {
  std::string name;
  double value = 1.0;                  // people or asset value protected
  std::vector<GeodeticPoint> polygon;  // vertices on the ground
  SourceLocation where;
};

struct AlertZoneSpec {
  std::string name;
  std::vector<GeodeticPoint> polygon;
  double population = 0.0;
  double threshold_probability = 0.1;  // alert when P(impact in zone) passes this
  SourceLocation where;
};

/// A drone's waypoint (salvos' `waypoints`): where, at what height, how long it circles there.
struct WaypointSpec {
  double lat_deg = 0.0;
  double lon_deg = 0.0;
  std::optional<double> altitude_m;  // above ground, from the leg toward it on; absent: unchanged
  double loiter_s = 0.0;             // circling at the turn radius
  GeodeticPoint Point() const { return {lat_deg, lon_deg, 0.0}; }
};

/// A salvo: `count` threats of one type from one launch site, one every
/// `interval_s` from `start_s`, aimed at a point or a defended area with a
/// circular normal dispersion; drones also follow waypoints.
struct SalvoSpec {
  std::string name;
  std::string type;  // catalog or user threat type name
  int count = 1;
  double start_s = 0.0;
  double interval_s = 0.0;
  GeodeticPoint launch_site;
  std::optional<GeodeticPoint> aim_point;
  std::string aim_area;                       // name of a defended area, or empty
  double aim_sigma_m = 0.0;                   // 1-sigma per horizontal axis
  std::optional<double> elevation_rad;        // fixed launch elevation (no aiming in range)
  std::optional<int> charge;                  // mortars: fixed charge (0 = lowest), else the crew's rule
  // Overrides of the type's ThreatReliability (physics/threat_type.h); absent: the type's.
  std::optional<double> launch_failure_probability;
  std::optional<double> motor_failure_probability;
  std::optional<double> dud_probability;
  std::optional<double> cep_fraction_of_range;
  std::optional<double> cep_m;
  bool gnss_jammed = false;                   // drones: the type's cep_jammed_m instead of its cep_m
  std::vector<WaypointSpec> waypoints;        // drones only
  SourceLocation where;
};

/// How a radar's beam covers its sector.
enum class RadarScan {
  kElectronic,  // electronically scanned: every target is seen at the scan time
  kRotating,    // mechanically rotating: each target when the beam passes its azimuth
};

struct RadarSpec {
  std::string name;
  GeodeticPoint site;
  double revisit_s = 1.0;
  double min_range_m = 0.0;
  double max_range_m = 70e3;
  double azimuth_center_rad = 0.0;  // clockwise from north
  double azimuth_width_rad = DegToRad(360.0);
  double min_elevation_rad = 0.0;
  double max_elevation_rad = DegToRad(85.0);
  double sigma_range_m = 10.0;
  double sigma_azimuth_rad = 2e-3;
  double sigma_elevation_rad = 2e-3;
  double sigma_radial_velocity_mps = 0.0;  // 0: no Doppler measurement
  RadarScan scan = RadarScan::kElectronic;
  double azimuth_beamwidth_rad = 0.0;      // informational (docs); 0 = not given
  // Detection: Swerling 1 with Pd = Pfa^(1 / (1 + SNR)), SNR = SNR_ref (rcs / rcs_ref) (R_ref / R)^4.
  // Either given as "Pd at a reference range and RCS", or from the radar range equation.
  double detection_probability = 0.9;      // at the reference range and RCS
  double reference_range_m = 40e3;
  double reference_rcs_m2 = 0.1;
  double false_alarm_probability = 1e-6;   // per resolution cell, sets the detection threshold
  struct RangeEquation {
    double peak_power_W = 0.0;
    double antenna_gain_dB = 0.0;
    double frequency_Hz = 0.0;
    double pulse_width_s = 0.0;
    int pulses_integrated = 1;
    double noise_figure_dB = 3.0;
    double losses_dB = 6.0;
  };
  std::optional<RangeEquation> range_equation;  // when set, replaces detection_probability
  double false_alarms_per_scan = 0.0;
  SourceLocation where;
};

struct LauncherSpec {
  GeodeticPoint site;
  int interceptors = 20;
  double reload_s = 600.0;
  double min_launch_interval_s = 1.0;
  SourceLocation where;
};

/// What a battery fires (docs/effectors.md): interceptor missiles or gun bursts.
enum class EffectorKind { kMissile, kGun };
/// Which drones a battery engages (docs/battle_manager.md#area-defence): those
/// predicted into an area it defends (point), or any within its reach (area).
enum class DefendMode { kPoint, kArea };

struct BatterySpec {
  std::string name;
  EffectorKind effector = EffectorKind::kMissile;
  std::string interceptor = "tamir";
  // A gun battery's gun (effector: gun; docs/effectors.md); each launcher is a mount and
  // its `interceptors` count bursts.
  std::string gun_type = "skynex_35";
  std::optional<int> burst_rounds;                // absent: the gun type's
  std::optional<double> muzzle_velocity_mps;      // absent: the gun type's
  std::optional<double> cost_per_round_usd;       // absent: the gun type's
  double sector_center_rad = 0.0;                 // azimuth the mount covers, clockwise from north
  double sector_width_rad = 6.283185307179586;    // full circle by default
  DefendMode defend = DefendMode::kPoint;
  double area_value = 1.0;  // value at risk credited to a drone engaged only by area defence
  std::vector<LauncherSpec> launchers;
  double min_range_m = 4e3;
  std::optional<double> max_range_m;  // absent: the interceptor's kinematic reach (BatteryModel::From)
  double min_altitude_m = 100.0;
  double max_altitude_m = 10e3;
  double cost_per_interceptor_usd = 50e3;
  double engage_threshold = 1.0;  // value at risk that triggers an engagement
  std::vector<std::string> defends;  // defended area names; empty = all
  // Firing doctrine (docs/battle_manager.md).
  int max_interceptors_per_threat = 2;
  bool shoot_look_shoot = true;      // fire one, look, fire again if it survived and time allows
  double kill_assessment_s = 2.0;    // from the predicted intercept to knowing whether it killed
  double reaction_time_s = 1.0;      // from a fire decision to the interceptor leaving the launcher
  double value_usd_per_unit = 0.0;   // worth of one unit of defended value; 0 = no value/cost rule
  double uplink_loss_probability = 0.0;  // per mid-course refresh to an interceptor in flight
  double uplink_latency_s = 0.0;         // from a refresh's sending to its arrival at the interceptor
  double false_kill_declaration_probability = 0.0;  // per kill assessment of a survivor: declared killed
  double missed_kill_probability = 0.0;             // per kill assessment of a kill: declared survived
  // Overrides of the interceptor type's guidance and warhead (absent: the catalog's).
  std::optional<double> navigation_constant;
  std::optional<bool> augmented_pn;
  std::optional<double> lethal_radius_m;
  std::optional<KillModel> kill_model;
  std::optional<double> single_shot_pk;   // overrides the planning Pk estimated from the endgame model
  SourceLocation where;
};

/// A time when a link carries nothing.
struct LinkOutage {
  double start_s = 0.0, end_s = 0.0;
};

struct LinkSpec {
  std::string name;
  std::string from, to;  // radar or battery names
  double latency_s = 0.0;
  double jitter_s = 0.0;  // extra delay per message, uniform in [0, jitter_s]
  double loss_probability = 0.0;
  std::optional<double> bandwidth_kbps;  // absent: as fast as needed
  std::vector<LinkOutage> outages;
  SourceLocation where;
};

/// Numerical and environmental settings of the flight physics.
struct PhysicsSpec {
  double step_s = 0.25;            // RK4 step after burn-out
  double boost_step_s = 0.05;      // RK4 step while a motor burns
  double drone_step_s = 0.1;
  double trajectory_sample_s = 1.0;  // spacing of trajectories.csv rows
  bool earth_rotation = true;
  double wind_speed_mps = 0.0;
  double wind_from_rad = 0.0;      // direction the wind blows from, clockwise from north
};

struct ScenarioSpec {
  int version = 1;
  std::string name;         // default: file stem
  std::string description;
  std::string source_file;
  GeodeticPoint origin;
  double duration_s = 600.0;
  std::uint64_t seed = 1;
  PhysicsSpec physics;
  std::vector<DefendedAreaSpec> defended_areas;
  std::vector<AlertZoneSpec> alert_zones;
  std::vector<ThreatType> threat_types;  // user-defined, beside the catalog
  std::vector<SalvoSpec> threats;
  std::vector<RadarSpec> radars;
  std::vector<BatterySpec> batteries;
  std::vector<LinkSpec> links;
  TrackerConfig tracker;  // `tracker:` section; defaults when absent

  /// The threat type named `name`: user-defined first, then the catalog; nullptr if none.
  const ThreatType* FindThreatType(const std::string& name) const;
  int TotalThreats() const;
};

}  // namespace cupola

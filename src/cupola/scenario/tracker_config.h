// cupola/scenario/tracker_config.h -- every knob of the tracker, with defaults.
//
// Read from a scenario's `tracker:` section or from `cupola track --config`
// (docs/tracking.md lists every key with its unit and meaning).
#pragma once

#include <string>
#include <vector>

#include "cupola/scenario/field.h"
#include "cupola/scenario/yaml_reader.h"

namespace cupola {

/// How the tracker predicts a target (docs/tracking.md): constant velocity or
/// acceleration, ballistic with drag, coordinated turn, or an IMM of several.
enum class MotionModelKind { kCv, kCa, kBallistic, kCt, kImm };
enum class FilterKind { kEkf, kUkf };
/// gnn: global nearest neighbour (optimal assignment); jpda: joint probabilistic data association;
/// mht: multiple hypothesis tracking (tracking/mht.h).
enum class AssociationKind { kGnn, kJpda, kMht };

/// The names files use, in each enum's order.
const std::vector<std::string>& MotionModelNames();
const std::vector<std::string>& FilterNames();
const std::vector<std::string>& AssociationNames();
const std::string& ToString(MotionModelKind kind);
const std::string& ToString(FilterKind kind);
const std::string& ToString(AssociationKind kind);

/// The defaults are the tracker for mixed raids (docs/tracking.md, "The
/// default tracker"): an IMM of a ballistic mode (rockets and mortar bombs
/// after burn-out, falling through drag), constant velocity (cruising drones)
/// and a coordinated turn (manoeuvring ones), starting tracks at speeds up to
/// re-entry.
struct TrackerConfig {
  MotionModelKind motion_model = MotionModelKind::kImm;
  std::vector<MotionModelKind> imm_models = {MotionModelKind::kBallistic, MotionModelKind::kCv,
                                             MotionModelKind::kCt};  // mixed when motion_model is imm
  double imm_switch_probability = 0.05;                              // per step, leaving the current model
  FilterKind filter = FilterKind::kEkf;
  AssociationKind association = AssociationKind::kGnn;
  double jpda_detection_probability = 0.9;  // Pd assumed by JPDA's association probabilities and MHT's score
  int mht_n_scan = 3;            // MHT: scans an association stays open before the best hypothesis decides it
  int mht_max_hypotheses = 20;   // MHT: global hypotheses kept per cluster of competing tracks
  // Clutter JPDA and MHT assume, per radar and scan, uniform over the radar's covered
  // volume: this many false alarms; else, if resolution cells are given, the
  // radar's false_alarm_probability times them; else the radar's own
  // false_alarms_per_scan (scenario, or the detection file's `#! clutter` line).
  double clutter_false_alarms_per_scan = 0.0;  // 0: not given here
  double clutter_resolution_cells = 0.0;       // 0: not given here
  // Process noise.
  double q_velocity_m2ps3 = 50.0;   // white acceleration density (cv, ct)
  double q_ballistic_m2ps3 = 0.1;   // white acceleration density of the ballistic model (gravity and drag are modelled)
  double q_jerk_m2ps5 = 10.0;       // white jerk density (ca)
  double q_kappa = 1e-9;            // ballistic drag parameter random walk [(m^2/kg)^2/s]
  double prior_kappa_m2pkg = 2e-4;  // initial drag parameter Cd S / m and its sigma (catalog
  double prior_sigma_kappa_m2pkg = 2e-4;  // rockets and mortars after burn-out: 5e-5 to 4.4e-4)
  double q_turn_rate = 1e-4;              // turn-rate random walk [rad^2/s^3]
  double prior_sigma_turn_rate_radps = 0.1;
  double prior_sigma_acceleration_mps2 = 20.0;
  // Gating and association.
  double gate_probability = 0.999;  // chi-square gate on the NIS
  bool spatial_index = true;        // false: test every track against every detection
  double grid_cell_m = 2000.0;
  // Initiation (two-point) and confirmation (M of N).
  double min_speed_mps = 10.0;
  double max_speed_mps = 3000.0;  // re-entering bodies reach 1.8 km/s and more
  double max_initiation_gap_s = 5.0;
  int confirm_m = 3;
  int confirm_n = 5;
  // Deletion.
  int max_misses = 4;                    // consecutive looks without a detection (confirmed tracks)
  double max_position_sigma_m = 2000.0;  // delete when sqrt(trace(P_pos)) grows beyond this
  double max_coast_s = 10.0;             // delete a track not updated for this long (e.g. out of every radar's view)

  /// Empty if valid, else what is wrong.
  std::string Validate() const;
};

/// Every key of a tracker config map, declared once (field.h).
const std::vector<Field<TrackerConfig>>& TrackerFields();
/// The keys a tracker config map may hold.
std::vector<std::string> TrackerConfigKeys();
/// Reads a tracker config map (made with TrackerConfigKeys(); unknown keys are errors).
TrackerConfig ReadTrackerConfig(const MapReader& map);
/// Reads `cupola track --config FILE`.
TrackerConfig LoadTrackerConfigFile(const std::string& path);

}  // namespace cupola

#include "cupola/scenario/tracker_config.h"

#include <algorithm>

#include "cupola/core/input_file.h"
#include "cupola/core/text.h"

namespace cupola {

std::string TrackerConfig::Validate() const {
  if (confirm_m > confirm_n) return "confirm_m must not exceed confirm_n";
  if (min_speed_mps >= max_speed_mps) return "min_speed_mps must be below max_speed_mps";
  return "";
}

TrackerConfig ReadTrackerConfig(const MapReader& r) {
  TrackerConfig c;
  c.motion_model = r.Choice("motion_model", {"cv", "ca", "ballistic", "ct", "imm"}, c.motion_model);
  if (r.Has("imm_models")) {
    c.imm_models.clear();
    const std::vector<std::string> known = {"cv", "ca", "ballistic", "ct"};
    const auto items = r.List("imm_models", 2, known.size());  // each model once
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string name = items[i].IsScalar() ? items[i].Scalar() : std::string();
      if (std::find(known.begin(), known.end(), name) == known.end())
        throw InputError(LocationOf(items[i], r.file()), r.PathOf("imm_models") + "[" + std::to_string(i) + "]",
                         Describe(items[i]), DidYouMeanPrefix(name, known) + "one of cv, ca, ballistic, ct");
      if (std::find(c.imm_models.begin(), c.imm_models.end(), name) != c.imm_models.end())
        throw InputError(LocationOf(items[i], r.file()), r.PathOf("imm_models") + "[" + std::to_string(i) + "]",
                         Describe(items[i]), "each model once (" + name + " is already listed)");
      c.imm_models.push_back(name);
    }
  }
  c.imm_switch_probability = r.Number("imm_switch_probability", {0.0, 0.5, true, false}, c.imm_switch_probability);
  c.filter = r.Choice("filter", {"ekf", "ukf"}, c.filter);
  c.association = r.Choice("association", {"gnn", "jpda"}, c.association);
  if (c.association == "jpda" && c.motion_model == "imm")
    r.Fail("association", "jpda with motion_model imm", "gnn with imm (JPDA runs with a single motion model)");
  c.jpda_detection_probability = r.Number("jpda_detection_probability", {0.0, 1.0, true, true}, c.jpda_detection_probability);
  c.q_velocity_m2ps3 = r.Number("q_velocity_m2ps3", Bounds::NonNegative(), c.q_velocity_m2ps3);
  c.q_ballistic_m2ps3 = r.Number("q_ballistic_m2ps3", Bounds::NonNegative(), c.q_ballistic_m2ps3);
  c.q_jerk_m2ps5 = r.Number("q_jerk_m2ps5", Bounds::NonNegative(), c.q_jerk_m2ps5);
  c.q_kappa = r.Number("q_kappa", Bounds::NonNegative(), c.q_kappa);
  c.prior_kappa_m2pkg = r.Number("prior_kappa_m2pkg", Bounds::NonNegative(), c.prior_kappa_m2pkg);
  c.prior_sigma_kappa_m2pkg = r.Number("prior_sigma_kappa_m2pkg", Bounds::Positive(), c.prior_sigma_kappa_m2pkg);
  c.q_turn_rate = r.Number("q_turn_rate", Bounds::NonNegative(), c.q_turn_rate);
  c.prior_sigma_turn_rate_radps = r.Number("prior_sigma_turn_rate_radps", Bounds::Positive(), c.prior_sigma_turn_rate_radps);
  c.prior_sigma_acceleration_mps2 =
      r.Number("prior_sigma_acceleration_mps2", Bounds::Positive(), c.prior_sigma_acceleration_mps2);
  c.gate_probability = r.Number("gate_probability", {0.5, 1.0, false, true}, c.gate_probability);
  c.spatial_index = r.Bool("spatial_index", c.spatial_index);
  c.grid_cell_m = r.Number("grid_cell_m", {10.0, 1e6, false, false}, c.grid_cell_m);
  c.min_speed_mps = r.Number("min_speed_mps", Bounds::NonNegative(), c.min_speed_mps);
  c.max_speed_mps = r.Number("max_speed_mps", Bounds::Positive(), c.max_speed_mps);
  // Unassociated detections wait this long for a partner, tracks without a
  // detection live this long: both set how much the tracker holds.
  c.max_initiation_gap_s = r.Number("max_initiation_gap_s", {0.0, 60.0, true, false}, c.max_initiation_gap_s);
  c.confirm_m = static_cast<int>(r.Integer("confirm_m", 1, 100, c.confirm_m));
  c.confirm_n = static_cast<int>(r.Integer("confirm_n", 1, 100, c.confirm_n));
  c.max_misses = static_cast<int>(r.Integer("max_misses", 1, 1000, c.max_misses));
  c.max_position_sigma_m = r.Number("max_position_sigma_m", Bounds::Positive(), c.max_position_sigma_m);
  c.max_coast_s = r.Number("max_coast_s", {0.0, 3600.0, true, false}, c.max_coast_s);
  if (c.confirm_m > c.confirm_n)
    r.Fail("confirm_m", std::to_string(c.confirm_m), "at most confirm_n (" + std::to_string(c.confirm_n) + ")");
  if (c.min_speed_mps >= c.max_speed_mps)
    r.Fail("max_speed_mps", std::to_string(c.max_speed_mps), "more than min_speed_mps");
  return c;
}

const std::vector<std::string>& TrackerConfigKeys() {
  static const std::vector<std::string> keys = {
      "motion_model", "imm_models", "imm_switch_probability", "filter", "association", "jpda_detection_probability", "q_velocity_m2ps3", "q_ballistic_m2ps3", "q_jerk_m2ps5", "q_kappa", "prior_kappa_m2pkg",
      "prior_sigma_kappa_m2pkg", "q_turn_rate", "prior_sigma_turn_rate_radps", "prior_sigma_acceleration_mps2",
      "gate_probability", "spatial_index", "grid_cell_m", "min_speed_mps", "max_speed_mps", "max_initiation_gap_s",
      "confirm_m", "confirm_n", "max_misses", "max_position_sigma_m", "max_coast_s"};
  return keys;
}

TrackerConfig LoadTrackerConfigFile(const std::string& path) {
  const std::string text = ReadInputFile(path, "a readable tracker config (YAML)");
  YAML::Node root;
  try {
    CheckYamlSize(text, path);
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError({path, e.mark.line + 1, e.mark.column + 1}, "", "a YAML syntax error (" + Escaped(e.msg) + ")", "valid YAML");
  }
  if (!root.IsDefined() || root.IsNull()) return TrackerConfig{};
  return ReadTrackerConfig(MapReader(root, "", path, TrackerConfigKeys()));
}

}  // namespace cupola

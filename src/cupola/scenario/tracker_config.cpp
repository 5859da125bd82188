#include "cupola/scenario/tracker_config.h"

#include <algorithm>

#include "cupola/core/input_file.h"
#include "cupola/core/text.h"

namespace cupola {

std::string TrackerConfig::Validate() const {
  if (confirm_m > confirm_n) return "confirm_m must not exceed confirm_n";
  if (min_speed_mps >= max_speed_mps) return "min_speed_mps must be below max_speed_mps";
  if (clutter_false_alarms_per_scan > 0 && clutter_resolution_cells > 0)
    return "clutter_false_alarms_per_scan and clutter_resolution_cells are two clutter levels: give one";
  return "";
}

const std::vector<std::string>& MotionModelNames() {
  static const std::vector<std::string> names = {"cv", "ca", "ballistic", "ct", "imm"};
  return names;
}
const std::vector<std::string>& FilterNames() {
  static const std::vector<std::string> names = {"ekf", "ukf"};
  return names;
}
const std::vector<std::string>& AssociationNames() {
  static const std::vector<std::string> names = {"gnn", "jpda", "mht"};
  return names;
}
const std::string& ToString(MotionModelKind kind) { return MotionModelNames().at(static_cast<std::size_t>(kind)); }
const std::string& ToString(FilterKind kind) { return FilterNames().at(static_cast<std::size_t>(kind)); }
const std::string& ToString(AssociationKind kind) { return AssociationNames().at(static_cast<std::size_t>(kind)); }

const std::vector<Field<TrackerConfig>>& TrackerFields() {
  using S = TrackerConfig;
  static const std::vector<Field<S>> fields = {
      ChoiceField("motion_model", &S::motion_model, MotionModelNames(),
                  "`cv`, `ca`, `ballistic`, `ct`, or `imm` (a mixture of `imm_models`; the default, for rockets, mortars and "
                  "drones together)"),
      // Each model once, and not imm itself: read by hand.
      SectionField<S>("imm_models", "list", "the models an IMM mixes (two or more, each once)",
                      "`[ballistic, cv, ct]`")
          .Note("2 to 4 of `cv`, `ca`, `ballistic`, `ct`"),
      NumberField("imm_switch_probability", "-", &S::imm_switch_probability, {0.0, 0.5, true, false},
                  "chance per step of leaving the current model, split evenly over the others"),
      ChoiceField("filter", &S::filter, FilterNames(), "`ekf` or `ukf`"),
      ChoiceField("association", &S::association, AssociationNames(),
                  "`gnn` (global nearest neighbour), `jpda` (joint probabilistic data association; single motion "
                  "model only) or `mht` (multiple hypothesis tracking: decisions kept open for `mht_n_scan` scans; "
                  "for dense salvos)"),
      NumberField("jpda_detection_probability", "-", &S::jpda_detection_probability, {0.0, 1.0, true, true},
                  "detection probability JPDA assumes in its association probabilities, and MHT in its score"),
      IntegerField("mht_n_scan", "scans", &S::mht_n_scan, 1, 20,
                   "MHT: scans (of any radar) an association stays open; then the best hypothesis decides it "
                   "(N-scan pruning; 1 decides at once)"),
      IntegerField("mht_max_hypotheses", "-", &S::mht_max_hypotheses, 1, 1000,
                   "MHT: global hypotheses kept per cluster of tracks competing for detections"),
      NumberField("clutter_false_alarms_per_scan", "count", &S::clutter_false_alarms_per_scan,
                  Bounds::Closed(0.0, 1e7),
                  "false alarms per scan of each radar, uniform over its covered volume, that JPDA and MHT weigh "
                  "detections against; 0: from `clutter_resolution_cells`, else the radar's own "
                  "(docs/tracking.md, \"Clutter density\")")
          .Note("not with `clutter_resolution_cells`"),
      NumberField("clutter_resolution_cells", "count", &S::clutter_resolution_cells, Bounds::Closed(0.0, 1e15),
                  "resolution cells per scan of each radar: with the radar's false-alarm probability, the false "
                  "alarms per scan JPDA and MHT assume; 0: not used"),
      NumberField("q_velocity_m2ps3", "m^2/s^3", &S::q_velocity_m2ps3, Bounds::NonNegative(),
                  "white acceleration spectral density (cv, ct)"),
      NumberField("q_ballistic_m2ps3", "m^2/s^3", &S::q_ballistic_m2ps3, Bounds::NonNegative(),
                  "white acceleration density of the ballistic model (gravity and drag are in the model, so little "
                  "is left unmodelled)"),
      NumberField("q_jerk_m2ps5", "m^2/s^5", &S::q_jerk_m2ps5, Bounds::NonNegative(), "white jerk density (ca)"),
      NumberField("q_kappa", "(m^2/kg)^2/s", &S::q_kappa, Bounds::NonNegative(),
                  "drag-parameter random walk (ballistic)"),
      NumberField("prior_kappa_m2pkg", "m^2/kg", &S::prior_kappa_m2pkg, Bounds::NonNegative(),
                  "initial drag parameter (ballistic; catalog threats after burn-out span 5e-5 to 4.4e-4)"),
      NumberField("prior_sigma_kappa_m2pkg", "m^2/kg", &S::prior_sigma_kappa_m2pkg, Bounds::Positive(),
                  "sigma of the initial drag parameter (ballistic)"),
      NumberField("q_turn_rate", "rad^2/s^3", &S::q_turn_rate, Bounds::NonNegative(), "turn-rate random walk (ct)"),
      NumberField("prior_sigma_turn_rate_radps", "rad/s", &S::prior_sigma_turn_rate_radps, Bounds::Positive(),
                  "initial turn-rate sigma (ct)"),
      NumberField("prior_sigma_acceleration_mps2", "m/s^2", &S::prior_sigma_acceleration_mps2, Bounds::Positive(),
                  "initial acceleration sigma (ca)"),
      NumberField("gate_probability", "-", &S::gate_probability, {0.5, 1.0, false, true}, "chi-square gate on the NIS"),
      BoolField("spatial_index", &S::spatial_index, "false: test every track against every detection (for comparison)"),
      NumberField("grid_cell_m", "m", &S::grid_cell_m, Bounds::Closed(10.0, 1e6), "cell of the gating grid"),
      NumberField("min_speed_mps", "m/s", &S::min_speed_mps, Bounds::NonNegative(),
                  "lowest speed of two-point initiation"),
      NumberField("max_speed_mps", "m/s", &S::max_speed_mps, Bounds::Positive(),
                  "highest speed of two-point initiation (re-entry speeds included)")
          .Note("more than `min_speed_mps`"),
      // Unassociated detections wait this long for a partner, tracks without a
      // detection live this long: both set how much the tracker holds.
      NumberField("max_initiation_gap_s", "s", &S::max_initiation_gap_s, {0.0, 60.0, true, false},
                  "oldest partner for two-point initiation"),
      IntegerField("confirm_m", "-", &S::confirm_m, 1, 100, "M of M-of-N confirmation (detections at distinct times)")
          .Note("at most `confirm_n`"),
      IntegerField("confirm_n", "-", &S::confirm_n, 1, 100, "N of M-of-N confirmation (looks at distinct times)"),
      IntegerField("max_misses", "looks", &S::max_misses, 1, 1000, "deletion of confirmed tracks"),
      NumberField("max_position_sigma_m", "m", &S::max_position_sigma_m, Bounds::Positive(),
                  "deletion on uncertainty (sqrt of the trace of the position covariance)"),
      NumberField("max_coast_s", "s", &S::max_coast_s, {0.0, 3600.0, true, false},
                  "delete a track not updated for this long (out of every radar's view)"),
  };
  return fields;
}

TrackerConfig ReadTrackerConfig(const MapReader& r) {
  TrackerConfig c;
  ReadFields(r, TrackerFields(), c);
  if (r.Has("imm_models")) {
    c.imm_models.clear();
    const std::vector<std::string> known(MotionModelNames().begin(), MotionModelNames().end() - 1);  // not imm
    const auto items = r.List("imm_models", 2, known.size());                                        // each model once
    for (std::size_t i = 0; i < items.size(); ++i) {
      const std::string name = items[i].IsScalar() ? items[i].Scalar() : std::string();
      const auto at = std::find(known.begin(), known.end(), name);
      if (at == known.end())
        throw InputError(LocationOf(items[i], r.file()), r.PathOf("imm_models") + "[" + std::to_string(i) + "]",
                         Describe(items[i]), DidYouMeanPrefix(name, known) + "one of cv, ca, ballistic, ct");
      const auto kind = static_cast<MotionModelKind>(at - known.begin());
      if (std::find(c.imm_models.begin(), c.imm_models.end(), kind) != c.imm_models.end())
        throw InputError(LocationOf(items[i], r.file()), r.PathOf("imm_models") + "[" + std::to_string(i) + "]",
                         Describe(items[i]), "each model once (" + name + " is already listed)");
      c.imm_models.push_back(kind);
    }
  }
  if (c.association == AssociationKind::kJpda && c.motion_model == MotionModelKind::kImm)
    r.Fail("association", "jpda with motion_model imm",
           "gnn with imm (JPDA runs with a single motion model: set motion_model, e.g. cv or ballistic; the default "
           "is imm)");
  if (c.clutter_false_alarms_per_scan > 0 && c.clutter_resolution_cells > 0)
    r.Fail("clutter_resolution_cells", FormatNumber(c.clutter_resolution_cells),
           "0 when clutter_false_alarms_per_scan is given (one clutter level, not two)");
  if (c.confirm_m > c.confirm_n)
    r.Fail("confirm_m", std::to_string(c.confirm_m), "at most confirm_n (" + std::to_string(c.confirm_n) + ")");
  if (c.min_speed_mps >= c.max_speed_mps)
    r.Fail("max_speed_mps", std::to_string(c.max_speed_mps), "more than min_speed_mps");
  return c;
}

std::vector<std::string> TrackerConfigKeys() { return FieldKeys(TrackerFields()); }

TrackerConfig LoadTrackerConfigFile(const std::string& path) {
  const std::string text = ReadInputFile(path, "a readable tracker config (YAML)");
  YAML::Node root;
  try {
    CheckYamlSize(text, path);
    root = YAML::Load(text);
  } catch (const YAML::ParserException& e) {
    throw InputError({path, e.mark.line + 1, e.mark.column + 1}, "", "a YAML syntax error (" + Escaped(e.msg) + ")",
                     "valid YAML");
  }
  if (!root.IsDefined() || root.IsNull()) return TrackerConfig{};
  return ReadTrackerConfig(MapReader(root, "", path, TrackerConfigKeys()));
}

}  // namespace cupola

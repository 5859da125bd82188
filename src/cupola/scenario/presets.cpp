#include "cupola/scenario/presets.h"

#include <stdexcept>

#include "cupola/core/units.h"

namespace cupola {

// Numbers and their sources: docs/threats.md. Form factors are calibrated to
// the published maximum range (test/presets_test.cpp checks it within 5 %).

DragCurve StandardDragCurve(const std::string& shape, double form_factor) {
  if (shape == "rocket") {
    // Fin-stabilised artillery rocket, zero-lift Cd against Mach (shape: see docs/threats.md).
    return DragCurve({{0.0, 0.28}, {0.2, 0.28}, {0.4, 0.28}, {0.6, 0.29}, {0.8, 0.35}, {1.0, 0.64}, {1.1, 0.67},
                      {1.2, 0.69}, {1.4, 0.66}, {1.6, 0.62}, {1.8, 0.58}, {2.0, 0.55}, {2.5, 0.48}, {3.0, 0.42}},
                     form_factor);
  }
  if (shape == "mortar") {
    // Fin-stabilised mortar bomb (teardrop body, fin boom).
    return DragCurve({{0.0, 0.13}, {0.3, 0.13}, {0.5, 0.13}, {0.6, 0.135}, {0.7, 0.14}, {0.8, 0.16}, {0.85, 0.19},
                      {0.9, 0.24}, {0.95, 0.31}, {1.0, 0.36}, {1.05, 0.38}, {1.1, 0.38}, {1.2, 0.37}, {1.5, 0.34},
                      {2.0, 0.30}, {2.5, 0.27}, {3.0, 0.25}},
                     form_factor);
  }
  throw std::invalid_argument("unknown drag shape " + shape);
}

std::vector<std::string> StandardDragShapes() { return {"rocket", "mortar"}; }

namespace {

// Drag form factors calibrated so that the engine's maximum range (at the
// published best elevation, or the engine's own for rockets) equals the
// published maximum range: bench/calibrate_drag.cpp reproduces them.
constexpr double kRocket122FormFactor = 0.7683;
constexpr double kQassamFormFactor = 0.9555;
constexpr double kMortar120FormFactor = 0.9992;
constexpr double kMortar81FormFactor = 1.0003;

ThreatType Rocket122mm() {
  ThreatType t;
  t.name = "rocket_122mm";
  t.description = "122 mm artillery rocket, 9M22U (Grad) class";
  t.kind = ThreatKind::kRocket;
  BallisticParams& b = t.ballistic;
  b.launch_mass_kg = 66.6;
  b.diameter_m = 0.122;
  b.motor = {21335.0, 1.88, 20.45};  // thrust from Isp 200 s (assumption)
  b.rail_length_m = 3.0;
  b.drag = StandardDragCurve("rocket", kRocket122FormFactor);
  b.min_elevation_rad = DegToRad(3.0);
  b.max_elevation_rad = DegToRad(55.0);
  b.published_max_range_m = 20400.0;
  t.rcs_m2 = 0.063;
  t.cost_usd = 1000.0;
  t.source = "docs/threats.md#rocket_122mm";
  // Factory-made: few failures (judgement); dispersion about 1/130 of range
  // in range and 1/200 in deflection (commonly quoted), CEP about 1.1 %.
  t.reliability = {0.02, 0.02, 0.05, 0.011, 0.0};
  return t;
}

// Extended-range 122 mm rocket (30-40 km class, HRW 2007): the Grad's
// airframe and drag (the same calibrated form factor), with a longer motor
// whose propellant mass is chosen so the model reaches 40 km. Only the
// range is published; the motor is an assumption (docs/threats.md 1a).
ThreatType Rocket122mmExtendedRange() {
  ThreatType t = Rocket122mm();
  t.name = "rocket_122mm_er";
  t.description = "122 mm extended-range artillery rocket (30-40 km class)";
  BallisticParams& b = t.ballistic;
  b.launch_mass_kg = 75.0;
  b.motor = {21378.5, 3.0, 32.7};  // Isp 200 s as the Grad's; 32.7 kg chosen for 40 km (assumption)
  b.published_max_range_m = 40000.0;
  t.cost_usd = 2000.0;
  t.source = "docs/threats.md#rocket_122mm_er";
  return t;
}

ThreatType Qassam() {
  ThreatType t;
  t.name = "qassam";
  t.description = "short-range improvised rocket, Qassam-3 class";
  t.kind = ThreatKind::kRocket;
  BallisticParams& b = t.ballistic;
  b.launch_mass_kg = 90.0;
  b.diameter_m = 0.17;
  b.motor = {14122.0, 2.5, 30.0};  // assumption: Isp 120 s, chosen for the published ~10 km
  b.rail_length_m = 2.0;
  b.drag = StandardDragCurve("rocket", kQassamFormFactor);
  b.min_elevation_rad = DegToRad(5.0);
  b.max_elevation_rad = DegToRad(60.0);
  b.published_max_range_m = 10000.0;
  t.rcs_m2 = 0.063;
  t.cost_usd = 800.0;
  t.source = "docs/threats.md#qassam";
  // Improvised: the failures give about 10 % falling short, inside the
  // 6-16 % reported from Gaza; CEP 5 % of range (judgement, docs/threats.md).
  t.reliability = {0.05, 0.05, 0.10, 0.05, 0.0};
  return t;
}

ThreatType Mortar120mm() {
  ThreatType t;
  t.name = "mortar_120mm";
  t.description = "120 mm mortar bomb, six charges";
  t.kind = ThreatKind::kMortar;
  BallisticParams& b = t.ballistic;
  b.launch_mass_kg = 16.0;
  b.diameter_m = 0.12;
  b.muzzle_velocity_mps = 320.0;  // derived from the published range (docs/threats.md)
  // Charge ladder from the ignition cartridge alone to full (docs/threats.md).
  b.charge_muzzle_velocities_mps = {118.0, 144.0, 176.0, 215.0, 262.0, 320.0};
  b.drag = StandardDragCurve("mortar", kMortar120FormFactor);
  b.high_angle = true;
  b.min_elevation_rad = DegToRad(45.0);
  b.max_elevation_rad = DegToRad(80.0);
  b.best_elevation_rad = DegToRad(45.0);
  b.published_max_range_m = 7100.0;
  t.rcs_m2 = 0.016;
  t.cost_usd = 1000.0;
  t.source = "docs/threats.md#mortar_120mm";
  t.reliability = {0.01, 0.0, 0.05, 0.01, 0.0};  // judgement (docs/threats.md)
  return t;
}

ThreatType Mortar81mm() {
  ThreatType t;
  t.name = "mortar_81mm";
  t.description = "81 mm mortar bomb, six charges (M252 class)";
  t.kind = ThreatKind::kMortar;
  BallisticParams& b = t.ballistic;
  b.launch_mass_kg = 4.5;
  b.diameter_m = 0.081;
  b.muzzle_velocity_mps = 312.0;  // derived from the published range (docs/threats.md)
  b.charge_muzzle_velocities_mps = {70.0, 94.0, 127.0, 171.0, 231.0, 312.0};  // docs/threats.md
  b.drag = StandardDragCurve("mortar", kMortar81FormFactor);
  b.high_angle = true;
  b.min_elevation_rad = DegToRad(45.0);
  b.max_elevation_rad = DegToRad(85.0);
  b.best_elevation_rad = DegToRad(45.0);
  b.published_max_range_m = 5940.0;
  t.rcs_m2 = 0.016;
  t.cost_usd = 500.0;
  t.source = "docs/threats.md#mortar_81mm";
  t.reliability = {0.01, 0.0, 0.05, 0.01, 0.0};  // judgement (docs/threats.md)
  return t;
}

ThreatType Shahed136() {
  ThreatType t;
  t.name = "shahed_136";
  t.description = "one-way attack drone, Shahed-136 class";
  t.kind = ThreatKind::kDrone;
  DroneParams& d = t.drone;
  d.mass_kg = 200.0;
  d.cruise_speed_mps = 50.0;
  d.cruise_height_m = 300.0;            // assumption: "usually low altitude"
  d.max_turn_rate_radps = DegToRad(6.5);  // 30 deg bank at 50 m/s (assumption)
  d.max_climb_rate_mps = 5.0;
  d.dive_angle_rad = DegToRad(60.0);
  d.dive_speed_mps = 70.0;
  t.rcs_m2 = 0.22;
  t.cost_usd = 35000.0;
  t.source = "docs/threats.md#shahed_136";
  // GNSS-guided CEP about 15 m; jammed, inertial only: 300 m (assumption, docs/threats.md).
  t.reliability = {0.02, 0.0, 0.05, 0.0, 15.0, 300.0};
  return t;
}

// Jet-powered Shahed derivative (Shahed-238 / Geran-3), reported from 2024-25 (docs/threats.md#geran_3).
ThreatType Geran3() {
  ThreatType t;
  t.name = "geran_3";
  t.description = "jet-powered one-way attack drone, Geran-3 (Shahed-238) class";
  t.kind = ThreatKind::kDrone;
  DroneParams& d = t.drone;
  d.mass_kg = 380.0;                       // assumption: Shahed-136 airframe plus a small turbojet and its fuel
  d.cruise_speed_mps = 140.0;              // "over 500 km/h" (Ukrainian interior minister, July 2025)
  d.cruise_height_m = 3000.0;              // assumption: reported up to 9,000 m
  d.max_turn_rate_radps = DegToRad(2.3);   // 30 deg bank at 140 m/s (assumption)
  d.max_climb_rate_mps = 15.0;             // assumption
  d.dive_angle_rad = DegToRad(40.0);       // assumption
  d.dive_speed_mps = 170.0;                // assumption: about 600 km/h, the highest speed reported
  t.rcs_m2 = 0.3;                          // assumption: a Shahed-sized airframe with a jet intake
  t.cost_usd = 500000.0;                   // assumption: between the Shahed's ~$200k and the reported $1M
  t.source = "docs/threats.md#geran_3";
  t.reliability = {0.02, 0.0, 0.05, 0.0, 15.0, 300.0};  // as shahed_136 (assumption)
  return t;
}

// Cheap decoy (Gerbera), reported from July 2024: no warhead (docs/threats.md#gerbera).
ThreatType Gerbera() {
  ThreatType t;
  t.name = "gerbera";
  t.description = "decoy drone, Gerbera class: no warhead";
  t.kind = ThreatKind::kDrone;
  DroneParams& d = t.drone;
  d.mass_kg = 18.0;                        // maximum weight 18 kg (Ukrainian intelligence via Reuters, Sept 2025)
  d.cruise_speed_mps = 40.0;               // maximum 160 km/h = 44 m/s (same source); cruise a little below
  d.cruise_height_m = 500.0;               // assumption
  d.max_turn_rate_radps = DegToRad(8.0);   // 30 deg bank at 40 m/s (assumption)
  d.max_climb_rate_mps = 3.0;              // assumption
  d.dive_angle_rad = DegToRad(30.0);       // assumption: it glides in when its fuel or route ends
  d.dive_speed_mps = 45.0;
  t.has_warhead = false;                   // "foam and wood with wires" (Lithuanian armed forces, 2024)
  t.rcs_m2 = 0.1;                          // assumption: small foam airframe; some carry reflectors to look bigger
  t.cost_usd = 10000.0;                    // assumption: reported as a low-cost kit airframe
  t.source = "docs/threats.md#gerbera";
  t.reliability = {0.05, 0.0, 0.0, 0.0, 50.0, 300.0};  // assumption
  return t;
}

InterceptorType Tamir() {
  InterceptorType t;
  t.name = "tamir";
  t.description = "Iron Dome interceptor, Tamir class";
  BallisticParams& b = t.airframe;
  b.launch_mass_kg = 90.0;                 // news reports (C)
  b.diameter_m = 0.16;                     // news reports (C)
  b.motor = {21182.0, 3.0, 27.0};          // assumption: 27 kg burnt in 3 s at Isp 240 s
  b.drag = StandardDragCurve("rocket", 0.6);  // assumption: slender body, 0.6 x the artillery-rocket shape
  b.max_elevation_rad = DegToRad(90.0);
  b.min_elevation_rad = DegToRad(0.0);
  t.min_intercept_speed_mps = 300.0;  // assumption
  t.max_flight_time_s = 60.0;         // assumption
  t.max_load_factor = 20.0;           // assumption
  t.max_normal_force_coefficient = 12.0;  // assumption: slender body, about 15 deg angle of attack
  t.autopilot_time_constant_s = 0.15;     // assumption
  t.navigation_constant = 4.0;            // textbook value (Zarchan)
  t.augmented_pn = false;
  t.seeker_range_m = 5000.0;              // assumption: active radar seeker
  t.seeker_half_fov_rad = DegToRad(30.0);  // assumption
  t.seeker_noise_rad = 0.0005;            // assumption: servo and quantisation (docs/interceptor.md#endgame)
  t.seeker_thermal_noise_rad = 0.002;     // assumption: at the 5 km lock-on range, falling as R^2 closer
  t.glint_fraction_of_span = 0.2;         // assumption after Zarchan ch. 4: glint of the order of the span
  t.seeker_noise_correlation_s = 0.1;    // assumption: a tracking loop of a few Hz (Zarchan ch. 4 glint example)
  t.radome_slope = 0.01;                  // assumption: inside Zarchan's -0.05..0.05 (ch. 10)
  t.turning_rate_time_constant_s = 0.5;   // assumption: small agile airframe low down (Zarchan ch. 10 uses 1-5 s)
  t.fuze_delay_sigma_s = 0.002;           // assumption: a rocket length (2.9 m) at 1,400 m/s closing
  t.lethal_radius_m = 6.0;            // assumption (against a 122 mm rocket; scaled per threat kind)
  t.cost_usd = 50000.0;               // Jerusalem Post 2018, BBC (B/C)
  t.source = "docs/interceptors.md#tamir";
  return t;
}

// A 35 mm revolver cannon with AHEAD airburst rounds, of the class of
// Rheinmetall's Skynex (Oerlikon Revolver Gun Mk3) and the Gepard's twin
// 35 mm (docs/effectors.md#skynex_35 gives each number's source).
GunType Skynex35() {
  GunType g;
  g.name = "skynex_35";
  g.description = "35 mm revolver cannon, AHEAD programmable airburst rounds (Skynex / Revolver Gun Mk3 class)";
  g.rate_of_fire_rps = 1000.0 / 60.0;   // ~1,000 rds/min (Rheinmetall; Gepard: 1,100 for two barrels, Global News 2023) (B/C)
  g.muzzle_velocity_mps = 1050.0;       // AHEAD, ~1,050 m/s (Rheinmetall) (C)
  g.velocity_decay_per_m = 1.5e-4;      // assumption: ~550 m/s left at 4 km, a sub-calibre payload's drag
  g.burst_rounds = 20;                  // assumption: a typical engagement burst (1.2 s)
  g.max_range_m = 4000.0;               // effective range ~3.5-4 km (Rheinmetall) (C)
  g.min_range_m = 200.0;                // assumption: fuze arming and fire-control settling
  g.min_elevation_rad = -0.0872664626;  // -5 deg, assumption
  g.max_elevation_rad = 1.5707963268;   // +90 deg (revolver mounts elevate to about the zenith) (C)
  g.slew_time_s = 2.0;                  // assumption: re-lay and first burst on a new target
  g.dispersion_rad = 1.0e-3;            // assumption: 1 mrad per round
  g.aim_error_rad = 1.0e-3;             // assumption: 1 mrad from the fire-control radar's track
  g.cloud_radius_drone_m = 1.5;         // assumption: 152 tungsten sub-projectiles against a 2.5 m wing
  g.cloud_radius_falling_m = 0.35;      // assumption: a 122 mm body, head-on, must be hit in its fuze or warhead
  g.cost_per_round_usd = 1000.0;        // assumption: the low end of USD 1,000-5,000 quoted for AHEAD
  g.source = "docs/effectors.md#skynex_35";
  return g;
}

// A catalog entry by name (nullptr if none), and the catalog's names in order.
template <typename T>
const T* FindByName(const std::vector<T>& catalog, const std::string& name) {
  for (const auto& entry : catalog)
    if (entry.name == name) return &entry;
  return nullptr;
}
template <typename T>
std::vector<std::string> NamesOf(const std::vector<T>& catalog) {
  std::vector<std::string> names;
  for (const auto& entry : catalog) names.push_back(entry.name);
  return names;
}

}  // namespace

const std::vector<InterceptorType>& InterceptorCatalog() {
  static const std::vector<InterceptorType> catalog = {Tamir()};
  return catalog;
}

const InterceptorType* FindCatalogInterceptor(const std::string& name) {
  return FindByName(InterceptorCatalog(), name);
}

const std::vector<GunType>& GunCatalog() {
  static const std::vector<GunType> catalog = {Skynex35()};
  return catalog;
}

const GunType* FindCatalogGun(const std::string& name) { return FindByName(GunCatalog(), name); }

std::vector<std::string> GunNames() { return NamesOf(GunCatalog()); }

std::vector<std::string> InterceptorNames() { return NamesOf(InterceptorCatalog()); }

const std::vector<ThreatType>& ThreatCatalog() {
  static const std::vector<ThreatType> catalog = {Rocket122mm(), Rocket122mmExtendedRange(), Qassam(), Mortar120mm(),
                                                  Mortar81mm(), Shahed136(), Geran3(), Gerbera()};
  return catalog;
}

const ThreatType* FindCatalogThreat(const std::string& name) { return FindByName(ThreatCatalog(), name); }

std::vector<std::string> CatalogNames() { return NamesOf(ThreatCatalog()); }

}  // namespace cupola

#include "cupola/scenario/scenario_fields.h"

#include <limits>

#include "cupola/scenario/limits.h"
#include "cupola/scenario/presets.h"

namespace cupola {

namespace {

// An interval open at both ends, or at one.
Bounds Open(double lo, double hi) { return {lo, hi, true, true}; }
Bounds OpenLow(double lo, double hi) { return {lo, hi, true, false}; }

const char* const kSiteDoc = "`{lat_deg, lon_deg, alt_m}`; `alt_m` (default 0) is above the ellipsoid";

// The two keys of a place on WGS84, for any spec that has them.
template <class S>
std::vector<Field<S>> LatLonFields(double S::*lat_deg, double S::*lon_deg) {
  return {NumberField("lat_deg", "deg", lat_deg, Bounds::Closed(-90, 90), "WGS84 geodetic latitude, north positive")
              .Required(),
          NumberField("lon_deg", "deg", lon_deg, Bounds::Closed(-180, 180), "WGS84 longitude, east positive")
              .Required()};
}

}  // namespace

const std::vector<Field<ScenarioSpec>>& TopLevelFields() {
  using S = ScenarioSpec;
  static const std::vector<Field<S>> fields = {
      // version, name and seed have checks of their own (loader.cpp).
      SectionField<S>("version", "-", "scenario format version", "`1`").Note("`1` only"),
      SectionField<S>("name", "-", "scenario name; `cupola run` writes to `out/<name>` by default",
                      "the file name without extension, other characters than those accepted made `_`")
          .Note("a folder name: letters `A-Z` `a-z`, digits, `.`, `_` and `-`, not starting with `.`, at most 64 "
                "characters"),
      TextField("description", &S::description, "one line about the scenario").Default("empty"),
      SectionField<S>("origin", "map", "origin of the local frame and the ground height; see [origin](#origin)")
          .Required(),
      NumberField("duration_s", "s", &S::duration_s, OpenLow(0.0, 86400.0 * 7),
                  "simulated time; threats still flying then are reported as airborne")
          .Note("7 days at most"),
      SectionField<S>("seed", "-", "random seed; `cupola run --seed N` overrides it", "`1`")
          .Note("integer 0 to 18446744073709551615"),
      SectionField<S>("physics", "map", "integration steps, Earth rotation, wind", "see [physics](#physics)"),
      SectionField<S>("defended_areas", "list", "areas to protect; see [defended_areas](#defended_areas)", "none"),
      SectionField<S>("alert_zones", "list", "siren zones; see [alert_zones](#alert_zones)", "none"),
      SectionField<S>("threat_types", "list",
                      "your own threat types; see [Defining your own threat types](#defining-your-own-threat-types)",
                      "none"),
      SectionField<S>("threats", "list", "salvos; see [threats](#threats)", "none"),
      SectionField<S>("radars", "list", "radars that scan the threats and feed the tracker; see [radars](#radars)",
                      "none"),
      SectionField<S>("batteries", "list", "see [batteries](#batteries)", "none"),
      SectionField<S>("links", "list", "see [links](#links)", "none"),
      SectionField<S>("tracker", "map", "tracker settings; see [tracker](#tracker)", "defaults"),
  };
  return fields;
}

const std::vector<Field<GeodeticPoint>>& GeodeticFields() {
  using S = GeodeticPoint;
  static const std::vector<Field<S>> fields = [] {
    std::vector<Field<S>> f = LatLonFields(&S::lat_deg, &S::lon_deg);
    f.push_back(NumberField("alt_m", "m", &S::alt_m, Bounds::Closed(-500, 9000), "height above the WGS84 ellipsoid"));
    return f;
  }();
  return fields;
}

const std::vector<Field<PhysicsSpec>>& PhysicsFields() {
  using S = PhysicsSpec;
  static const std::vector<Field<S>> fields = {
      NumberField("step_s", "s", &S::step_s, Bounds::Closed(1e-4, 2.0),
                  "RK4 step for rockets and mortars after burn-out"),
      NumberField("boost_step_s", "s", &S::boost_step_s, Bounds::Closed(1e-5, 0.5),
                  "RK4 step while a rocket motor burns"),
      NumberField("drone_step_s", "s", &S::drone_step_s, Bounds::Closed(1e-3, 5.0), "time step of the drone model"),
      NumberField("trajectory_sample_s", "s", &S::trajectory_sample_s, Bounds::Closed(0.01, 600.0),
                  "spacing of the rows of `trajectories.csv`"),
      BoolField("earth_rotation", &S::earth_rotation, "include the Coriolis and centrifugal terms"),
      SectionField<S>("wind", "map", "constant wind, both keys below required", "no wind")
          .Children(Describe(WindFields())),
  };
  return fields;
}

const std::vector<Field<PhysicsSpec>>& WindFields() {
  using S = PhysicsSpec;
  static const std::vector<Field<S>> fields = {
      NumberField("speed_mps", "m/s", &S::wind_speed_mps, Bounds::Closed(0, 100), "wind speed").Required(),
      NumberField("from_deg", "deg", &S::wind_from_rad, Bounds::Closed(0, 360),
                  "direction the wind blows **from**, clockwise from north", kDeg)
          .Required(),
  };
  return fields;
}

const std::vector<Field<DefendedAreaSpec>>& DefendedAreaFields() {
  using S = DefendedAreaSpec;
  static const std::vector<Field<S>> fields = {
      NameField("name", &S::name, "area name").Required().Note("unique among defended areas"),
      NumberField("value", "people or asset units", &S::value, Bounds::NonNegative(),
                  "value protected, for example residents"),
      SectionField<S>("polygon_latlon_deg", "deg", "boundary, `[lat_deg, lon_deg]` pairs")
          .Required()
          .Note("3 to 10000 vertices, area >= 1 m^2, no crossing edges"),
  };
  return fields;
}

const std::vector<Field<AlertZoneSpec>>& AlertZoneFields() {
  using S = AlertZoneSpec;
  static const std::vector<Field<S>> fields = {
      NameField("name", &S::name, "zone name").Required().Note("unique among alert zones"),
      SectionField<S>("polygon_latlon_deg", "deg", "boundary, `[lat_deg, lon_deg]` pairs")
          .Required()
          .Note("as for defended areas"),
      NumberField("population", "people", &S::population, Bounds::NonNegative(), "people in the zone"),
      NumberField("threshold_probability", "probability", &S::threshold_probability, OpenLow(0.0, 1.0),
                  "alert when P(impact in the zone) passes this"),
  };
  return fields;
}

const std::vector<Field<SalvoSpec>>& SalvoFields() {
  using S = SalvoSpec;
  static const std::vector<Field<S>> fields = {
      // name's default and type's check need the salvo's place and the scenario's types (loader.cpp).
      NameField("name", &S::name, "salvo name")
          .Default("`salvo-N` (N = its place in the list, from 1)")
          .Note("unique among salvos")
          .ByHand(),
      NameField("type", &S::type,
                "threat type: a catalog name (`rocket_122mm`, `rocket_122mm_er`, `qassam`, `mortar_120mm`, `mortar_81mm`, "
                "`shahed_136`, `geran_3`, `gerbera`; see `cupola presets`) or a name from `threat_types`")
          .Required()
          .Note("a known type")
          .ByHand(),
      IntegerField("count", "threats", &S::count, 1, kMaxThreats, "number of threats")
          .Note("at most 100000 in all salvos together; the last launch, `start_s + (count - 1) interval_s`, must "
                "come before `duration_s`"),
      NumberField("start_s", "s", &S::start_s, Bounds::NonNegative(), "launch time of the first threat")
          .Note("< `duration_s`"),
      NumberField("interval_s", "s", &S::interval_s, Bounds::NonNegative(), "time between launches"),
      SectionField<S>("launch_site", "deg", "`{lat_deg, lon_deg}` on the ground")
          .Required()
          .Note("lat -90 to 90, lon -180 to 180"),
      SectionField<S>("aim_point", "deg", "`{lat_deg, lon_deg}` aimed at", "one of `aim_point` / `aim_area`")
          .Note("lat -90 to 90, lon -180 to 180"),
      NameField("aim_area", &S::aim_area,
                "name of a defended area; each threat aims at a uniform random point inside it")
          .Default("one of `aim_point` / `aim_area`")
          .Note("a defended area's name")
          .ByHand(),
      NumberField("aim_sigma_m", "m", &S::aim_sigma_m, Bounds::Closed(0, 1e5),
                  "extra aim dispersion, 1-sigma per horizontal axis, on top of the type's CEP"),
      // Its bounds are the threat type's elevation limits.
      SectionField<S>("elevation_deg", "deg", "fixed launch elevation; rockets and mortars only",
                      "none (aim by range table)")
          .Note("within the type's `min_elevation_deg` to `max_elevation_deg`"),
      SectionField<S>("charge", "-", "mortars: fire every round at this charge (0 = lowest)",
                      "the crew's rule: the lowest charge that reaches (docs/threats.md)")
          .Note("0 to the type's number of charges - 1"),
      OptionalNumberField("launch_failure_probability", "probability", &S::launch_failure_probability,
                          Bounds::Closed(0, 1), "share of rounds that never leave the launcher", "the type's"),
      OptionalNumberField("motor_failure_probability", "probability", &S::motor_failure_probability,
                          Bounds::Closed(0, 1), "rockets: share whose motor stops early (they fall short)",
                          "the type's")
          .Note("rockets only"),
      OptionalNumberField("dud_probability", "probability", &S::dud_probability, Bounds::Closed(0, 1),
                          "share that come down without functioning (no damage)", "the type's"),
      OptionalNumberField("cep_fraction_of_range", "-", &S::cep_fraction_of_range, Bounds::Closed(0, 1),
                          "rockets and mortars: the attacker's aiming error, CEP = this x range; adds to "
                          "`aim_sigma_m` in variance",
                          "the type's")
          .Note("rockets and mortars only"),
      OptionalNumberField("cep_m", "m", &S::cep_m, Bounds::Closed(0, 1e5),
                          "drones: the attacker's aiming error (GNSS), CEP; adds to `aim_sigma_m` in variance",
                          "the type's")
          .Note("drones only"),
      BoolField("gnss_jammed", &S::gnss_jammed,
                "drones: satellite navigation jammed over the target; the type's `cep_jammed_m` replaces its "
                "`cep_m`")
          .Note("drones only; not with `cep_m`"),
      SectionField<S>("waypoints", "list",
                      "drones only: waypoints flown in order along the ellipsoid, each `{lat_deg, lon_deg}` and "
                      "optionally `altitude_m`, `loiter_s`; see [waypoints](#waypoints)",
                      "none (straight to the aim)")
          .Note("1 to 1000 points when given"),
  };
  return fields;
}

const std::vector<Field<WaypointSpec>>& WaypointFields() {
  using S = WaypointSpec;
  static const std::vector<Field<S>> fields = [] {
    std::vector<Field<S>> f = LatLonFields(&S::lat_deg, &S::lon_deg);
    f.push_back(OptionalNumberField("altitude_m", "m", &S::altitude_m, Bounds::Closed(10, 15000),
                          "height above the ground held from the leg toward this waypoint until a later waypoint "
                          "sets another (climbing or descending at the type's `max_climb_rate_mps`)",
                          "unchanged (at first the type's `cruise_height_m`)"));
    f.push_back(NumberField("loiter_s", "s", &S::loiter_s, Bounds::Closed(0, 86400),
                            "time circling at the waypoint, at the turn radius `cruise_speed_mps / max_turn_rate`, "
                            "before the next leg"));
    return f;
  }();
  return fields;
}

const std::vector<Field<RocketMotor>>& MotorFields() {
  using S = RocketMotor;
  // The checks against the type's mass_kg are the loader's.
  static const std::vector<Field<S>> fields = {
      NumberField("thrust_n", "N", &S::thrust_N, Bounds::Positive(), "constant thrust")
          .Required()
          .Note("more than the launch weight `mass_kg` x 9.81"),
      NumberField("burn_time_s", "s", &S::burn_time_s, OpenLow(0.0, 600.0),
                  "burn time; mass flow = `propellant_kg` / `burn_time_s`")
          .Required(),
      NumberField("propellant_kg", "kg", &S::propellant_kg, Bounds::Positive(), "propellant burnt")
          .Required()
          .Note("< `mass_kg`"),
  };
  return fields;
}

const std::vector<Field<RadarSpec>>& RadarFields() {
  using S = RadarSpec;
  static const std::vector<Field<S>> fields = {
      NameField("name", &S::name, "radar name").Required().Note("unique among radars **and** batteries"),
      SectionField<S>("site", "deg, m", kSiteDoc).Required().Note("lat -90 to 90, lon -180 to 180, alt -500 to 9000"),
      NumberField("revisit_s", "s", &S::revisit_s, Bounds::Closed(kMinRevisit_s, 60.0), "time between scans")
          .Note("all radars together at most 1000000 scans (see [Limits](#limits))"),
      NumberField("min_range_km", "km", &S::min_range_m, Bounds::NonNegative(), "minimum instrumented range", kKm),
      NumberField("max_range_km", "km", &S::max_range_m, OpenLow(0.0, 2000.0), "maximum instrumented range", kKm)
          .Note("more than `min_range_km`"),
      NumberField("azimuth_center_deg", "deg", &S::azimuth_center_rad, Bounds::Closed(-360, 360),
                  "centre of the azimuth sector, clockwise from north", kDeg),
      NumberField("azimuth_width_deg", "deg", &S::azimuth_width_rad, OpenLow(0.0, 360.0),
                  "width of the azimuth sector (360 = all round)", kDeg),
      NumberField("min_elevation_deg", "deg", &S::min_elevation_rad, Bounds::Closed(-10, 90),
                  "lowest elevation covered", kDeg),
      NumberField("max_elevation_deg", "deg", &S::max_elevation_rad, Bounds::Closed(-10, 90),
                  "highest elevation covered", kDeg)
          .Note("more than `min_elevation_deg`"),
      NumberField("sigma_range_m", "m", &S::sigma_range_m, Bounds::Positive(), "1-sigma range error"),
      NumberField("sigma_azimuth_mrad", "mrad", &S::sigma_azimuth_rad, Bounds::Positive(), "1-sigma azimuth error",
                  kMrad),
      NumberField("sigma_elevation_mrad", "mrad", &S::sigma_elevation_rad, Bounds::Positive(),
                  "1-sigma elevation error", kMrad),
      NumberField("sigma_radial_velocity_mps", "m/s", &S::sigma_radial_velocity_mps, Bounds::NonNegative(),
                  "1-sigma radial (Doppler) velocity error; 0 = no Doppler measurement"),
      SectionField<S>("detection", "map", "detection model; when given, all three keys below are required",
                      "pd 0.9 at 40 km for 0.1 m^2")
          .Children(Describe(DetectionFields())),
      SectionField<S>("range_equation", "map",
                      "detection from the radar range equation instead of `detection` (not both): SNR = Pt G^2 "
                      "lambda^2 sigma tau n / ((4 pi)^3 R^4 k T0 F L)",
                      "none")
          .Children(Describe(RangeEquationFields())),
      NumberField("false_alarm_probability", "probability", &S::false_alarm_probability, OpenLow(0.0, 0.1),
                  "false-alarm probability per cell; with SNR it gives Pd = Pfa^(1/(1+SNR)) (Swerling 1)")
          .Note("`detection.pd` must exceed it"),
      NumberField("false_alarms_per_scan", "count", &S::false_alarms_per_scan,
                  Bounds::Closed(0.0, kMaxFalseAlarmsPerScan),
                  "mean number of false alarms per scan, uniform over the covered volume")
          .Note("all radars together at most 10000000 expected (see [Limits](#limits))"),
      ChoiceField("scan", &S::scan, {"electronic", "rotating"},
                  "`electronic`: every target is seen at the scan time; `rotating`: each target when the beam "
                  "passes its azimuth"),
  };
  return fields;
}

const std::vector<Field<RadarSpec>>& DetectionFields() {
  using S = RadarSpec;
  static const std::vector<Field<S>> fields = {
      // Its lower bound is false_alarm_probability: read by hand.
      NumberField("pd", "probability", &S::detection_probability, Open(0.0, 1.0),
                  "probability of detection per scan at the reference range and RCS")
          .Required()
          .Note("more than `false_alarm_probability`")
          .ByHand(),
      NumberField("reference_range_km", "km", &S::reference_range_m, Bounds::Positive(), "reference range", kKm)
          .Required(),
      NumberField("reference_rcs_m2", "m^2", &S::reference_rcs_m2, Bounds::Positive(), "reference radar cross section")
          .Required(),
  };
  return fields;
}

const std::vector<Field<RadarSpec::RangeEquation>>& RangeEquationFields() {
  using S = RadarSpec::RangeEquation;
  static const std::vector<Field<S>> fields = {
      NumberField("peak_power_kw", "kW", &S::peak_power_W, Bounds::Positive(), "peak transmitted power Pt", kKilo)
          .Required(),
      NumberField("antenna_gain_db", "dB", &S::antenna_gain_dB, Bounds::Closed(0, 80),
                  "antenna gain G (transmit and receive)")
          .Required(),
      NumberField("frequency_ghz", "GHz", &S::frequency_Hz, Bounds::Closed(0.01, 100.0),
                  "carrier frequency (lambda = c / f)", kGiga)
          .Required(),
      NumberField("pulse_width_us", "us", &S::pulse_width_s, Bounds::Positive(), "pulse width tau (matched filter)",
                  kMicro)
          .Required(),
      IntegerField("pulses_integrated", "pulses", &S::pulses_integrated, 1, 100000, "pulses integrated coherently, n"),
      NumberField("noise_figure_db", "dB", &S::noise_figure_dB, Bounds::Closed(0, 30), "receiver noise figure F"),
      NumberField("losses_db", "dB", &S::losses_dB, Bounds::Closed(0, 60), "system losses L"),
  };
  return fields;
}

const std::vector<Field<BatterySpec>>& BatteryFields() {
  using S = BatterySpec;
  static const std::vector<Field<S>> fields = {
      NameField("name", &S::name, "battery name").Required().Note("unique among radars **and** batteries"),
      ChoiceField("effector", &S::effector, {"missile", "gun"},
                  "what the battery fires: interceptor missiles, or gun bursts ([effectors.md](effectors.md))"),
      TextChoiceField("interceptor", &S::interceptor, InterceptorNames(),
                      "interceptor type ([interceptors.md](interceptors.md))")
          .Note("`effector: missile` only"),
      TextChoiceField("gun_type", &S::gun_type, GunNames(),
                      "gun type ([effectors.md](effectors.md#skynex_35)); each launcher is a mount, its "
                      "`interceptors` count bursts")
          .Note("`effector: gun` only"),
      OptionalIntegerField("burst_rounds", "rounds", &S::burst_rounds, 1, 1000, "rounds in one burst (one shot)",
                           "the gun type's (skynex_35: 20)")
          .Note("`effector: gun` only"),
      OptionalNumberField("muzzle_velocity_mps", "m/s", &S::muzzle_velocity_mps, OpenLow(0.0, 3000.0),
                          "muzzle velocity of the gun's rounds", "the gun type's (skynex_35: 1050)")
          .Note("`effector: gun` only"),
      OptionalNumberField("cost_per_round_usd", "USD", &S::cost_per_round_usd, Bounds::NonNegative(),
                          "cost of one round; a burst costs `burst_rounds` of them", "the gun type's (skynex_35: 1000)")
          .Note("`effector: gun` only"),
      NumberField("sector_center_deg", "deg", &S::sector_center_rad, Bounds::Closed(-360.0, 360.0),
                  "centre of the azimuth sector the gun covers, clockwise from north", kDeg)
          .Note("`effector: gun` only"),
      NumberField("sector_width_deg", "deg", &S::sector_width_rad, OpenLow(0.0, 360.0),
                  "width of the azimuth sector the gun covers (360: all round)", kDeg)
          .Note("`effector: gun` only"),
      ChoiceField("defend", &S::defend, {"point", "area"},
                  "which drones it engages: `point`, those predicted into an area it defends; `area`, any drone "
                  "within its reach (docs/battle_manager.md#area-defence)"),
      NumberField("area_value", "value units", &S::area_value, Bounds::Positive(),
                  "value at risk credited to a drone that `defend: area` engages while it threatens no defended "
                  "area"),
      SectionField<S>("launchers", "list", "the battery's launchers (table below)").Required().Note("1 to 100"),
      NumberField("min_range_km", "km", &S::min_range_m, Bounds::NonNegative(), "minimum engagement range", kKm),
      OptionalNumberField("max_range_km", "km", &S::max_range_m, Bounds::Positive(),
                          "maximum engagement range (slant range to the intercept point)",
                          "the interceptor's kinematic reach from its fly-out table (tamir: 15 km)", kKm)
          .Note("more than `min_range_km`; a value beyond the kinematic reach is warned about (the reach is used)"),
      NumberField("min_altitude_m", "m", &S::min_altitude_m, Bounds::NonNegative(), "minimum intercept altitude"),
      NumberField("max_altitude_km", "km", &S::max_altitude_m, Bounds::Positive(),
                  "maximum intercept altitude (note: km)", kKm)
          .Note("more than `min_altitude_m` / 1000"),
      NumberField("cost_per_interceptor_usd", "USD", &S::cost_per_interceptor_usd, Bounds::NonNegative(),
                  "cost of one interceptor"),
      NumberField("engage_threshold", "value units", &S::engage_threshold, Bounds::NonNegative(),
                  "value at risk that triggers an engagement"),
      SectionField<S>("defends", "list", "names of the defended areas this battery protects", "all areas")
          .Note("1 to 10000 names when given, each a defended area"),
      IntegerField("max_interceptors_per_threat", "interceptors", &S::max_interceptors_per_threat, 1, 16,
                   "doctrine: most interceptors at one threat"),
      BoolField("shoot_look_shoot", &S::shoot_look_shoot,
                "doctrine: fire one, assess the kill, fire again if time allows; else a salvo of two"),
      NumberField("kill_assessment_s", "s", &S::kill_assessment_s, Bounds::Closed(0.0, 60.0),
                  "from a predicted intercept to knowing whether it killed"),
      NumberField("reaction_time_s", "s", &S::reaction_time_s, Bounds::Closed(0.0, 60.0),
                  "from a fire order to the interceptor leaving the launcher"),
      NumberField("value_usd_per_unit", "USD", &S::value_usd_per_unit, Bounds::NonNegative(),
                  "worth of one unit of defended value: hold fire when value at risk x Pk x this is below the "
                  "interceptor's cost; 0 = never hold"),
      NumberField("uplink_loss_probability", "probability", &S::uplink_loss_probability, Bounds::Closed(0, 1),
                  "probability that one mid-course uplink refresh (one every 0.1 s) to an interceptor in flight is "
                  "lost: it flies on the last estimate it got (docs/links.md)"),
      NumberField("uplink_latency_s", "s", &S::uplink_latency_s, Bounds::Closed(0, 60),
                  "delay of each mid-course uplink refresh on its way to the interceptor: it steers on an "
                  "estimate this much older (docs/links.md)"),
      OptionalNumberField("navigation_constant", "-", &S::navigation_constant, Bounds::Closed(1.0, 10.0),
                          "proportional-navigation constant N of this battery's interceptors", "the interceptor's (4)"),
      OptionalBoolField("augmented_pn", &S::augmented_pn, "augmented proportional navigation",
                        "the interceptor's (`false`)"),
      OptionalNumberField("lethal_radius_m", "m", &S::lethal_radius_m, OpenLow(0.0, 1000.0), "warhead lethal radius",
                          "the interceptor's (6)"),
      OptionalChoiceField("kill_model", &S::kill_model, {"carleton", "cookie_cutter"},
                          "kill probability against miss distance: `carleton` (exp(-d^2 / 2 r^2)) or "
                          "`cookie_cutter` (1 within r)",
                          "the interceptor's (`carleton`)"),
      OptionalNumberField("single_shot_pk", "-", &S::single_shot_pk, Bounds::Closed(0.0, 1.0),
                          "overrides the single-shot kill probability the battle manager plans with (against every "
                          "threat); the kills still come from the endgame model, so the two may disagree "
                          "(docs/interceptor.md#planning-pk)",
                          "estimated from the endgame model per threat class"),
      NumberField("false_kill_declaration_probability", "probability", &S::false_kill_declaration_probability,
                  Bounds::Closed(0, 1),
                  "probability that a kill assessment declares killed a threat the radar saw survive: it is not "
                  "fired at again (docs/interceptor.md#kill-assessment)"),
      NumberField("missed_kill_probability", "probability", &S::missed_kill_probability, Bounds::Closed(0, 1),
                  "probability that a kill assessment misses a kill (the radar saw nothing since the intercept): "
                  "the threat may be fired at again (docs/interceptor.md#kill-assessment)"),
  };
  return fields;
}

const std::vector<Field<LauncherSpec>>& LauncherFields() {
  using S = LauncherSpec;
  static const std::vector<Field<S>> fields = {
      SectionField<S>("site", "deg, m", kSiteDoc).Required().Note("as for radar sites"),
      IntegerField("interceptors", "interceptors", &S::interceptors, 0, 1000, "interceptors loaded at the start"),
      NumberField("reload_s", "s", &S::reload_s, Bounds::NonNegative(), "time to reload once empty"),
      NumberField("min_launch_interval_s", "s", &S::min_launch_interval_s, Bounds::NonNegative(),
                  "shortest time between two launches"),
  };
  return fields;
}

const std::vector<Field<LinkSpec>>& LinkFields() {
  using S = LinkSpec;
  static const std::vector<Field<S>> fields = {
      NameField("name", &S::name, "link name").Default("`<from>-><to>`"),
      NameField("from", &S::from, "sending radar or battery").Required().Note("a radar's or battery's name"),
      NameField("to", &S::to, "receiving radar or battery").Required().Note("a radar's or battery's name, not `from`"),
      NumberField("latency_s", "s", &S::latency_s, Bounds::Closed(0, 3600), "one-way delay"),
      NumberField("jitter_s", "s", &S::jitter_s, Bounds::Closed(0, 3600),
                  "extra delay of each message, uniform between 0 and this"),
      NumberField("loss_probability", "probability", &S::loss_probability, Bounds::Closed(0, 1),
                  "probability that a message is lost (1: a dead link)"),
      OptionalNumberField("bandwidth_kbps", "kbit/s", &S::bandwidth_kbps, OpenLow(0.0, 1e7),
                          "what the link carries: each report takes its size over this to send, "
                          "and waits while the one before is sent (docs/links.md gives the sizes)",
                          "unlimited"),
      SectionField<S>("outages", "list", "times when the link carries nothing: `[{start_s: 30, end_s: 90}, ...]`",
                      "none")
          .Note("up to 1000 windows within `duration_s`, each `end_s` after its `start_s`"),
  };
  return fields;
}

const std::vector<Field<LinkOutage>>& LinkOutageFields() {
  using S = LinkOutage;
  // Both are bounded by duration_s: read by hand.
  static const std::vector<Field<S>> fields = {
      NumberField("start_s", "s", &S::start_s, Bounds::NonNegative(), "start of the outage")
          .Required()
          .Note("at most `duration_s`")
          .ByHand(),
      NumberField("end_s", "s", &S::end_s, Bounds::NonNegative(), "end of the outage")
          .Required()
          .Note("after `start_s`, at most `duration_s`")
          .ByHand(),
  };
  return fields;
}

std::vector<KeyTable> ScenarioKeyTables() {
  // The origin is a geodetic point whose latitude stays off the poles, and
  // whose height is the ground's.
  std::vector<FieldInfo> origin = Describe(GeodeticFields());
  origin[0].note = "within +-85 (the local frame degenerates near the poles)";
  origin[2].doc = "height of the ground above the WGS84 ellipsoid";
  std::vector<FieldInfo> ground_point = Describe(GeodeticFields());
  ground_point.resize(2);  // on the ground: no altitude key
  return {
      {"top_level", "", Describe(TopLevelFields())},
      {"origin", "/properties/origin", origin},
      {"", "/$defs/site", Describe(GeodeticFields())},
      {"", "/$defs/latLon", ground_point},
      {"physics", "/$defs/physics", Describe(PhysicsFields())},
      {"", "/$defs/wind", Describe(WindFields())},
      {"defended_areas", "/$defs/defendedArea", Describe(DefendedAreaFields())},
      {"alert_zones", "/$defs/alertZone", Describe(AlertZoneFields())},
      {"threats", "/$defs/salvo", Describe(SalvoFields())},
      {"waypoints", "/$defs/waypoint", Describe(WaypointFields())},
      {"radars", "/$defs/radar", Describe(RadarFields())},
      {"", "/$defs/detection", Describe(DetectionFields())},
      {"motor", "/$defs/motor", Describe(MotorFields())},
      {"", "/$defs/radar/properties/range_equation", Describe(RangeEquationFields())},
      {"batteries", "/$defs/battery", Describe(BatteryFields())},
      {"launchers", "/$defs/launcher", Describe(LauncherFields())},
      {"links", "/$defs/link", Describe(LinkFields())},
      {"", "/$defs/link/properties/outages/items", Describe(LinkOutageFields())},
      {"tracker", "/properties/tracker", Describe(TrackerFields()), "docs/tracking.md"},
  };
}

}  // namespace cupola

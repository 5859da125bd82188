// python/src/stage_bindings.cpp -- single stages, on the user's own inputs:
// the atmosphere, one threat's flight, an impact prediction, a WTA solve.
// Each checks what Python hands over (finite, in range, shapes that agree)
// and calls the library; no model is written here.
#include <pybind11/eigen.h>
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <Eigen/Cholesky>
#include <optional>
#include <vector>

#include "bindings.h"
#include "columns.h"
#include "errors.h"
#include "cupola/assessment/impact_prediction.h"
#include "cupola/core/text.h"
#include "cupola/core/units.h"
#include "cupola/engagement/exact.h"
#include "cupola/engagement/greedy.h"
#include "cupola/engagement/local_search.h"
#include "cupola/physics/atmosphere.h"
#include "cupola/physics/fire_control.h"
#include "cupola/scenario/presets.h"

namespace cupola::python {

namespace py = pybind11;
using Doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;

namespace {

// The 1976 standard is defined from 0 to 86 km; cupola extends its first
// layer down to -5 km (below sea level), and nothing flies above 86 km.
constexpr double kMinAtmosphere_m = -5000.0, kMaxAtmosphere_m = 86000.0;

py::dict Atmosphere(const Doubles& h) {
  const auto* alt = h.data();
  const auto n = static_cast<std::size_t>(h.size());
  for (std::size_t i = 0; i < n; ++i)
    if (!(alt[i] >= kMinAtmosphere_m && alt[i] <= kMaxAtmosphere_m))
      BadArgument("cupola.atmosphere", "h", FormatNumber(alt[i]), "a geometric altitude in [-5000, 86000] m");
  std::vector<AtmosphereSample> rows(n);
  for (std::size_t i = 0; i < n; ++i) rows[i] = StandardAtmosphere1976(alt[i]);
  py::dict t;
  AddColumn<double>(t, "temperature_K", rows, [](const AtmosphereSample& s) { return s.temperature_K; });
  AddColumn<double>(t, "pressure_Pa", rows, [](const AtmosphereSample& s) { return s.pressure_Pa; });
  AddColumn<double>(t, "density_kgpm3", rows, [](const AtmosphereSample& s) { return s.density_kgpm3; });
  AddColumn<double>(t, "speed_of_sound_mps", rows, [](const AtmosphereSample& s) { return s.speed_of_sound_mps; });
  return t;
}

GeodeticPoint Origin(const char* function, double lat_deg, double lon_deg, double alt_m) {
  RequireFinite(function, "origin alt_m", alt_m);
  if (!(lat_deg >= -90.0 && lat_deg <= 90.0)) BadArgument(function, "origin lat_deg", FormatNumber(lat_deg), "a latitude in [-90, 90]");
  if (!(lon_deg >= -180.0 && lon_deg <= 360.0))
    BadArgument(function, "origin lon_deg", FormatNumber(lon_deg), "a longitude in [-180, 360]");
  return {lat_deg, lon_deg, alt_m};
}

void RequireStep(const char* function, const char* key, double step_s, double max_s) {
  if (!(step_s > 0.0 && step_s <= max_s))
    BadArgument(function, key, FormatNumber(step_s), "a step in (0, " + FormatNumber(max_s) + "] s");
}

py::dict Fly(const std::string& type_name, std::optional<double> elevation_deg, double azimuth_deg, double lat_deg,
             double lon_deg, double alt_m, double step_s, double boost_step_s, double sample_s) {
  const char* f = "cupola.fly";
  const ThreatType* type = FindCatalogThreat(type_name);
  if (!type) BadArgument(f, "threat_type", Quote(type_name), "one of " + JoinAlternatives(CatalogNames()));
  if (!type->IsBallistic())
    BadArgument(f, "threat_type", Quote(type_name), "a rocket or mortar type (a drone flies waypoints: run a scenario)");
  RequireFinite(f, "azimuth_deg", azimuth_deg);
  RequireStep(f, "step_s", step_s, 10.0);
  RequireStep(f, "boost_step_s", boost_step_s, 1.0);
  if (!(sample_s >= 0.0 && sample_s <= 600.0)) BadArgument(f, "sample_s", FormatNumber(sample_s), "a number in [0, 600] s (0: the end only)");
  const BallisticParams& b = type->ballistic;
  if (elevation_deg && !(DegToRad(*elevation_deg) >= b.min_elevation_rad - 1e-12 &&
                         DegToRad(*elevation_deg) <= b.max_elevation_rad + 1e-12))
    BadArgument(f, "elevation_deg", FormatNumber(*elevation_deg),
                "an elevation in [" + FormatNumber(RadToDeg(b.min_elevation_rad)) + ", " +
                    FormatNumber(RadToDeg(b.max_elevation_rad)) + "] deg for " + type->name);
  const LocalFrame frame(Origin(f, lat_deg, lon_deg, alt_m));

  std::vector<TrajectoryPoint> points;
  FlightResult flight;
  double elevation_rad = 0.0;
  {
    py::gil_scoped_release released;
    // Launched from the origin over ground at its height, as a scenario's salvo flies.
    const FlightEnvironment env = FlightEnvironment::Standard(frame, alt_m);
    const BallisticModel model{&b, &env, step_s, boost_step_s};
    const double azimuth_rad = DegToRad(azimuth_deg);
    elevation_rad = elevation_deg ? DegToRad(*elevation_deg) : MaxRangeElevation(model, Eigen::Vector3d::Zero(), azimuth_rad);
    const BallisticState start = Launch(model, Eigen::Vector3d::Zero(), elevation_rad, azimuth_rad, 0.0);
    flight = FlyToImpact(model, start, 1e4, sample_s, [&](const TrajectoryPoint& p) { points.push_back(p); });
  }
  py::dict out;
  out["threat_type"] = type->name;
  out["elevation_deg"] = RadToDeg(elevation_rad);
  out["azimuth_deg"] = azimuth_deg;
  out["impacted"] = flight.impacted;
  out["time_of_flight_s"] = flight.end.t_s;
  out["range_m"] = flight.end.p_W.head<2>().norm();
  out["impact_EN_m"] = Eigen::Vector2d(flight.end.p_W.head<2>());
  out["impact_speed_mps"] = flight.end.v_W.norm();
  out["apogee_m"] = flight.apogee_height_m;
  out["apogee_t_s"] = flight.apogee.t_s;
  py::dict t;
  AddColumn<double>(t, "t_s", points, [](const TrajectoryPoint& p) { return p.t_s; });
  AddStateColumns(t, points, [](const TrajectoryPoint& p) { return p.p_W; }, [](const TrajectoryPoint& p) { return p.v_W; });
  out["trajectory"] = t;
  return out;
}

py::dict PredictImpact(const Doubles& state, const Doubles& covariance, double t_s, double lat_deg, double lon_deg,
                       double alt_m, double ground_alt_m, double step_s, double horizon_s) {
  const char* f = "cupola.predict_impact";
  if (state.ndim() != 1 || (state.size() != 6 && state.size() != 7))
    BadArgument(f, "state", "shape " + std::to_string(state.size()) + (state.ndim() == 1 ? "" : " (not 1-D)"),
                "[east, north, up, v_east, v_north, v_up] in m and m/s, optionally a drag parameter kappa [m^2/kg]");
  const auto k = state.size();
  if (covariance.ndim() != 2 || covariance.shape(0) != k || covariance.shape(1) != k)
    BadArgument(f, "covariance", "a " + std::to_string(covariance.ndim()) + "-D array",
                "a " + std::to_string(k) + " x " + std::to_string(k) + " matrix, as the state");
  GaussianState gs;
  gs.t_s = t_s;
  gs.x = Eigen::Map<const Eigen::VectorXd>(state.data(), k);
  gs.P = Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(covariance.data(), k, k);
  RequireFinite(f, "t_s", t_s);
  for (Eigen::Index i = 0; i < k; ++i) RequireFinite(f, "state[" + std::to_string(i) + "]", gs.x(i));
  for (Eigen::Index i = 0; i < k * k; ++i)
    RequireFinite(f, "covariance[" + std::to_string(i / k) + "][" + std::to_string(i % k) + "]", gs.P.data()[i]);
  // The unscented transform takes the covariance's square root: it must be one.
  const Eigen::MatrixXd P = gs.P;
  if (!P.isApprox(P.transpose(), 1e-9) || Eigen::LLT<Eigen::MatrixXd>(P).info() != Eigen::Success)
    BadArgument(f, "covariance", "a matrix that is not symmetric positive definite", "a covariance (symmetric, positive definite)");
  RequireFinite(f, "ground_alt_m", ground_alt_m);
  RequireStep(f, "step_s", step_s, 10.0);
  if (!(horizon_s > 0.0 && horizon_s <= 3600.0)) BadArgument(f, "horizon_s", FormatNumber(horizon_s), "a time in (0, 3600] s");
  const LocalFrame frame(Origin(f, lat_deg, lon_deg, alt_m));

  ImpactPrediction p;
  {
    py::gil_scoped_release released;
    const FlightEnvironment env = FlightEnvironment::Standard(frame, ground_alt_m);
    ImpactPredictorOptions options;
    options.step_s = step_s;
    options.horizon_s = horizon_s;
    p = ImpactPredictor(&env, options).Predict(gs);
  }
  py::dict out;
  out["valid"] = p.valid;
  out["t_impact_s"] = p.t_impact_s;
  out["mean_EN_m"] = p.mean_EN;
  out["cov_EN_m2"] = p.cov_EN;
  Eigen::MatrixX2d points(static_cast<Eigen::Index>(p.points_EN.size()), 2);
  for (std::size_t i = 0; i < p.points_EN.size(); ++i) points.row(static_cast<Eigen::Index>(i)) = p.points_EN[i];
  out["points_EN_m"] = points;
  out["weights"] = Eigen::VectorXd(Eigen::Map<const Eigen::VectorXd>(p.weights.data(), static_cast<Eigen::Index>(p.weights.size())));
  return out;
}

py::dict SolveWta(const Doubles& values, const Doubles& pk, const Eigen::VectorXi& counts,
                  const std::optional<Eigen::VectorXi>& max_per_target, const std::string& solver_name,
                  double time_limit_s, std::uint64_t seed) {
  const char* f = "cupola.solve_wta";
  if (values.ndim() != 1 || values.size() == 0) BadArgument(f, "values", "an empty or not 1-D array", "one value per target");
  if (counts.size() == 0) BadArgument(f, "counts", "no weapon types", "one count per weapon type");
  if (pk.ndim() != 2) BadArgument(f, "pk", "a " + std::to_string(pk.ndim()) + "-D array", "a weapon types x targets matrix");
  WtaProblem problem;
  problem.value = Eigen::Map<const Eigen::VectorXd>(values.data(), values.size());
  problem.kill_probability =
      Eigen::Map<const Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>>(pk.data(), pk.shape(0), pk.shape(1));
  problem.weapons = counts;
  if (max_per_target) problem.max_per_target = *max_per_target;
  if (const std::string fault = problem.Validate(); !fault.empty()) BadInput(std::string(f) + ": " + fault);
  if (!(time_limit_s >= 0.0 && time_limit_s <= 1e6)) BadArgument(f, "time_limit_s", FormatNumber(time_limit_s), "seconds >= 0 (0: the solver's default)");
  if (solver_name != "exact" && solver_name != "local" && solver_name != "greedy")
    BadArgument(f, "solver", Quote(solver_name), "one of exact, local or greedy");

  WtaSolution s;
  {
    // As `cupola wta --solver ...`: the same options for the same seed and time limit.
    py::gil_scoped_release released;
    if (solver_name == "greedy") {
      s = SolveWtaGreedy(problem);
    } else if (solver_name == "local") {
      WtaLocalSearchOptions o;
      o.seed = seed;
      if (time_limit_s > 0.0) o.time_limit_s = time_limit_s, o.rounds = std::numeric_limits<int>::max();
      s = SolveWtaLocalSearch(problem, o);
    } else {
      WtaExactOptions o;
      o.start = WtaLocalSearchOptions{};
      o.start.seed = seed;
      if (time_limit_s > 0.0) o.time_limit_s = time_limit_s;
      s = SolveWtaExact(problem, o);
    }
  }
  py::dict out;
  out["assignment"] = s.assignment;
  out["objective"] = s.objective;
  out["lower_bound"] = s.lower_bound;
  out["proven_optimal"] = s.proven_optimal;
  out["seconds"] = s.seconds;
  out["solver"] = s.solver;
  return out;
}

}  // namespace

void BindStages(py::module_& m) {
  m.def("atmosphere", &Atmosphere, py::arg("h"), "U.S. Standard Atmosphere 1976 at geometric altitudes [m].");
  m.def("fly", &Fly, py::arg("threat_type"), py::arg("elevation_deg"), py::arg("azimuth_deg"), py::arg("lat_deg"),
        py::arg("lon_deg"), py::arg("alt_m"), py::arg("step_s"), py::arg("boost_step_s"), py::arg("sample_s"),
        "One catalog rocket or mortar bomb flown from the origin to impact.");
  m.def("predict_impact", &PredictImpact, py::arg("state"), py::arg("covariance"), py::arg("t_s"), py::arg("lat_deg"),
        py::arg("lon_deg"), py::arg("alt_m"), py::arg("ground_alt_m"), py::arg("step_s"), py::arg("horizon_s"),
        "Impact point of a track state by the unscented transform.");
  m.def("solve_wta", &SolveWta, py::arg("values"), py::arg("pk"), py::arg("counts"), py::arg("max_per_target"),
        py::arg("solver"), py::arg("time_limit_s"), py::arg("seed"), "A static weapon-target assignment.");
}

}  // namespace cupola::python

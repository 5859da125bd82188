// python/src/tracker_binding.cpp -- the tracker alone, on detections from
// Python (`cupola track`'s stage, scan by scan).
//
// The radars and the air come from a scenario (the bundled default unless
// given), as in a run: a tracker fed a run's scans in order makes the run's
// common picture (tracks) again. Each detection's noise is its radar's
// (sensors/scan.cpp gives every detection the radar's sigma).
#include <pybind11/numpy.h>
#include <pybind11/stl.h>

#include <memory>
#include <optional>

#include "bindings.h"
#include "columns.h"
#include "errors.h"
#include "scenario_source.h"
#include "cupola/core/text.h"
#include "cupola/sim/world.h"
#include "cupola/tracking/tracker.h"

namespace cupola::python {

namespace py = pybind11;
using Doubles = py::array_t<double, py::array::c_style | py::array::forcecast>;

namespace {

class PyTracker {
 public:
  PyTracker(const ScenarioSource& scenario, const std::vector<std::string>& overrides,
            const std::optional<std::string>& config_path) {
    ScenarioSpec spec = LoadScenario(scenario, overrides).spec;
    if (config_path) spec.tracker = LoadTrackerConfigFile(*config_path);
    world_ = std::make_unique<World>(std::move(spec));
    if (world_->radars().empty())
      BadArgument(scenario.label, "radars", "none", "a scenario with at least one radar (the tracker's sensors)");
    tracker_ = std::make_unique<Tracker>(world_->spec().tracker, &world_->radars(), &world_->environment());
  }

  /// One scan; returns the report rows it made.
  py::dict Update(double t_s, const Doubles& z, std::optional<Doubles> times, int radar) {
    const char* f = "Tracker.update";
    RequireFinite(f, "t", t_s);
    if (t_s < last_t_s_)
      BadArgument(f, "t", FormatNumber(t_s), "scans in time order: t >= " + FormatNumber(last_t_s_) + ", the last scan's");
    if (radar < 0 || radar >= static_cast<int>(world_->radars().size()))
      BadArgument(f, "radar", std::to_string(radar),
                  "a radar index of the scenario, 0 to " + std::to_string(world_->radars().size() - 1));
    if (z.ndim() != 2 || (z.shape(1) != 3 && z.shape(1) != 4))
      BadArgument(f, "detections", z.ndim() == 2 ? std::to_string(z.shape(1)) + " columns" : std::to_string(z.ndim()) + "-D",
                  "an N x 3 array [range_m, azimuth_rad, elevation_rad] or N x 4 with range_rate_mps");
    const auto n = z.shape(0), cols = z.shape(1);
    if (times && (times->ndim() != 1 || times->shape(0) != n))
      BadArgument(f, "times", std::to_string(times->size()) + " times", "one time per detection (" + std::to_string(n) + ")");
    const RadarModel& model = world_->radars()[static_cast<std::size_t>(radar)];
    const Spherical sigma = model.Covariance().diagonal().cwiseSqrt();
    std::vector<Detection> detections(static_cast<std::size_t>(n));
    for (py::ssize_t i = 0; i < n; ++i) {
      Detection& d = detections[static_cast<std::size_t>(i)];
      d.t_s = times ? times->at(i) : t_s;
      d.radar = radar;
      d.sigma = sigma;
      for (py::ssize_t k = 0; k < cols; ++k) d.z[k] = z.at(i, k);
      for (int k = 0; k < 4; ++k) RequireFinite(f, "detections[" + std::to_string(i) + "][" + std::to_string(k) + "]", d.z[k]);
      RequireFinite(f, "times[" + std::to_string(i) + "]", d.t_s);
      if (!(d.z[0] > 0.0)) BadArgument(f, "detections[" + std::to_string(i) + "][0]", FormatNumber(d.z[0]), "a range > 0 m");
      if (d.t_s < t_s) BadArgument(f, "times[" + std::to_string(i) + "]", FormatNumber(d.t_s), "a time >= the scan's t");
    }
    const std::size_t before = tracker_->reports().size();
    {
      py::gil_scoped_release released;
      tracker_->ProcessScan(radar, t_s, detections);
    }
    last_t_s_ = t_s;
    const auto& all = tracker_->reports();
    return TrackColumns(std::vector<TrackReport>(all.begin() + static_cast<long>(before), all.end()));
  }

  py::dict Reports() const { return TrackColumns(tracker_->reports()); }
  int Confirmed() const {
    int confirmed = 0;
    for (const auto& e : tracker_->events()) confirmed += e.kind == TrackEvent::Kind::kConfirmed;
    return confirmed;
  }

 private:
  std::unique_ptr<World> world_;  // the radars and the air the tracker points into
  std::unique_ptr<Tracker> tracker_;
  double last_t_s_ = -std::numeric_limits<double>::infinity();
};

}  // namespace

void BindTracker(py::module_& m) {
  py::class_<PyTracker>(m, "Tracker")
      .def(py::init<const ScenarioSource&, const std::vector<std::string>&, const std::optional<std::string>&>(),
           py::arg("scenario"), py::arg("overrides"), py::arg("config_path"))
      .def("update", &PyTracker::Update, py::arg("t"), py::arg("detections"), py::arg("times"), py::arg("radar"))
      .def("reports", &PyTracker::Reports)
      .def("confirmed", &PyTracker::Confirmed);
}

}  // namespace cupola::python

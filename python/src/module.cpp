// python/src/module.cpp -- the _cupola extension: thin bindings over the
// library (docs/python.md). The public API is the package python/cupola,
// which checks and converts arguments and wraps these results.
#include <pybind11/pybind11.h>

#include "bindings.h"
#include "errors.h"
#include "cupola/core/version.h"

PYBIND11_MODULE(_cupola, m) {
  m.doc() = "cupola's compiled core; use the `cupola` package.";
  m.attr("__version__") = cupola::Version();
  // Where the bundled scenarios are, after $CUPOLA_SCENARIO_DIR: installed, then the source tree.
  m.attr("SCENARIO_DIRS") = pybind11::make_tuple(CUPOLA_INSTALL_SCENARIO_DIR, CUPOLA_SOURCE_SCENARIO_DIR);
  // Bad input keeps the CLI's message (file:line:column: key: got ...; expected ...).
  cupola::python::RegisterInputError(m);
  cupola::python::BindRun(m);
  cupola::python::BindCampaign(m);
  cupola::python::BindStages(m);
  cupola::python::BindTracker(m);
}

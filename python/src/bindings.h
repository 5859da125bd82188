// python/src/bindings.h -- the parts of the _cupola extension, one file each.
#pragma once

#include <pybind11/pybind11.h>

namespace cupola::python {

void BindRun(pybind11::module_& m);       // run_binding.cpp: one replication
void BindCampaign(pybind11::module_& m);  // campaign_binding.cpp: monte_carlo
void BindStages(pybind11::module_& m);    // stage_bindings.cpp: atmosphere, fly, predict_impact, solve_wta
void BindTracker(pybind11::module_& m);   // tracker_binding.cpp: Tracker

}  // namespace cupola::python

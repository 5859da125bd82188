// cupola/scenario/work_budget.h -- the work a whole scenario asks for, bounded.
//
// Each key has its own bound (limits.h), but work multiplies: a radar's
// scans are duration_s / revisit_s, its false alarms that times
// false_alarms_per_scan, a salvo's integration steps count x flight time /
// step. These totals get bounds too, checked once the scenario is read, and
// each message says how much the scenario would have asked for and which key
// to change.
#pragma once

#include <yaml-cpp/yaml.h>

#include <string>

#include "cupola/scenario/spec.h"

namespace cupola {

/// Throws InputError if `spec` (read from `root` of `file`) passes a total of
/// limits.h: threats, polygon vertices, radar scans, false alarms, flight
/// steps or trajectory rows. The error points at the entry whose share passed
/// the bound.
void CheckWorkBudget(const ScenarioSpec& spec, const YAML::Node& root, const std::string& file);

}  // namespace cupola

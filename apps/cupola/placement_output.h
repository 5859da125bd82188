// placement_output.h -- placement warnings (sim/placement_warnings.h) on the
// command line: printed on stderr, and under --strict a refusal (exit 2).
#pragma once

#include <string>

#include "cupola/sim/world.h"

namespace cupola {

/// Prints the scenario's placement warnings on stderr, "warning: ..." (or
/// "error: ..." under `strict`), each after `label` when it is not empty.
/// Returns true when `strict` refuses the scenario: the caller exits 2
/// before writing anything.
bool ReportPlacementWarnings(const World& world, bool strict, const std::string& label = "");

}  // namespace cupola

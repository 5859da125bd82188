// cupola/sim/placement_warnings.h -- scenario mistakes that load but are
// rarely meant.
//
// A scenario can be valid key by key and still say something its author did
// not mean: an aim point beyond the threat type's reach (every round fired
// at its limit, falling short), a place typed [lon, lat] that lands hundreds
// of kilometres away, a battery no sensor report can reach (it never fires),
// rockets watched by a tracker with no ballistic model (it breaks their
// tracks and predicts impacts far off), a battery envelope promising more
// than its interceptor can fly. `cupola validate`, `run` and `mc` print
// these on stderr and go on; `--strict` makes them errors (exit 2).
// docs/scenario.md#placement-warnings lists them.
#pragma once

#include <string>
#include <vector>

#include "cupola/core/error.h"
#include "cupola/sim/world.h"

namespace cupola {

struct PlacementWarning {
  std::string code;      // stable: aim_beyond_reach, aim_short_of_reach, far_from_origin, lat_lon_swapped,
                         // no_sensor_path, no_ballistic_model, envelope_beyond_reach
  SourceLocation where;  // the item the key belongs to
  std::string key;       // as error messages name it: threats[0].aim_point
  std::string value;     // what the file says
  std::string message;   // what is wrong and what happens because of it

  /// "file:line:col: key: value: message [code]".
  std::string ToString() const;
};

/// Defended areas, alert zones, radars and launchers farther than this from
/// the origin are warned about: the defended region of a short-range
/// defence spans tens of kilometres (a threat's launch site may be farther).
constexpr double kFarFromOrigin_m = 250e3;

std::vector<PlacementWarning> PlacementWarnings(const World& world);

}  // namespace cupola

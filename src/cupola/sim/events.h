// cupola/sim/events.h -- what happens in a run, as plain values.
//
// Every stage reports what it did as Events; io/ writes them as JSON Lines
// (schema: docs/outputs.md). Events of a run are ordered by time, then
// threat id, then track id, then type, so the log is identical on every
// thread count. An event's numbers are values of their own, named with their
// unit (`miss_m`, `pk`, `range_m`), and its why is a Reason code
// (core/reason.h): the `detail` text only repeats them for people.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "cupola/core/reason.h"

namespace cupola {

enum class EventType {
  kLaunch,          // a threat leaves its launcher
  kAimOutOfRange,   // the aim point is outside the type's range: fired at the limit
  kThreatFailure,   // a threat failed: at launch (never flies) or its motor stopped early
  kImpact,          // a threat reaches the ground
  kKilled,          // an interceptor destroys a threat in the air
  kAirborneAtEnd,   // still flying when the scenario ends
  kTrackConfirmed,  // the tracker confirmed a track (M of N)
  kTrackDeleted,    // the tracker dropped a confirmed track
  kEngage,          // decision: engage the threat this track follows
  kIgnore,          // decision: let it fall (open ground, below threshold)
  kAlert,           // civil-defence alert for an alert zone
  kFire,            // a battery fires an interceptor at a track
  kHoldFire,        // the value/cost rule holds fire on an engaged track
  kNoIntercept,     // no ready launcher can intercept an engaged track now
  kSurvived,        // kill assessment: the track survived an interceptor
  kPresumedKilled,  // kill assessment: not detected since an interceptor's intercept
  kDetonation,      // an interceptor's warhead goes off at its closest approach
  kInterceptorMiss, // an interceptor passes, runs out of time or speed, or loses its target
  kLinkDown,        // a link's outage begins: it carries nothing until link_up
  kLinkUp,          // a link's outage ends
};
const char* ToString(EventType type);

/// One named value of an event: a number (real or integer), a flag or a name.
struct EventValue {
  std::string_view key;  // a string literal: snake_case, unit last (miss_m, pk, t_intercept_s)
  std::variant<double, std::int64_t, bool, std::string> value;
};

struct Event {
  double t_s = 0.0;
  EventType type = EventType::kLaunch;
  int threat_id = -1;  // -1 for events about tracks (the tracker never knows threats)
  Eigen::Vector3d p_W = Eigen::Vector3d::Zero();  // where it happened
  std::string area;     // defended area concerned ("" = open ground / none)
  std::string detail;   // short human-readable note (its numbers are in `values` too)
  int track_id = -1;    // track events
  Reason reason = Reason::kNone;   // why, where the type has a why
  std::vector<EventValue> values;  // the event's numbers and names, in the order written
};

bool EventOrder(const Event& a, const Event& b);

}  // namespace cupola

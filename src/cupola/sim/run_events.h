// cupola/sim/run_events.h -- a replication's records as the events of its log.
//
// The stages keep records of what they did (outcomes, decisions, fire
// orders, interceptor fates); these turn them into Events (events.h), the
// log io/ writes as events.jsonl.
#pragma once

#include <vector>

#include "cupola/sim/events.h"
#include "cupola/sim/replication.h"

namespace cupola {

/// A threat's launch, aim-out-of-range, and end (impact, kill, or still flying).
void AddThreatEvents(const World& world, const ThreatOutcome& outcome, std::vector<Event>& events);
/// Track confirmations and deletions, alerts, decisions, fire orders,
/// detonations and misses, and the battle manager's notes.
void AddTrackingEvents(const World& world, const TrackingResult& tracking, std::vector<Event>& events);
/// Each link's scheduled outages within the run: link_down, and link_up when it ends in time.
void AddNetworkEvents(const World& world, std::vector<Event>& events);

}  // namespace cupola

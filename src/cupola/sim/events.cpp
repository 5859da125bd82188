#include "cupola/sim/events.h"

#include <tuple>

namespace cupola {

const char* ToString(EventType type) {
  switch (type) {
    case EventType::kLaunch: return "launch";
    case EventType::kAimOutOfRange: return "aim_out_of_range";
    case EventType::kThreatFailure: return "threat_failure";
    case EventType::kImpact: return "impact";
    case EventType::kKilled: return "killed";
    case EventType::kAirborneAtEnd: return "airborne_at_end";
    case EventType::kTrackConfirmed: return "track_confirmed";
    case EventType::kTrackDeleted: return "track_deleted";
    case EventType::kEngage: return "engage";
    case EventType::kIgnore: return "ignore";
    case EventType::kAlert: return "alert";
    case EventType::kFire: return "fire";
    case EventType::kHoldFire: return "hold_fire";
    case EventType::kNoIntercept: return "no_intercept";
    case EventType::kSurvived: return "survived";
    case EventType::kPresumedKilled: return "presumed_killed";
    case EventType::kDetonation: return "detonation";
    case EventType::kInterceptorMiss: return "interceptor_miss";
    case EventType::kLinkDown: return "link_down";
    case EventType::kLinkUp: return "link_up";
  }
  return "unknown";
}

bool EventOrder(const Event& a, const Event& b) {
  return std::tie(a.t_s, a.threat_id, a.track_id, a.type) < std::tie(b.t_s, b.threat_id, b.track_id, b.type);
}

}  // namespace cupola
